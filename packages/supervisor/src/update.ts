import type { Client } from '@balena-ts/core';
import { checkForce } from './internal/force.js';
import { sendCommand } from './internal/send.js';
import { resolveTarget } from './internal/target.js';
import type { ApplicationId, DeviceUuid } from './types.js';

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
  const forced = checkForce(force);
  const target = await resolveTarget(client, {
    functionName: 'update',
    deviceUuid,
    appId,
    takesAppId: true,
    needsAppId: false,
  });
  return sendCommand<unknown>(client, target, {
    path: '/v1/update',
    method: 'POST',
    data: { force: forced },
    proxyFilter: ({ deviceId, appId }) => ({ deviceId, appId }),
    lockable: false,
  });
}
