import type { Client } from '@balena-ts/core';
import { warnDeprecated } from './internal/deprecation.js';
import { byUuid, callSupervisor, type SupervisorCall } from './internal/supervisor-call.js';
import type { ApplicationId, DeviceUuid } from './types.js';

const REGENERATE_API_KEY: SupervisorCall = {
  functionName: 'regenerateSupervisorApiKey',
  path: '/v1/regenerate-api-key',
  method: 'POST',
  proxyFilter: byUuid,
  lockable: false,
};

/**
 * Asks the supervisor to replace its API key; the application restarts on the next update cycle
 * to receive the new key. Deprecated: today's SDKs dropped it and newer supervisors may not serve
 * it; it says so once per process.
 *
 * @param client - the client
 * @param appId - the device's application; optional on the device itself
 * @param deviceUuid - the device; optional on the device itself
 * @returns the supervisor's answer: the new key
 * @throws {@link @balena-ts/core#InvalidOption} through the API's proxy without `deviceUuid` or `appId`
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @throws {@link @balena-ts/core#DeviceOffline} when the device is not online
 * @throws {@link @balena-ts/core#RequestError} when the supervisor does not serve the endpoint
 * @example
 * ```ts
 * const newKey = await regenerateSupervisorApiKey(client, appId, uuid);
 * ```
 * @deprecated No modern balena SDK offers it.
 */
export async function regenerateSupervisorApiKey(
  client: Client,
  appId?: ApplicationId,
  deviceUuid?: DeviceUuid,
): Promise<string> {
  warnDeprecated(client, 'regenerateSupervisorApiKey', 'no modern balena SDK offers it and newer supervisors may not');
  return callSupervisor<string>(client, REGENERATE_API_KEY, deviceUuid, appId);
}
