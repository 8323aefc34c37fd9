import { type Client, InvalidOption } from '@balena-ts/core';
import { updateSettings } from './internal/settings.js';
import type { SupervisorOptions } from './types.js';

const ENDPOINTS: ReadonlySet<string> = new Set(['auto', 'device', 'api']);

/**
 * Sets how this client's supervisor calls are sent: which endpoint, which local supervisor (in
 * place of the `BALENA_SUPERVISOR_*` environment variables, e.g. in a browser), and where
 * deprecation notices go. Options left out keep their current value.
 *
 * @param client - the client
 * @param options - `endpoint`, `localSupervisor`, `onDeprecation`
 * @throws {@link @balena-ts/core#InvalidOption} for an unknown endpoint or an incomplete local supervisor
 * @example
 * ```ts
 * configureSupervisor(client, {
 *   endpoint: 'device',
 *   localSupervisor: { address: 'http://127.0.0.1:48484', apiKey: key, appId: 1 },
 * });
 * ```
 */
export function configureSupervisor(client: Client, options: SupervisorOptions): void {
  if (options.endpoint !== undefined && !ENDPOINTS.has(options.endpoint)) {
    throw new InvalidOption(`Unknown supervisor endpoint: ${String(options.endpoint)} (expected auto, device or api)`);
  }
  const local = options.localSupervisor;
  if (local && (typeof local.address !== 'string' || !local.address || typeof local.apiKey !== 'string')) {
    throw new InvalidOption('localSupervisor needs an address and an apiKey');
  }
  updateSettings(client, options);
}
