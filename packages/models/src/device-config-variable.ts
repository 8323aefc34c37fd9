// Device config variables (seed `balena.models.config_variable.device_config_variable`): the
// `BALENA_`/`RESIN_` settings the supervisor and the OS read, for one device.
import type { Client, ODataOptions } from '@balena-ts/core';
import * as read from './dependent-resource/read.js';
import { deviceConfigVariables } from './dependent-resource/resources.js';
import { type SetForDevicesOptions, setForDevices as setOnDevices } from './dependent-resource/set-for-devices.js';
import * as write from './dependent-resource/write.js';
import type { ApplicationIdentifier } from './internal/application.js';
import type { DeviceIdentifier } from './internal/device.js';
import type { Selected, TypedOptions } from './types/options.js';
import type { DeviceConfigVariable } from './types/variable.js';

export { PartialWriteError, type WriteFailure } from './dependent-resource/partial-write-error.js';
export { DEFAULT_WRITE_CONCURRENCY, type SetForDevicesOptions } from './dependent-resource/set-for-devices.js';
export type { ApplicationIdentifier } from './internal/application.js';
export type { DeviceIdentifier } from './internal/device.js';
export type { Deferred, Navigation } from './types/navigation.js';
export type { Selected, TypedOptions } from './types/options.js';
export type { ApplicationReference, DeviceReference } from './types/parent-reference.js';
export type { DeviceConfigVariable, VariableFields } from './types/variable.js';

/**
 * Creates a config variable of one device and returns it with its id, as the seed did (`POST /v7/device_config_variable`).
 * The name and value rules are checked first.
 *
 * @param client - the client
 * @param uuidOrId - the device: a numeric id or a full uuid
 * @param name - must start with `BALENA_` or `RESIN_`; letters, digits, `_` and `:` (not first)
 * @param value - the value, without line breaks
 * @returns the created config variable
 * @throws InvalidParameter naming the broken rule, before any request
 * @throws DeviceNotFound
 * @throws RequestError with status 409 when the name is taken (use {@link set} to overwrite)
 * @example
 * ```ts
 * const variable = await create(client, uuid, 'BALENA_SUPERVISOR_POLL_INTERVAL', '900000');
 * ```
 */
export function create(
  client: Client,
  uuidOrId: DeviceIdentifier,
  name: string,
  value: string,
): Promise<DeviceConfigVariable> {
  return write.createRow(client, deviceConfigVariables, uuidOrId, name, value);
}

/**
 * Lists the config variables of one device, by name.
 *
 * @param client - the client
 * @param uuidOrId - the device: a numeric id or a full uuid
 * @param options - OData options merged into the query; a literal `$select` narrows the result type
 * @returns the config variables
 * @throws InvalidParameter for a malformed device; DeviceNotFound
 * @example
 * ```ts
 * const rows = await getAll(client, uuid, { $select: ['name', 'value'] });
 * ```
 */
export function getAll<const O extends TypedOptions<DeviceConfigVariable> = {}>(
  client: Client,
  uuidOrId: DeviceIdentifier,
  options?: O,
): Promise<Selected<DeviceConfigVariable, O>[]> {
  return read.getRowsByParent(client, deviceConfigVariables, uuidOrId, options as ODataOptions);
}

/**
 * Today's name for {@link getAll}.
 *
 * @param client - the client
 * @param uuidOrId - the device: a numeric id or a full uuid
 * @param options - OData options merged into the query; a literal `$select` narrows the result type
 * @returns the config variables, by name
 * @throws InvalidParameter for a malformed device or options, before any request
 * @throws DeviceNotFound
 * @example
 * ```ts
 * const rows = await getAllByDevice(client, 123);
 * ```
 */
export const getAllByDevice: typeof getAll = getAll;

/**
 * Lists the config variables set on the devices of an application (not the application's own), by name.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param options - OData options merged into the query; a literal `$select` narrows the result type
 * @returns the config variables
 * @throws ApplicationNotFound, AmbiguousApplication, InvalidParameter
 * @example
 * ```ts
 * const rows = await getAllByApplication(client, 'admin/my-fleet');
 * ```
 */
export function getAllByApplication<const O extends TypedOptions<DeviceConfigVariable> = {}>(
  client: Client,
  slugOrUuidOrIdOrName: ApplicationIdentifier,
  options?: O,
): Promise<Selected<DeviceConfigVariable, O>[]> {
  return read.getRowsByApplication(client, deviceConfigVariables, slugOrUuidOrIdOrName, options as ODataOptions);
}

/**
 * Reads the value of one config variable of one device.
 *
 * @param client - the client
 * @param uuidOrId - the device: a numeric id or a full uuid
 * @param name - the config variable name
 * @returns the value, or `undefined` when there is no such config variable
 * @throws InvalidParameter for an empty name; DeviceNotFound
 * @example
 * ```ts
 * const value = await get(client, uuid, 'BALENA_SUPERVISOR_POLL_INTERVAL');
 * ```
 */
export function get(client: Client, uuidOrId: DeviceIdentifier, name: string): Promise<string | undefined> {
  return read.getValue(client, deviceConfigVariables, uuidOrId, name);
}

/**
 * Sets a config variable of one device, creating or overwriting it (an upsert: `POST`, and on a conflict
 * `PATCH`). The name and value rules are checked first.
 *
 * @param client - the client
 * @param uuidOrId - the device: a numeric id or a full uuid
 * @param name - the config variable name
 * @param value - the value, without line breaks
 * @throws InvalidParameter naming the broken rule, before any request; DeviceNotFound
 * @example
 * ```ts
 * await set(client, uuid, 'BALENA_SUPERVISOR_POLL_INTERVAL', '600000');
 * ```
 */
export function set(client: Client, uuidOrId: DeviceIdentifier, name: string, value: string): Promise<void> {
  return write.setValue(client, deviceConfigVariables, uuidOrId, name, value);
}

/**
 * Sets a config variable on many devices with few requests and at most `concurrency` writes in flight (default
 * 10), as the device environment variables' `setForDevices` does: ids get one upsert each; uuids are
 * looked up per chunk, existing rows patched in one request per chunk, missing ones created one
 * request each.
 *
 * @param client - the client
 * @param devices - device ids, or full uuids (one kind per array)
 * @param name - the config variable name
 * @param value - the value, without line breaks
 * @param options - `concurrency` (a positive integer) and `signal` (stops starting new writes)
 * @throws InvalidParameter, before any request; DeviceNotFound, before any write, for a missing uuid
 * @throws PartialWriteError when some writes failed, a missing id among them (DeviceNotFound as its reason)
 * @example
 * ```ts
 * await setForDevices(client, deviceIds, 'BALENA_SUPERVISOR_POLL_INTERVAL', '600000');
 * ```
 */
export function setForDevices(
  client: Client,
  devices: readonly number[] | readonly string[],
  name: string,
  value: string,
  options?: SetForDevicesOptions,
): Promise<void> {
  return setOnDevices(client, deviceConfigVariables, devices, name, value, options);
}

/**
 * Changes the value of a config variable given by its own id, as the seed did.
 *
 * @param client - the client
 * @param id - the config variable's id (a number, or a string of digits)
 * @param value - the new value, without line breaks
 * @throws InvalidParameter for a bad id or value, before any request
 * @example
 * ```ts
 * await update(client, 132715, 'new value');
 * ```
 */
export function update(client: Client, id: number | string, value: string): Promise<void> {
  return write.updateById(client, deviceConfigVariables, id, value);
}

/**
 * Removes a config variable by its own id, as the seed did.
 *
 * @param client - the client
 * @param id - the config variable's id (a number, or a string of digits)
 * @throws InvalidParameter for a malformed id
 * @example
 * ```ts
 * await remove(client, 132715);
 * ```
 */
export function remove(client: Client, id: number | string): Promise<void>;
/**
 * Removes the config variable `name` of one device. Removing what does not exist is not an error.
 *
 * @param client - the client
 * @param uuidOrId - the device: a numeric id or a full uuid
 * @param name - the config variable name
 * @throws InvalidParameter for a malformed device or an empty name; DeviceNotFound
 * @example
 * ```ts
 * await remove(client, uuid, 'BALENA_SUPERVISOR_POLL_INTERVAL');
 * ```
 */
export function remove(client: Client, uuidOrId: DeviceIdentifier, name: string): Promise<void>;
export function remove(client: Client, idOrUuidOrId: number | string, ...name: [name?: string]): Promise<void> {
  return write.removeByIdOrKey(client, deviceConfigVariables, idOrUuidOrId, ...name);
}
