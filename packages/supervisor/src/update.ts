import type { Client } from '@balena-ts/core';
import { callForced, type ForcedCall } from './internal/force.js';
import { byDeviceAndApp } from './internal/supervisor-call.js';
import type { ApplicationId, DeviceUuid } from './types.js';

// balena's SDKs do not map a 423 to a lock for an update, so neither does this.
const UPDATE: ForcedCall = { functionName: 'update', path: '/v1/update', proxyFilter: byDeviceAndApp, lockable: false };

/**
 * Makes the supervisor check for an update now; `force` also overrides update locks.
 *
 * @param client - the client
 * @param deviceUuid - the device; optional on the device itself
 * @param appId - the device's application; optional on the device itself
 * @param force - override an update lock; default false
 * @returns the supervisor's answer (usually empty)
 * @throws {@link @balena-ts/core#InvalidOption} through the API's proxy without `deviceUuid` or `appId`
 * @throws {@link @balena-ts/core#InvalidParameter} when `force` is not a boolean
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @throws {@link @balena-ts/core#DeviceOffline} when the device is not online
 * @throws {@link @balena-ts/core#RequestError} for a 423: balena's SDKs do not treat it as a lock here
 * @example
 * ```ts
 * await update(client, uuid, appId, true);
 * ```
 */
export async function update(
  client: Client,
  deviceUuid?: DeviceUuid,
  appId?: ApplicationId,
  force?: boolean,
): Promise<unknown> {
  return callForced<unknown>(client, UPDATE, deviceUuid, appId, force);
}
