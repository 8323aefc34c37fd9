import { type Client, InvalidParameter } from '@balena-ts/core';
import {
  type DeviceSelector,
  deleteDevicesById,
  parseDeviceSelector,
  prefetchDevices,
  updateDevices,
  writeDeviceBatch,
} from '../internal/device-batch.js';
import { supportAccessUntil } from '../internal/support-access.js';

/**
 * Renames one or many devices.
 *
 * @param client - the client
 * @param uuidOrIdOrArray - an id, a full uuid, or an array of ids or of uuids
 * @param newName - the new name
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty name or a malformed selector
 * @throws {@link @balena-ts/core#DeviceNotFound} naming the first device that does not exist
 * @returns resolves once the API has applied the change
 * @example
 * ```ts
 * await rename(client, uuid, 'kitchen-sensor');
 * ```
 */
export function rename(client: Client, uuidOrIdOrArray: DeviceSelector, newName: string): Promise<void> {
  if (typeof newName !== 'string' || newName.trim() === '') {
    return Promise.reject(new InvalidParameter('newName', newName, 'a device needs a name'));
  }
  return updateDevices(client, uuidOrIdOrArray, { device_name: newName });
}

/**
 * Sets the note of one or many devices.
 *
 * @param client - the client
 * @param uuidOrIdOrArray - an id, a full uuid, or an array of ids or of uuids
 * @param note - the note (an empty string clears it)
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed selector or a note that is not a string
 * @throws {@link @balena-ts/core#DeviceNotFound} naming the first device that does not exist
 * @returns resolves once the API has applied the change
 * @example
 * ```ts
 * await setNote(client, uuid, 'replaced the SD card');
 * ```
 */
export function setNote(client: Client, uuidOrIdOrArray: DeviceSelector, note: string): Promise<void> {
  if (typeof note !== 'string') return Promise.reject(new InvalidParameter('note', note, 'expected a string'));
  return updateDevices(client, uuidOrIdOrArray, { note });
}

/**
 * The balena Python SDK's `note`: sets the note of a device (see {@link setNote}).
 *
 * @param client - the client
 * @param uuidOrIdOrArray - an id, a full uuid, or an array of ids or of uuids
 * @param noteText - the note
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed device argument, before any request
 * @throws {@link @balena-ts/core#DeviceNotFound} naming the first device that does not exist
 * @returns resolves once the API has applied the change
 * @example
 * ```ts
 * await note(client, uuid, 'test device');
 * ```
 */
export function note(client: Client, uuidOrIdOrArray: DeviceSelector, noteText: string): Promise<void> {
  return setNote(client, uuidOrIdOrArray, noteText);
}

/** A location given by hand, in decimal degrees. */
export interface CustomLocation {
  /** Decimal degrees north. */
  readonly latitude: number | string;
  /** Decimal degrees east. */
  readonly longitude: number | string;
}

/**
 * Sets a custom location on one or many devices (balena-cloud fields `custom_latitude`/`custom_longitude`).
 *
 * @param client - the client
 * @param uuidOrIdOrArray - an id, a full uuid, or an array of ids or of uuids
 * @param location - latitude and longitude
 * @throws {@link @balena-ts/core#InvalidParameter} when a coordinate is not a number
 * @throws {@link @balena-ts/core#DeviceNotFound} naming the first device that does not exist
 * @returns resolves once the API has applied the change
 * @example
 * ```ts
 * await setCustomLocation(client, uuid, { latitude: 21.032777, longitude: 105.831586 });
 * ```
 */
export function setCustomLocation(
  client: Client,
  uuidOrIdOrArray: DeviceSelector,
  location: CustomLocation,
): Promise<void> {
  for (const field of ['latitude', 'longitude'] as const) {
    const value = location?.[field];
    if (value === undefined || value === '' || !Number.isFinite(Number(value))) {
      return Promise.reject(new InvalidParameter(`location.${field}`, value, 'expected a number'));
    }
  }
  return updateDevices(client, uuidOrIdOrArray, {
    custom_latitude: String(location.latitude),
    custom_longitude: String(location.longitude),
  });
}

/**
 * Clears the custom location of one or many devices.
 *
 * @param client - the client
 * @param uuidOrIdOrArray - an id, a full uuid, or an array of ids or of uuids
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed device argument, before any request
 * @throws {@link @balena-ts/core#DeviceNotFound} naming the first device that does not exist
 * @returns resolves once the API has applied the change
 * @example
 * ```ts
 * await unsetCustomLocation(client, uuid);
 * ```
 */
export function unsetCustomLocation(client: Client, uuidOrIdOrArray: DeviceSelector): Promise<void> {
  return updateDevices(client, uuidOrIdOrArray, { custom_latitude: '', custom_longitude: '' });
}

/**
 * Grants balena support access to one or many devices until a time in the future.
 *
 * @param client - the client
 * @param uuidOrIdOrArray - an id, a full uuid, or an array of ids or of uuids
 * @param expiryTimestamp - when access ends, in milliseconds since the epoch
 * @throws {@link @balena-ts/core#InvalidParameter} when the timestamp is not in the future
 * @throws {@link @balena-ts/core#DeviceNotFound} naming the first device that does not exist
 * @returns resolves once the API has applied the change
 * @example
 * ```ts
 * await grantSupportAccess(client, uuid, Date.now() + 3_600_000);
 * ```
 */
export async function grantSupportAccess(
  client: Client,
  uuidOrIdOrArray: DeviceSelector,
  expiryTimestamp: number,
): Promise<void> {
  await updateDevices(client, uuidOrIdOrArray, supportAccessUntil(expiryTimestamp));
}

/**
 * Revokes balena support access to one or many devices.
 *
 * @param client - the client
 * @param uuidOrIdOrArray - an id, a full uuid, or an array of ids or of uuids
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed device argument, before any request
 * @throws {@link @balena-ts/core#DeviceNotFound} naming the first device that does not exist
 * @returns resolves once the API has applied the change
 * @example
 * ```ts
 * await revokeSupportAccess(client, uuid);
 * ```
 */
export function revokeSupportAccess(client: Client, uuidOrIdOrArray: DeviceSelector): Promise<void> {
  return updateDevices(client, uuidOrIdOrArray, { is_accessible_by_support_until__date: null });
}

/**
 * Removes one or many devices (their variables and tags go with them).
 *
 * @param client - the client
 * @param uuidOrIdOrArray - an id, a full uuid, or an array of ids or of uuids
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed selector
 * @throws {@link @balena-ts/core#DeviceNotFound} naming the first device that does not exist (nothing is removed then)
 * @throws PartialWriteError when a later chunk of a large array fails after earlier ones were removed
 * @returns resolves once every device is deleted
 * @example
 * ```ts
 * await remove(client, [101, 102]);
 * ```
 */
export async function remove(client: Client, uuidOrIdOrArray: DeviceSelector): Promise<void> {
  const selection = parseDeviceSelector(uuidOrIdOrArray);
  const devices = await prefetchDevices(client, selection);
  await writeDeviceBatch('device removal', selection, devices, (progress) =>
    deleteDevicesById(
      client,
      devices.map((device) => device.id),
      progress,
    ),
  );
}
