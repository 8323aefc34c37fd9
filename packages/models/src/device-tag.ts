// Device tags (seed `balena.models.tag.device`).
import type { Client, ODataOptions } from '@balena-ts/core';
import * as read from './dependent-resource/read.js';
import { deviceTags } from './dependent-resource/resources.js';
import { type SetForDevicesOptions, setForDevices as setOnDevices } from './dependent-resource/set-for-devices.js';
import * as write from './dependent-resource/write.js';
import type { ApplicationIdentifier } from './internal/application.js';
import type { DeviceIdentifier } from './internal/device.js';
import type { Selected, TypedOptions } from './types/options.js';
import type { DeviceTag } from './types/tag.js';

export { PartialWriteError, type WriteFailure } from './dependent-resource/partial-write-error.js';
export { DEFAULT_WRITE_CONCURRENCY, type SetForDevicesOptions } from './dependent-resource/set-for-devices.js';
export type { ApplicationIdentifier } from './internal/application.js';
export type { DeviceIdentifier } from './internal/device.js';
export type { Deferred, Navigation } from './types/navigation.js';
export type { Selected, TypedOptions } from './types/options.js';
export type { ApplicationReference, DeviceReference } from './types/parent-reference.js';
export type { DeviceTag, TagFields } from './types/tag.js';

/**
 * Lists every tag the caller can read, by key.
 *
 * @param client - the client
 * @param options - OData options merged into the query; a literal `$select` narrows the result type
 * @returns the tags
 * @throws InvalidParameter for options that are not OData options, before any request
 * @example
 * ```ts
 * const tags = await getAll(client, { $filter: { tag_key: 'location' } });
 * ```
 */
export function getAll<const O extends TypedOptions<DeviceTag> = {}>(
  client: Client,
  options?: O,
): Promise<Selected<DeviceTag, O>[]> {
  return read.getAllRows(client, deviceTags, options as ODataOptions);
}

/**
 * Lists the tags of one device, by key.
 *
 * @param client - the client
 * @param uuidOrId - the device: a numeric id or a full uuid
 * @param options - OData options merged into the query; a literal `$select` narrows the result type
 * @returns the tags
 * @throws InvalidParameter for a malformed device; DeviceNotFound
 * @example
 * ```ts
 * const rows = await getAllByDevice(client, uuid, { $select: ['tag_key', 'value'] });
 * ```
 */
export function getAllByDevice<const O extends TypedOptions<DeviceTag> = {}>(
  client: Client,
  uuidOrId: DeviceIdentifier,
  options?: O,
): Promise<Selected<DeviceTag, O>[]> {
  return read.getRowsByParent(client, deviceTags, uuidOrId, options as ODataOptions);
}

/**
 * Lists the tags of every device of an application, by key.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param options - OData options merged into the query; a literal `$select` narrows the result type
 * @returns the tags
 * @throws ApplicationNotFound, AmbiguousApplication, InvalidParameter
 * @example
 * ```ts
 * const rows = await getAllByApplication(client, 'admin/my-fleet');
 * ```
 */
export function getAllByApplication<const O extends TypedOptions<DeviceTag> = {}>(
  client: Client,
  slugOrUuidOrIdOrName: ApplicationIdentifier,
  options?: O,
): Promise<Selected<DeviceTag, O>[]> {
  return read.getRowsByApplication(client, deviceTags, slugOrUuidOrIdOrName, options as ODataOptions);
}

/**
 * Reads the value of one tag of one device.
 *
 * @param client - the client
 * @param uuidOrId - the device: a numeric id or a full uuid
 * @param tagKey - the tag key
 * @returns the value, or `undefined` when there is no such tag
 * @throws InvalidParameter for an empty key; DeviceNotFound
 * @example
 * ```ts
 * const value = await get(client, uuid, 'location');
 * ```
 */
export function get(client: Client, uuidOrId: DeviceIdentifier, tagKey: string): Promise<string | undefined> {
  return read.getValue(client, deviceTags, uuidOrId, tagKey);
}

/**
 * Sets a tag of one device, creating or overwriting it (an upsert: `POST`, and on a conflict
 * `PATCH`). The key must be non-empty, without whitespace, and not start with `io.resin.` or `io.balena.`.
 *
 * @param client - the client
 * @param uuidOrId - the device: a numeric id or a full uuid
 * @param tagKey - the tag key
 * @param value - the value (any string)
 * @throws InvalidParameter naming the broken rule, before any request; DeviceNotFound
 * @example
 * ```ts
 * await set(client, uuid, 'location', 'lab');
 * ```
 */
export function set(client: Client, uuidOrId: DeviceIdentifier, tagKey: string, value: string): Promise<void> {
  return write.setValue(client, deviceTags, uuidOrId, tagKey, value);
}

/**
 * Sets a tag on many devices with few requests and at most `concurrency` writes in flight (default
 * 10), as the device environment variables' `setForDevices` does: ids get one upsert each; uuids are
 * looked up per chunk, existing rows patched in one request per chunk, missing ones created one
 * request each.
 *
 * @param client - the client
 * @param devices - device ids, or full uuids (one kind per array)
 * @param tagKey - the tag key
 * @param value - the value (any string)
 * @param options - `concurrency` (a positive integer) and `signal` (stops starting new writes)
 * @throws InvalidParameter, before any request; DeviceNotFound, before any write, for a missing uuid
 * @throws PartialWriteError when some writes failed, a missing id among them (DeviceNotFound as its reason)
 * @example
 * ```ts
 * await setForDevices(client, deviceIds, 'location', 'lab');
 * ```
 */
export function setForDevices(
  client: Client,
  devices: readonly number[] | readonly string[],
  tagKey: string,
  value: string,
  options?: SetForDevicesOptions,
): Promise<void> {
  return setOnDevices(client, deviceTags, devices, tagKey, value, options);
}

/**
 * Removes a tag of one device. Removing a tag that does not exist is not an error.
 *
 * @param client - the client
 * @param uuidOrId - the device: a numeric id or a full uuid
 * @param tagKey - the tag key
 * @throws InvalidParameter for an empty key or a malformed device; DeviceNotFound
 * @example
 * ```ts
 * await remove(client, uuid, 'location');
 * ```
 */
export function remove(client: Client, uuidOrId: DeviceIdentifier, tagKey: string): Promise<void> {
  return write.removeByKey(client, deviceTags, uuidOrId, tagKey);
}
