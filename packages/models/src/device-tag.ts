// Device tags (seed `balena.models.tag.device`).
import { applicationParent } from './dependent-resource/application-parent.js';
import {
  bindGet,
  bindGetAllByOwner,
  bindGetAllByParent,
  bindGetEvery,
  bindRemoveByKey,
  bindSet,
  bindSetForDevices,
} from './dependent-resource/bind.js';
import { dependentResource } from './dependent-resource/definition.js';
import { deviceParent } from './dependent-resource/device-parent.js';
import { TAG_RULES } from './dependent-resource/name-rules.js';
import type {
  GetEveryRow,
  GetRowsOf,
  GetRowValue,
  RemoveRowByKey,
  SetOnDevices,
  SetRowValue,
} from './dependent-resource/operation-types.js';
import { ownedVia } from './dependent-resource/owner-filter.js';
import type { ApplicationIdentifier } from './internal/application.js';
import type { DeviceIdentifier } from './internal/device.js';
import type { DeviceTag } from './types/tag.js';

export type {
  GetEveryRow,
  GetRowsOf,
  GetRowValue,
  RemoveRowByKey,
  SetOnDevices,
  SetRowValue,
} from './dependent-resource/operation-types.js';
export { PartialWriteError, type WriteFailure } from './dependent-resource/partial-write-error.js';
export { DEFAULT_WRITE_CONCURRENCY, type SetForDevicesOptions } from './dependent-resource/set-for-devices.js';
export type { ApplicationIdentifier } from './internal/application.js';
export type { DeviceIdentifier } from './internal/device.js';
export type { Deferred, Navigation } from './types/navigation.js';
export type { Selected, TypedOptions } from './types/options.js';
export type { ApplicationReference, DeviceReference } from './types/parent-reference.js';
export type { DeviceTag, TagFields } from './types/tag.js';

const definition = /* @__PURE__ */ dependentResource<DeviceIdentifier>('device_tag', 'device', deviceParent, TAG_RULES);

/**
 * Lists every device tag the caller can read, by key.
 *
 * @param client - the client
 * @param options - OData options merged into the query; a literal `$select` narrows the result type
 * @returns the tags
 * @example
 * ```ts
 * const tags = await getAll(client, { $filter: { tag_key: 'location' } });
 * ```
 */
export const getAll: GetEveryRow<DeviceTag> = /* @__PURE__ */ bindGetEvery(definition);

/**
 * Lists the tags of every device of an application, by key.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param options - OData options merged into the query
 * @returns the tags
 * @throws ApplicationNotFound, AmbiguousApplication, InvalidParameter
 * @example
 * ```ts
 * const tags = await getAllByApplication(client, 'admin/my-fleet');
 * ```
 */
export const getAllByApplication: GetRowsOf<ApplicationIdentifier, DeviceTag> = /* @__PURE__ */ bindGetAllByOwner(
  definition,
  applicationParent,
  ownedVia(['device'], 'belongs_to__application'),
);

/**
 * Lists the tags of one device, by key.
 *
 * @param client - the client
 * @param uuidOrId - the device: a numeric id or a full uuid
 * @param options - OData options merged into the query
 * @returns the tags
 * @throws InvalidParameter for a malformed device; DeviceNotFound when it does not exist
 * @example
 * ```ts
 * const tags = await getAllByDevice(client, uuid, { $select: ['tag_key', 'value'] });
 * ```
 */
export const getAllByDevice: GetRowsOf<DeviceIdentifier, DeviceTag> = /* @__PURE__ */ bindGetAllByParent(definition);

/**
 * Reads the value of one tag of a device.
 *
 * @param client - the client
 * @param uuidOrId - the device: a numeric id or a full uuid
 * @param tagKey - the tag key
 * @returns the value, or `undefined` when the device has no such tag
 * @throws InvalidParameter for an empty key; DeviceNotFound
 * @example
 * ```ts
 * const location = await get(client, uuid, 'location');
 * ```
 */
export const get: GetRowValue<DeviceIdentifier> = /* @__PURE__ */ bindGet(definition);

/**
 * Sets a tag on a device, creating or overwriting it (an upsert: `POST`, and on a conflict `PATCH`).
 * The key must be non-empty, without whitespace, and not start with `io.resin.` or `io.balena.`.
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
export const set: SetRowValue<DeviceIdentifier> = /* @__PURE__ */ bindSet(definition);

/**
 * Sets a tag on many devices with bounded concurrency: existing tags are patched in one request per
 * chunk, missing ones created at most `concurrency` at a time.
 *
 * @param client - the client
 * @param devices - device ids, or full uuids (one kind per array)
 * @param tagKey - the tag key
 * @param value - the value
 * @param options - `concurrency` (default 10) and `signal`
 * @throws InvalidParameter; DeviceNotFound, before any write; PartialWriteError when some writes failed
 * @example
 * ```ts
 * await setForDevices(client, deviceIds, 'batch', '2024-06');
 * ```
 */
export const setForDevices: SetOnDevices = /* @__PURE__ */ bindSetForDevices(definition);

/**
 * Removes a tag from a device. Removing a tag that does not exist is not an error.
 *
 * @param client - the client
 * @param uuidOrId - the device: a numeric id or a full uuid
 * @param tagKey - the tag key
 * @throws InvalidParameter for an empty key or a malformed device; DeviceNotFound for an unknown uuid
 * @example
 * ```ts
 * await remove(client, uuid, 'location');
 * ```
 */
export const remove: RemoveRowByKey<DeviceIdentifier> = /* @__PURE__ */ bindRemoveByKey(definition);
