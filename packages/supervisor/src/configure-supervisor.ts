import { type Client, checkOptionsObject, InvalidOption } from '@balena-ts/core';
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
 * @throws {@link @balena-ts/core#InvalidParameter} when `options` is not an object
 * @example
 * ```ts
 * configureSupervisor(client, {
 *   endpoint: 'device',
 *   localSupervisor: { address: 'http://127.0.0.1:48484', apiKey: key, appId: 1 },
 * });
 * ```
 */
export function configureSupervisor(client: Client, options: SupervisorOptions): void {
  const checked = checkOptionsObject('options', options);
  const { endpoint } = checked;
  if (endpoint !== undefined && !ENDPOINTS.has(endpoint)) {
    const shown = typeof endpoint === 'string' ? endpoint : `a value of type ${typeof endpoint}`;
    throw new InvalidOption(`Unknown supervisor endpoint: ${shown} (expected auto, device or api)`);
  }
  const local = checked.localSupervisor;
  if (local && (typeof local.address !== 'string' || !local.address || typeof local.apiKey !== 'string')) {
    throw new InvalidOption('localSupervisor needs an address and an apiKey');
  }
  if (checked.onDeprecation !== undefined && typeof checked.onDeprecation !== 'function') {
    throw new InvalidOption('onDeprecation must be a function');
  }
  updateSettings(client, checked);
}
