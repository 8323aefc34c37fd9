import type { Client } from '@balena-ts/core';
import { checkForce } from './internal/force.js';
import { sendCommand } from './internal/send.js';
import { resolveTarget } from './internal/target.js';
import type { ApplicationId, DeviceUuid, SupervisorActionResult } from './types.js';

/**
 * Shuts the device down.
 *
 * @param client - the client
 * @param deviceUuid - the device; optional on the device itself
 * @param appId - the device's application; optional on the device itself
 * @param force - override an update lock; default false
 * @returns the supervisor's answer, `{ Data: 'OK', Error: '' }`
 * @throws {@link @balena-ts/core#InvalidOption} through the API's proxy without `deviceUuid` or `appId`
 * @throws {@link @balena-ts/core#InvalidParameter} when `force` is not a boolean
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @throws {@link @balena-ts/core#DeviceOffline} when the device is not online
 * @throws {@link @balena-ts/core#SupervisorLocked} when an update lock holds and `force` is false (423)
 * @example
 * ```ts
 * await shutdown(client, uuid, appId);
 * ```
 */
export async function shutdown(
  client: Client,
  deviceUuid?: DeviceUuid,
  appId?: ApplicationId,
  force?: boolean,
): Promise<SupervisorActionResult> {
  const forced = checkForce(force);
  const target = await resolveTarget(client, {
    functionName: 'shutdown',
    deviceUuid,
    appId,
    takesAppId: true,
    needsAppId: false,
  });
  return sendCommand<SupervisorActionResult>(client, target, {
    path: '/v1/shutdown',
    method: 'POST',
    data: { force: forced },
    proxyFilter: ({ deviceId, appId }) => ({ deviceId, appId }),
    lockable: true,
  });
}
