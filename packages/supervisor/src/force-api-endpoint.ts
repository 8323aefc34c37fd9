import { type Client, InvalidOption } from '@balena-ts/core';
import { warnDeprecated } from './internal/deprecation.js';
import { updateSettings } from './internal/settings.js';

/**
 * Sends every later supervisor call of this client to one endpoint: `true` for the supervisor on
 * the device itself, `false` for the balena API's proxy. Deprecated: the endpoint is chosen from
 * the environment (as today's SDKs do) or with {@link configureSupervisor}; it says so once per process.
 *
 * @param client - the client
 * @param endpoint - true: the local supervisor; false: the API's proxy
 * @throws {@link @balena-ts/core#InvalidOption} when `endpoint` is not a boolean
 * @example
 * ```ts
 * forceApiEndpoint(client, false); // go through the API even on a device
 * ```
 * @deprecated Use `configureSupervisor(client, { endpoint: 'device' | 'api' | 'auto' })`.
 */
export function forceApiEndpoint(client: Client, endpoint: boolean): void {
  if (typeof endpoint !== 'boolean') throw new InvalidOption('forceApiEndpoint(endpoint) takes a boolean');
  warnDeprecated(client, 'forceApiEndpoint', "use configureSupervisor(client, { endpoint: 'device' | 'api' })");
  updateSettings(client, { endpoint: endpoint ? 'device' : 'api' });
}
