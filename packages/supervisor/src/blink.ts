import type { Client } from '@balena-ts/core';
import { sendCommand } from './internal/send.js';
import { resolveTarget } from './internal/target.js';
import type { ApplicationId, DeviceUuid } from './types.js';

/**
 * Makes the device blink its LED for 15 seconds, so that it can be told apart (the modern SDKs'
 * `device.identify`).
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
 * await blink(client, '8f66ec7335267e7cc7999ca9eec029a0', 9020);
 * ```
 */
export async function blink(client: Client, deviceUuid?: DeviceUuid, appId?: ApplicationId): Promise<string> {
  const target = await resolveTarget(client, {
    functionName: 'blink',
    deviceUuid,
    appId,
    takesAppId: true,
    needsAppId: false,
  });
  return sendCommand<string>(client, target, {
    path: '/v1/blink',
    method: 'POST',
    proxyFilter: ({ uuid }) => ({ uuid }),
    lockable: false,
  });
}
