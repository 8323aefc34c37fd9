import type { Client } from '@balena-ts/core';
import { type DeviceIdentifier, getDevice } from '../internal/device.js';
import { sendSupervisorAction } from '../internal/supervisor-action.js';

// Container restarts can take a while on slow devices; the API proxy waits for the supervisor.
const CONTAINER_ACTION_TIMEOUT_MS = 50_000;

/**
 * Makes a device blink its LED, so that it can be told apart (through the API's supervisor proxy).
 *
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed device argument, before any request
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @throws {@link @balena-ts/core#RequestError} 404 "No online device(s) found" when the device is offline
 * @returns resolves once the supervisor proxy accepted the request
 * @example
 * ```ts
 * await identify(client, uuid);
 * ```
 */
export async function identify(client: Client, uuidOrId: DeviceIdentifier): Promise<void> {
  const { uuid } = await getDevice<{ uuid: string }>(client, uuidOrId, { $select: 'uuid' });
  await client.request('/supervisor/v1/blink', { method: 'POST', body: { uuid } });
}

/**
 * Restarts the application's containers on a device (through the API's supervisor proxy).
 *
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid
 * @returns the supervisor's answer
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed device argument, before any request
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @throws {@link @balena-ts/core#SupervisorLocked} when an update lock holds (423)
 * @throws {@link @balena-ts/core#RequestError} 404 "No online device(s) found" when the device is offline
 * @example
 * ```ts
 * await restartApplication(client, uuid);
 * ```
 */
export async function restartApplication(client: Client, uuidOrId: DeviceIdentifier): Promise<unknown> {
  const device = await getDevice<{ id: number; belongs_to__application: { id: number }[] }>(client, uuidOrId, {
    $select: ['id', 'supervisor_version'],
    $expand: { belongs_to__application: { $select: 'id' } },
  });
  const appId = device.belongs_to__application[0]?.id;
  return sendSupervisorAction(
    client,
    '/v1/restart',
    { deviceId: device.id, appId, data: { appId } },
    CONTAINER_ACTION_TIMEOUT_MS,
  );
}

/**
 * The balena Python SDK's `restart`: restarts the application's containers on a device (see {@link restartApplication}).
 *
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid
 * @returns the supervisor's answer
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed device argument, before any request
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @throws {@link @balena-ts/core#SupervisorLocked} when an update lock holds
 * @example
 * ```ts
 * await restart(client, uuid);
 * ```
 */
export function restart(client: Client, uuidOrId: DeviceIdentifier): Promise<unknown> {
  return restartApplication(client, uuidOrId);
}
