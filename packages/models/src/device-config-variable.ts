// Device config variables (seed `balena.models.config_variable.device_config_variable`): the
// `BALENA_`/`RESIN_` settings the supervisor and the OS read, for one device.
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
import { CONFIG_VARIABLE_RULES } from './dependent-resource/name-rules.js';
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
import type { DeviceConfigVariable } from './types/variable.js';

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
export type { DeviceConfigVariable, VariableFields } from './types/variable.js';

const definition = /* @__PURE__ */ dependentResource<DeviceIdentifier>(
  'device_config_variable',
  'device',
  deviceParent,
  CONFIG_VARIABLE_RULES,
);

/**
 * Creates a config variable on a device and returns it with its id, as the seed did
 * (`POST /v7/device_config_variable`). The name and value rules are checked first.
 *
 * @param client - the client
 * @param uuidOrId - the device: a numeric id or a full uuid
 * @param name - must start with `BALENA_` or `RESIN_`; letters, digits, `_` and `:` (not first)
 * @param value - the value, without line breaks
 * @returns the created config variable
 * @throws InvalidParameter naming the broken rule, before any request
 * @throws DeviceNotFound when the device does not exist
 * @throws RequestError with status 409 when the device already has that name (use `set` to overwrite)
 * @example
 * ```ts
 * const variable = await create(client, uuid, 'BALENA_SUPERVISOR_POLL_INTERVAL', '900000');
 * ```
 */
export const create: CreateRow<DeviceIdentifier, DeviceConfigVariable> = /* @__PURE__ */ bindCreate(definition);

/**
 * Lists the config variables of one device, by name.
 *
 * @param client - the client
 * @param uuidOrId - the device: a numeric id or a full uuid
 * @param options - OData options merged into the query; a literal `$select` narrows the result type
 * @returns the config variables
 * @throws InvalidParameter for a malformed device; DeviceNotFound when it does not exist
 * @example
 * ```ts
 * const settings = await getAll(client, uuid);
 * ```
 */
export const getAll: GetRowsOf<DeviceIdentifier, DeviceConfigVariable> = /* @__PURE__ */ bindGetAllByParent(definition);

/**
 * Lists the config variables of one device: today's name for {@link getAll}.
 *
 * @param client - the client
 * @param uuidOrId - the device: a numeric id or a full uuid
 * @param options - OData options merged into the query
 * @returns the config variables
 * @throws InvalidParameter for a malformed device; DeviceNotFound when it does not exist
 * @example
 * ```ts
 * const settings = await getAllByDevice(client, 123, { $select: ['name', 'value'] });
 * ```
 */
export const getAllByDevice: GetRowsOf<DeviceIdentifier, DeviceConfigVariable> = getAll;

/**
 * Lists the config variables set on the devices of an application (not the application's own).
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param options - OData options merged into the query
 * @returns the device config variables
 * @throws ApplicationNotFound, AmbiguousApplication, InvalidParameter
 * @example
 * ```ts
 * const settings = await getAllByApplication(client, 1043050);
 * ```
 */
export const getAllByApplication: GetRowsOf<ApplicationIdentifier, DeviceConfigVariable> =
  /* @__PURE__ */ bindGetAllByOwner(definition, applicationParent, ownedVia(['device'], 'belongs_to__application'));

/**
 * Reads the value of one config variable of a device.
 *
 * @param client - the client
 * @param uuidOrId - the device: a numeric id or a full uuid
 * @param name - the config variable name
 * @returns the value, or `undefined` when the device does not set it
 * @throws InvalidParameter for an empty name; DeviceNotFound
 * @example
 * ```ts
 * const interval = await get(client, uuid, 'BALENA_SUPERVISOR_POLL_INTERVAL');
 * ```
 */
export const get: GetRowValue<DeviceIdentifier> = /* @__PURE__ */ bindGet(definition);

/**
 * Sets a config variable on a device, creating or overwriting it (an upsert).
 *
 * @param client - the client
 * @param uuidOrId - the device: a numeric id or a full uuid
 * @param name - the config variable name (`BALENA_…` or `RESIN_…`)
 * @param value - the value, without line breaks
 * @throws InvalidParameter naming the broken rule, before any request; DeviceNotFound
 * @example
 * ```ts
 * await set(client, uuid, 'BALENA_SUPERVISOR_LOCAL_MODE', '0');
 * ```
 */
export const set: SetRowValue<DeviceIdentifier> = /* @__PURE__ */ bindSet(definition);

/**
 * Sets a config variable on many devices with bounded concurrency (see the device environment
 * variables' `setForDevices`, which this mirrors).
 *
 * @param client - the client
 * @param devices - device ids, or full uuids (one kind per array)
 * @param name - the config variable name
 * @param value - the value
 * @param options - `concurrency` (default 10) and `signal`
 * @throws InvalidParameter; DeviceNotFound, before any write; PartialWriteError when some writes failed
 * @example
 * ```ts
 * await setForDevices(client, uuids, 'BALENA_SUPERVISOR_POLL_INTERVAL', '600000');
 * ```
 */
export const setForDevices: SetOnDevices = /* @__PURE__ */ bindSetForDevices(definition);

/**
 * Changes the value of a device config variable given by its own id, as the seed did.
 *
 * @param client - the client
 * @param id - the config variable's id (a number, or a string of digits)
 * @param value - the new value, without line breaks
 * @throws InvalidParameter for a bad id or value, before any request
 * @example
 * ```ts
 * await update(client, 132715, 'new test value');
 * ```
 */
export const update: UpdateRowById = /* @__PURE__ */ bindUpdate(definition);

/**
 * Removes a device config variable: by its own id (`remove(client, id)`), or by device and name
 * (`remove(client, uuidOrId, name)`).
 *
 * @param client - the client
 * @param idOrUuidOrId - the config variable's id, or (with `name`) the device
 * @param name - the config variable name, for the second form
 * @throws InvalidParameter; DeviceNotFound for an unknown uuid
 * @example
 * ```ts
 * await remove(client, 132715);
 * ```
 */
export const remove: RemoveRow<DeviceIdentifier> = /* @__PURE__ */ bindRemove(definition);
