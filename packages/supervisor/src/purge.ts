import type { Client } from '@balena-ts/core';
import { appIdCall, callSupervisor } from './internal/supervisor-call.js';
import type { ApplicationId, DeviceUuid, SupervisorActionResult } from './types.js';

const PURGE = appIdCall({ functionName: 'purge', path: '/v1/purge' });

/**
 * Clears the application's `/data` folder on the device.
 *
 * @param client - the client
 * @param appId - the device's application; optional on the device itself (`BALENA_APP_ID`)
 * @param deviceUuid - the device; optional on the device itself
 * @returns the supervisor's answer, `{ Data: 'OK', Error: '' }`
 * @throws {@link @balena-ts/core#InvalidOption} through the API's proxy without `deviceUuid` or `appId`
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @throws {@link @balena-ts/core#DeviceOffline} when the device is not online
 * @throws {@link @balena-ts/core#SupervisorLocked} when an update lock holds (423)
 * @example
 * ```ts
 * await purge(client, appId, uuid);
 * ```
 */
export async function purge(
  client: Client,
  appId?: ApplicationId,
  deviceUuid?: DeviceUuid,
): Promise<SupervisorActionResult> {
  return callSupervisor<SupervisorActionResult>(client, PURGE, deviceUuid, appId);
}
