import type { Client } from '@balena-ts/core';
import { warnDeprecated } from './internal/deprecation.js';
import { sendCommand } from './internal/send.js';
import { resolveTarget } from './internal/target.js';
import type { ApplicationId, DeviceUuid } from './types.js';

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
  const target = await resolveTarget(client, {
    functionName: 'regenerateSupervisorApiKey',
    deviceUuid,
    appId,
    takesAppId: true,
    needsAppId: false,
  });
  return sendCommand<string>(client, target, {
    path: '/v1/regenerate-api-key',
    method: 'POST',
    proxyFilter: ({ uuid }) => ({ uuid }),
    lockable: false,
  });
}
