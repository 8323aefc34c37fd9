import type { Client } from '@balena-ts/core';
import { type DeviceSelector, updateDevices } from '../internal/device-batch.js';

/**
 * Deactivates one or many devices (`is_active: false`), which balena-cloud stops billing. The API
 * refuses to deactivate a device that is online.
 *
 * @param client - the client
 * @param uuidOrIdOrArray - an id, a full uuid, or an array of ids or of uuids
 * @returns resolves once the API has applied the change
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed device argument, before any request
 * @throws {@link @balena-ts/core#DeviceNotFound} naming the first device that does not exist
 * @throws {@link @balena-ts/core#RequestError} 400 when a device is online
 * @example
 * ```ts
 * await deactivate(client, uuid);
 * ```
 */
export function deactivate(client: Client, uuidOrIdOrArray: DeviceSelector): Promise<void> {
  return updateDevices(client, uuidOrIdOrArray, { is_active: false });
}
