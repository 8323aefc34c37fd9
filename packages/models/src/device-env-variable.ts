// Device environment variables (seed `balena.models.environment_variables.device`).
import { applicationParent } from './dependent-resource/application-parent.js';
import {
  bindCreate,
  bindGet,
  bindGetAllByOwner,
  bindGetAllByParent,
  bindRemove,
  bindSet,
  bindSetForDevices,
  bindUpdate,
} from './dependent-resource/bind.js';
import { dependentResource } from './dependent-resource/definition.js';
import { deviceParent } from './dependent-resource/device-parent.js';
import { ENVIRONMENT_VARIABLE_RULES } from './dependent-resource/name-rules.js';
import type {
  CreateRow,
  GetRowsOf,
  GetRowValue,
  RemoveRow,
  SetOnDevices,
  SetRowValue,
  UpdateRowById,
} from './dependent-resource/operation-types.js';
import { ownedVia } from './dependent-resource/owner-filter.js';
import type { ApplicationIdentifier } from './internal/application.js';
import type { DeviceIdentifier } from './internal/device.js';
import type { DeviceEnvironmentVariable } from './types/variable.js';

export type {
  CreateRow,
  GetRowsOf,
  GetRowValue,
  RemoveRow,
  SetOnDevices,
  SetRowValue,
  UpdateRowById,
} from './dependent-resource/operation-types.js';
export { PartialWriteError, type WriteFailure } from './dependent-resource/partial-write-error.js';
export { DEFAULT_WRITE_CONCURRENCY, type SetForDevicesOptions } from './dependent-resource/set-for-devices.js';
export type { ApplicationIdentifier } from './internal/application.js';
export type { DeviceIdentifier } from './internal/device.js';
export type { Deferred, Navigation } from './types/navigation.js';
export type { Selected, TypedOptions } from './types/options.js';
export type { ApplicationReference, DeviceReference } from './types/parent-reference.js';
export type { DeviceEnvironmentVariable, VariableFields } from './types/variable.js';

const definition = /* @__PURE__ */ dependentResource<DeviceIdentifier>(
  'device_environment_variable',
  'device',
  deviceParent,
  ENVIRONMENT_VARIABLE_RULES,
);

/**
 * Creates an environment variable on a device and returns it with its id, as the seed did
 * (`POST /v7/device_environment_variable`). The name and value rules are checked first.
 *
 * @param client - the client
 * @param uuidOrId - the device: a numeric id or a full uuid
 * @param name - letters, digits and `_`, no leading digit, not `RESIN`/`BALENA`/`USER` nor `RESIN_…`/`BALENA_…`
 * @param value - the value, without line breaks
 * @returns the created variable
 * @throws InvalidParameter naming the broken rule, before any request
 * @throws DeviceNotFound when the device does not exist
 * @throws RequestError with status 409 when the device already has that name (use `set` to overwrite)
 * @example
 * ```ts
 * const variable = await create(client, uuid, 'MODE', 'eco');
 * await update(client, variable.id, 'turbo');
 * ```
 */
export const create: CreateRow<DeviceIdentifier, DeviceEnvironmentVariable> = /* @__PURE__ */ bindCreate(definition);

/**
 * Lists the environment variables of one device, by name.
 *
 * @param client - the client
 * @param uuidOrId - the device: a numeric id or a full uuid
 * @param options - OData options merged into the query; a literal `$select` narrows the result type
 * @returns the variables
 * @throws InvalidParameter for a malformed device; DeviceNotFound when it does not exist
 * @example
 * ```ts
 * const variables = await getAll(client, uuid, { $select: ['name', 'value'] });
 * ```
 */
export const getAll: GetRowsOf<DeviceIdentifier, DeviceEnvironmentVariable> =
  /* @__PURE__ */ bindGetAllByParent(definition);

/**
 * Lists the environment variables of one device: today's name for {@link getAll}.
 *
 * @param client - the client
 * @param uuidOrId - the device: a numeric id or a full uuid
 * @param options - OData options merged into the query
 * @returns the variables
 * @throws InvalidParameter for a malformed device; DeviceNotFound when it does not exist
 * @example
 * ```ts
 * const variables = await getAllByDevice(client, 123);
 * ```
 */
export const getAllByDevice: GetRowsOf<DeviceIdentifier, DeviceEnvironmentVariable> = getAll;

/**
 * Lists the environment variables of every device of an application, by name.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param options - OData options merged into the query
 * @returns the variables
 * @throws ApplicationNotFound, AmbiguousApplication, InvalidParameter
 * @example
 * ```ts
 * const variables = await getAllByApplication(client, 'admin/my-fleet');
 * ```
 */
export const getAllByApplication: GetRowsOf<ApplicationIdentifier, DeviceEnvironmentVariable> =
  /* @__PURE__ */ bindGetAllByOwner(definition, applicationParent, ownedVia(['device'], 'belongs_to__application'));

/**
 * Reads the value of one environment variable of a device.
 *
 * @param client - the client
 * @param uuidOrId - the device: a numeric id or a full uuid
 * @param name - the variable name
 * @returns the value, or `undefined` when the device has no such variable
 * @throws InvalidParameter for an empty name; DeviceNotFound
 * @example
 * ```ts
 * const mode = await get(client, uuid, 'MODE');
 * ```
 */
export const get: GetRowValue<DeviceIdentifier> = /* @__PURE__ */ bindGet(definition);

/**
 * Sets an environment variable on a device, creating or overwriting it (an upsert: `POST`, and on a
 * conflict `PATCH`). The name and value rules are checked first.
 *
 * @param client - the client
 * @param uuidOrId - the device: a numeric id or a full uuid
 * @param name - the variable name
 * @param value - the value, without line breaks
 * @throws InvalidParameter naming the broken rule, before any request; DeviceNotFound
 * @example
 * ```ts
 * await set(client, uuid, 'MODE', 'eco');
 * ```
 */
export const set: SetRowValue<DeviceIdentifier> = /* @__PURE__ */ bindSet(definition);

/**
 * Sets an environment variable on many devices with few requests and at most `concurrency` writes
 * in flight (default 10). Devices that already hold the value cost nothing; devices that hold
 * another value are patched in one request per chunk; the others are created one request each.
 *
 * @param client - the client
 * @param devices - device ids, or full uuids (one kind per array)
 * @param name - the variable name
 * @param value - the value, without line breaks
 * @param options - `concurrency` (positive integer) and `signal`
 * @throws InvalidParameter, before any request; DeviceNotFound naming the first missing device, before any write
 * @throws PartialWriteError listing the devices written and not written when some writes failed
 * @example
 * ```ts
 * await setForDevices(client, deviceIds, 'MODE', 'eco', { concurrency: 5 });
 * ```
 */
export const setForDevices: SetOnDevices = /* @__PURE__ */ bindSetForDevices(definition);

/**
 * Changes the value of a device environment variable given by its own id, as the seed did.
 *
 * @param client - the client
 * @param id - the variable's id (a number, or a string of digits)
 * @param value - the new value, without line breaks
 * @throws InvalidParameter for a bad id or value, before any request
 * @example
 * ```ts
 * await update(client, 2184, 'new value');
 * ```
 */
export const update: UpdateRowById = /* @__PURE__ */ bindUpdate(definition);

/**
 * Removes a device environment variable: `remove(client, id)` by its own id as the seed did, or
 * `remove(client, uuidOrId, name)` by device and name. Removing what does not exist is not an error.
 *
 * @param client - the client
 * @param idOrUuidOrId - the variable's id, or (with `name`) the device
 * @param name - the variable name, for the second form
 * @throws InvalidParameter for a malformed id, device or name; DeviceNotFound for an unknown uuid
 * @example
 * ```ts
 * await remove(client, 2184);
 * await remove(client, uuid, 'MODE');
 * ```
 */
export const remove: RemoveRow<DeviceIdentifier> = /* @__PURE__ */ bindRemove(definition);
