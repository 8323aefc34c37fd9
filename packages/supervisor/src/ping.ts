import type { Client } from '@balena-ts/core';
import { byDeviceAndApp, callSupervisor, type SupervisorCall } from './internal/supervisor-call.js';
import type { ApplicationId, DeviceUuid } from './types.js';

const PING: SupervisorCall = {
  functionName: 'ping',
  path: '/ping',
  method: 'GET',
  proxyFilter: byDeviceAndApp,
  lockable: false,
};

/**
 * Checks that the device's supervisor is alive and well.
 *
 * @param client - the client
 * @param deviceUuid - the device; optional on the device itself
 * @param appId - the device's application; optional on the device itself
 * @returns the supervisor's answer, `'OK'`
 * @throws {@link @balena-ts/core#InvalidOption} through the API's proxy without `deviceUuid` or `appId`
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @throws {@link @balena-ts/core#DeviceOffline} when the device is not online
 * @example
 * ```ts
 * console.log(await ping(client, uuid, appId)); // 'OK'
 * ```
 */
export async function ping(client: Client, deviceUuid?: DeviceUuid, appId?: ApplicationId): Promise<string> {
  return callSupervisor<string>(client, PING, deviceUuid, appId);
}
