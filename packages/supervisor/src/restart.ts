import type { Client } from '@balena-ts/core';
import { CONTAINER_ACTION_TIMEOUT_MS } from './internal/send.js';
import { appIdCall, callSupervisor } from './internal/supervisor-call.js';
import type { ApplicationId, DeviceUuid } from './types.js';

const RESTART = appIdCall({ functionName: 'restart', path: '/v1/restart', timeout: CONTAINER_ACTION_TIMEOUT_MS });

/**
 * Restarts the application's containers on the device (the modern SDKs' `device.restartApplication`).
 *
 * @param client - the client
 * @param appId - the device's application; optional on the device itself (`BALENA_APP_ID`)
 * @param deviceUuid - the device; optional on the device itself
 * @returns the supervisor's answer, `'OK'`
 * @throws {@link @balena-ts/core#InvalidOption} through the API's proxy without `deviceUuid` or `appId`
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @throws {@link @balena-ts/core#DeviceOffline} when the device is not online
 * @throws {@link @balena-ts/core#SupervisorLocked} when an update lock holds (423)
 * @example
 * ```ts
 * await restart(client, appId, uuid);
 * ```
 */
export async function restart(client: Client, appId?: ApplicationId, deviceUuid?: DeviceUuid): Promise<string> {
  return callSupervisor<string>(client, RESTART, deviceUuid, appId);
}
