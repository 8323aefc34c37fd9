// Device environment variables (seed `balena.models.environment_variables.device`).
import type { Client, ODataOptions } from '@balena-ts/core';
import * as read from './dependent-resource/read.js';
import { deviceEnvironmentVariables } from './dependent-resource/resources.js';
import { type SetForDevicesOptions, setForDevices as setOnDevices } from './dependent-resource/set-for-devices.js';
import * as write from './dependent-resource/write.js';
import type { ApplicationIdentifier } from './internal/application.js';
import type { DeviceIdentifier } from './internal/device.js';
import type { Selected, TypedOptions } from './types/options.js';
import type { DeviceEnvironmentVariable } from './types/variable.js';

export { PartialWriteError, type WriteFailure } from './dependent-resource/partial-write-error.js';
export { DEFAULT_WRITE_CONCURRENCY, type SetForDevicesOptions } from './dependent-resource/set-for-devices.js';
export type { ApplicationIdentifier } from './internal/application.js';
export type { DeviceIdentifier } from './internal/device.js';
export type { Deferred, Navigation } from './types/navigation.js';
export type { Selected, TypedOptions } from './types/options.js';
export type { ApplicationReference, DeviceReference } from './types/parent-reference.js';
export type { DeviceEnvironmentVariable, VariableFields } from './types/variable.js';

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
 * @throws RequestError with status 409 when the device already has that name (use {@link set} to overwrite)
 * @example
 * ```ts
 * const variable = await create(client, uuid, 'MODE', 'eco');
 * await update(client, variable.id, 'turbo');
 * ```
 */
export function create(
  client: Client,
  uuidOrId: DeviceIdentifier,
  name: string,
  value: string,
): Promise<DeviceEnvironmentVariable> {
  return write.createRow(client, deviceEnvironmentVariables, uuidOrId, name, value);
}

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
export function getAll<const O extends TypedOptions<DeviceEnvironmentVariable> = {}>(
  client: Client,
  uuidOrId: DeviceIdentifier,
  options?: O,
): Promise<Selected<DeviceEnvironmentVariable, O>[]> {
  return read.getRowsByParent(client, deviceEnvironmentVariables, uuidOrId, options as ODataOptions);
}

/**
 * Lists the environment variables of one device: today's name for {@link getAll}.
 *
 * @param client - the client
 * @param uuidOrId - the device: a numeric id or a full uuid
 * @param options - OData options merged into the query; a literal `$select` narrows the result type
 * @returns the environment variables, by name
 * @throws InvalidParameter for a malformed device or options, before any request
 * @throws DeviceNotFound
 * @example
 * ```ts
 * const variables = await getAllByDevice(client, 123);
 * ```
 */
export const getAllByDevice: typeof getAll = getAll;

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
export function getAllByApplication<const O extends TypedOptions<DeviceEnvironmentVariable> = {}>(
  client: Client,
  slugOrUuidOrIdOrName: ApplicationIdentifier,
  options?: O,
): Promise<Selected<DeviceEnvironmentVariable, O>[]> {
  return read.getRowsByApplication(client, deviceEnvironmentVariables, slugOrUuidOrIdOrName, options as ODataOptions);
}

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
export function get(client: Client, uuidOrId: DeviceIdentifier, name: string): Promise<string | undefined> {
  return read.getValue(client, deviceEnvironmentVariables, uuidOrId, name);
}

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
export function set(client: Client, uuidOrId: DeviceIdentifier, name: string, value: string): Promise<void> {
  return write.setValue(client, deviceEnvironmentVariables, uuidOrId, name, value);
}

/**
 * Sets an environment variable on many devices with at most `concurrency` writes in flight (default
 * 10). Ids are written directly, one upsert each (as many requests as devices, no lookup). Uuids are
 * looked up in one request per chunk, which also reads the current values: devices that already hold
 * the value cost nothing, devices that hold another value are patched in one request per chunk, and
 * the others get one create each. When some writes fail the others still happen, and the error lists
 * the devices written and not written.
 *
 * @param client - the client
 * @param devices - device ids, or full uuids (one kind per array)
 * @param name - the variable name
 * @param value - the value, without line breaks
 * @param options - `concurrency` (a positive integer) and `signal` (stops starting new writes)
 * @throws InvalidParameter, before any request; DeviceNotFound naming the first missing device, before any
 *   write, when the devices are given by uuid (ids are written directly: a missing id is listed in the
 *   PartialWriteError with DeviceNotFound as its reason)
 * @throws PartialWriteError listing the devices written and not written when some writes failed
 * @example
 * ```ts
 * await setForDevices(client, deviceIds, 'MODE', 'eco', { concurrency: 5 });
 * ```
 */
export function setForDevices(
  client: Client,
  devices: readonly number[] | readonly string[],
  name: string,
  value: string,
  options?: SetForDevicesOptions,
): Promise<void> {
  return setOnDevices(client, deviceEnvironmentVariables, devices, name, value, options);
}

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
export function update(client: Client, id: number | string, value: string): Promise<void> {
  return write.updateById(client, deviceEnvironmentVariables, id, value);
}

/**
 * Removes a device environment variable by its own id, as the seed did.
 *
 * @param client - the client
 * @param id - the variable's id (a number, or a string of digits)
 * @throws InvalidParameter for a malformed id
 * @example
 * ```ts
 * await remove(client, 2184);
 * ```
 */
export function remove(client: Client, id: number | string): Promise<void>;
/**
 * Removes the environment variable `name` of a device. Removing what does not exist is not an error.
 *
 * @param client - the client
 * @param uuidOrId - the device: a numeric id or a full uuid
 * @param name - the variable name
 * @throws InvalidParameter for a malformed device or an empty name; DeviceNotFound for an unknown uuid
 * @example
 * ```ts
 * await remove(client, uuid, 'MODE');
 * ```
 */
export function remove(client: Client, uuidOrId: DeviceIdentifier, name: string): Promise<void>;
export function remove(client: Client, idOrUuidOrId: number | string, ...name: [name?: string]): Promise<void> {
  return write.removeByIdOrKey(client, deviceEnvironmentVariables, idOrUuidOrId, ...name);
}
