import type { Client } from '@balena-ts/core';
import { callForced, type ForcedCall } from './internal/force.js';
import type { ApplicationId, DeviceUuid, SupervisorActionResult } from './types.js';

const REBOOT: ForcedCall = {
  functionName: 'reboot',
  path: '/v1/reboot',
  // A reboot concerns the whole device: balena's SDKs send no appId with it.
  proxyFilter: ({ deviceId }) => ({ deviceId }),
  lockable: true,
};

/**
 * Reboots the device.
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
 * await reboot(client, uuid, appId, true);
 * ```
 */
export async function reboot(
  client: Client,
  deviceUuid?: DeviceUuid,
  appId?: ApplicationId,
  force?: boolean,
): Promise<SupervisorActionResult> {
  return callForced<SupervisorActionResult>(client, REBOOT, deviceUuid, appId, force);
}
