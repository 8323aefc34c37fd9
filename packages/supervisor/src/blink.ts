import type { Client } from '@balena-ts/core';
import { byUuid, callSupervisor, type SupervisorCall } from './internal/supervisor-call.js';
import type { ApplicationId, DeviceUuid } from './types.js';

const BLINK: SupervisorCall = {
  functionName: 'blink',
  path: '/v1/blink',
  method: 'POST',
  proxyFilter: byUuid,
  lockable: false,
};

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
  return callSupervisor<string>(client, BLINK, deviceUuid, appId);
}
