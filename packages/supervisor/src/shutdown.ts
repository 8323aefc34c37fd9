import type { Client } from '@balena-ts/core';
import { callForced, type ForcedCall } from './internal/force.js';
import { byDeviceAndApp } from './internal/supervisor-call.js';
import type { ApplicationId, DeviceUuid, SupervisorActionResult } from './types.js';

const SHUTDOWN: ForcedCall = {
  functionName: 'shutdown',
  path: '/v1/shutdown',
  proxyFilter: byDeviceAndApp,
  lockable: true,
};

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
  return callForced<SupervisorActionResult>(client, SHUTDOWN, deviceUuid, appId, force);
}
