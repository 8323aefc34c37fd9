import type { Client } from '@balena-ts/core';
import { sendCommand } from './internal/send.js';
import { resolveTarget } from './internal/target.js';
import type { ApplicationId, DeviceUuid } from './types.js';

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
  const target = await resolveTarget(client, {
    functionName: 'ping',
    deviceUuid,
    appId,
    takesAppId: true,
    needsAppId: false,
  });
  return sendCommand<string>(client, target, {
    path: '/ping',
    method: 'GET',
    proxyFilter: ({ deviceId, appId }) => ({ deviceId, appId }),
    lockable: false,
  });
}
