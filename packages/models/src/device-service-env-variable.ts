// Device service environment variables (seed
// `balena.models.environment_variables.device_service_environment_variable`): variables of one
// service on one device, stored under the device's service install.
import type { Client, ODataOptions } from '@balena-ts/core';
import { deviceParent } from './dependent-resource/device-parent.js';
import { ownedVia } from './dependent-resource/owner-filter.js';
import * as read from './dependent-resource/read.js';
import { deviceServiceEnvironmentVariables } from './dependent-resource/resources.js';
import * as write from './dependent-resource/write.js';
import type { ApplicationIdentifier } from './internal/application.js';
import type { DeviceIdentifier } from './internal/device.js';
import type { Selected, TypedOptions } from './types/options.js';
import type { DeviceServiceEnvironmentVariable } from './types/variable.js';

export type { DeviceServiceIdentifier } from './device-service-env-variable/resolve-service-install.js';
export type { ApplicationIdentifier } from './internal/application.js';
export type { DeviceIdentifier } from './internal/device.js';
export type { Deferred, Navigation } from './types/navigation.js';
export type { Selected, TypedOptions } from './types/options.js';
export type { ApplicationReference, DeviceReference } from './types/parent-reference.js';
export type { Service, ServiceInstall } from './types/service.js';
export type { DeviceServiceEnvironmentVariable, VariableFields } from './types/variable.js';

const ofDeviceServiceInstalls = /* @__PURE__ */ ownedVia(['service_install'], 'device');

/**
 * Creates an environment variable for one service on one device and returns it with its id, as the
 * seed did: the device's service install is found in one request, then a `POST`.
 *
 * @param client - the client
 * @param uuidOrId - the device: a numeric id or a full uuid
 * @param serviceNameOrId - the service's name or id
 * @param name - letters, digits and `_`, no leading digit, not `RESIN`/`BALENA`/`USER` nor `RESIN_…`/`BALENA_…`
 * @param value - the value, without line breaks
 * @returns the created variable
 * @throws InvalidParameter naming the broken rule, before any request
 * @throws DeviceNotFound; ServiceNotFound when the device does not run that service; AmbiguousDevice
 * @throws RequestError with status 409 when the variable exists (use {@link set} to overwrite)
 * @example
 * ```ts
 * const variable = await create(client, uuid, 'data', 'DEV_DATA', 'test1');
 * ```
 */
export function create(
  client: Client,
  uuidOrId: DeviceIdentifier,
  serviceNameOrId: string | number,
  name: string,
  value: string,
): Promise<DeviceServiceEnvironmentVariable> {
  return write.createRow(
    client,
    deviceServiceEnvironmentVariables,
    { device: uuidOrId, service: serviceNameOrId },
    name,
    value,
  );
}

/**
 * Lists the service environment variables of one device, by name, each with its service install
 * and service name expanded (`service_install[0].installs__service[0].service_name`).
 *
 * @param client - the client
 * @param uuidOrId - the device: a numeric id or a full uuid
 * @param options - OData options merged into the query; a literal `$select` narrows the result type
 * @returns the variables
 * @throws InvalidParameter for a malformed device; DeviceNotFound
 * @example
 * ```ts
 * const variables = await getAll(client, uuid);
 * ```
 */
export function getAll<const O extends TypedOptions<DeviceServiceEnvironmentVariable> = {}>(
  client: Client,
  uuidOrId: DeviceIdentifier,
  options?: O,
): Promise<Selected<DeviceServiceEnvironmentVariable, O>[]> {
  return read.getRowsByOwner(
    client,
    deviceServiceEnvironmentVariables,
    deviceParent,
    uuidOrId,
    ofDeviceServiceInstalls,
    options as ODataOptions,
  );
}

/**
 * Lists the service environment variables of one device: today's name for {@link getAll}.
 *
 * @param client - the client
 * @param uuidOrId - the device: a numeric id or a full uuid
 * @param options - OData options merged into the query
 * @returns the variables
 * @throws InvalidParameter for a malformed device; DeviceNotFound
 * @example
 * ```ts
 * const variables = await getAllByDevice(client, 123, { $select: ['name', 'value'] });
 * ```
 */
export const getAllByDevice: typeof getAll = getAll;

/**
 * Lists the service environment variables of every device of an application, by name, with their
 * service names expanded.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param options - OData options merged into the query
 * @returns the variables
 * @throws ApplicationNotFound, AmbiguousApplication, InvalidParameter
 * @example
 * ```ts
 * const variables = await getAllByApplication(client, 1043050);
 * ```
 */
export function getAllByApplication<const O extends TypedOptions<DeviceServiceEnvironmentVariable> = {}>(
  client: Client,
  slugOrUuidOrIdOrName: ApplicationIdentifier,
  options?: O,
): Promise<Selected<DeviceServiceEnvironmentVariable, O>[]> {
  return read.getRowsByApplication(
    client,
    deviceServiceEnvironmentVariables,
    slugOrUuidOrIdOrName,
    options as ODataOptions,
  );
}

/**
 * Reads the value of one environment variable of a service on a device.
 *
 * @param client - the client
 * @param uuidOrId - the device: a numeric id or a full uuid
 * @param serviceNameOrId - the service's name or id
 * @param name - the variable name
 * @returns the value, or `undefined` when there is no such variable
 * @throws InvalidParameter; DeviceNotFound, ServiceNotFound, AmbiguousDevice
 * @example
 * ```ts
 * const data = await get(client, uuid, 'data', 'DEV_DATA');
 * ```
 */
export function get(
  client: Client,
  uuidOrId: DeviceIdentifier,
  serviceNameOrId: string | number,
  name: string,
): Promise<string | undefined> {
  return read.getValue(client, deviceServiceEnvironmentVariables, { device: uuidOrId, service: serviceNameOrId }, name);
}

/**
 * Sets an environment variable of a service on a device, creating or overwriting it (an upsert).
 *
 * @param client - the client
 * @param uuidOrId - the device: a numeric id or a full uuid
 * @param serviceNameOrId - the service's name or id
 * @param name - the variable name
 * @param value - the value, without line breaks
 * @throws InvalidParameter naming the broken rule, before any request; DeviceNotFound, ServiceNotFound
 * @example
 * ```ts
 * await set(client, uuid, 'data', 'DEV_DATA', 'test2');
 * ```
 */
export function set(
  client: Client,
  uuidOrId: DeviceIdentifier,
  serviceNameOrId: string | number,
  name: string,
  value: string,
): Promise<void> {
  return write.setValue(
    client,
    deviceServiceEnvironmentVariables,
    { device: uuidOrId, service: serviceNameOrId },
    name,
    value,
  );
}

/**
 * Changes the value of a device service environment variable given by its own id, as the seed did.
 *
 * @param client - the client
 * @param id - the variable's id (a number, or a string of digits)
 * @param value - the new value, without line breaks
 * @throws InvalidParameter for a bad id or value, before any request
 * @example
 * ```ts
 * await update(client, 28970, 'test1 new value');
 * ```
 */
export function update(client: Client, id: number | string, value: string): Promise<void> {
  return write.updateById(client, deviceServiceEnvironmentVariables, id, value);
}

/**
 * Removes a device service environment variable by its own id, as the seed did.
 *
 * @param client - the client
 * @param id - the variable's id (a number, or a string of digits)
 * @throws InvalidParameter for a malformed id
 * @example
 * ```ts
 * await remove(client, 28970);
 * ```
 */
export function remove(client: Client, id: number | string): Promise<void>;
/**
 * Removes the variable `name` of a service on a device. Removing what does not exist is not an error.
 *
 * @param client - the client
 * @param uuidOrId - the device: a numeric id or a full uuid
 * @param serviceNameOrId - the service's name or id
 * @param name - the variable name
 * @throws InvalidParameter; DeviceNotFound, ServiceNotFound, AmbiguousDevice
 * @example
 * ```ts
 * await remove(client, uuid, 'data', 'DEV_DATA');
 * ```
 */
export function remove(
  client: Client,
  uuidOrId: DeviceIdentifier,
  serviceNameOrId: string | number,
  name: string,
): Promise<void>;
export function remove(
  client: Client,
  idOrUuidOrId: number | string,
  ...serviceAndName: [serviceNameOrId?: string | number, name?: string]
): Promise<void> {
  // Only a call with the id alone is the seed's form: an undefined service or name is an error,
  // not a reason to delete the row whose id happens to equal the device's.
  if (serviceAndName.length === 0) return write.removeById(client, deviceServiceEnvironmentVariables, idOrUuidOrId);
  const [serviceNameOrId, name] = serviceAndName;
  const target = { device: idOrUuidOrId, service: serviceNameOrId as string | number };
  return write.removeByKey(client, deviceServiceEnvironmentVariables, target, name as string);
}
