// Service environment variables (seed `balena.models.environment_variables.service_environment_variable`):
// variables one service of an application receives on every device.
import type { Client, ODataOptions } from '@balena-ts/core';
import * as read from './dependent-resource/read.js';
import { serviceEnvironmentVariables } from './dependent-resource/resources.js';
import * as write from './dependent-resource/write.js';
import type { ApplicationIdentifier } from './internal/application.js';
import type { ServiceIdentifier } from './service/resolve-service.js';
import type { Selected, TypedOptions } from './types/options.js';
import type { ServiceEnvironmentVariable } from './types/variable.js';

export type { ApplicationIdentifier } from './internal/application.js';
export type { ServiceIdentifier } from './service/resolve-service.js';
export type { Deferred, Navigation } from './types/navigation.js';
export type { Selected, TypedOptions } from './types/options.js';
export type { ApplicationReference } from './types/parent-reference.js';
export type { Service } from './types/service.js';
export type { ServiceEnvironmentVariable, VariableFields } from './types/variable.js';

/**
 * Creates an environment variable for one service of an application and returns it with its id,
 * as the seed did: the service is found by name, then `POST /v7/service_environment_variable`.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param serviceName - the service's name in the application's compose file
 * @param name - letters, digits and `_`, no leading digit, not `RESIN`/`BALENA`/`USER` nor `RESIN_…`/`BALENA_…`
 * @param value - the value, without line breaks
 * @returns the created variable
 * @throws InvalidParameter naming the broken rule, before any request
 * @throws ApplicationNotFound, AmbiguousApplication, ServiceNotFound
 * @throws RequestError with status 409 when the service already has that name (use {@link set} to overwrite)
 * @example
 * ```ts
 * const variable = await create(client, 1005160, 'proxy', 'APP_PROXY', 'on');
 * ```
 */
export function create(
  client: Client,
  slugOrUuidOrIdOrName: ApplicationIdentifier,
  serviceName: string,
  name: string,
  value: string,
): Promise<ServiceEnvironmentVariable> {
  const service = { application: slugOrUuidOrIdOrName, service_name: serviceName };
  return write.createRow(client, serviceEnvironmentVariables, service, name, value);
}

/**
 * Lists the environment variables of every service of an application, by name.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param options - OData options merged into the query; a literal `$select` narrows the result type
 * @returns the variables
 * @throws ApplicationNotFound, AmbiguousApplication, InvalidParameter
 * @example
 * ```ts
 * const variables = await getAllByApplication(client, 'admin/my-fleet');
 * ```
 */
export function getAllByApplication<const O extends TypedOptions<ServiceEnvironmentVariable> = {}>(
  client: Client,
  slugOrUuidOrIdOrName: ApplicationIdentifier,
  options?: O,
): Promise<Selected<ServiceEnvironmentVariable, O>[]> {
  return read.getRowsByApplication(client, serviceEnvironmentVariables, slugOrUuidOrIdOrName, options as ODataOptions);
}

/**
 * Lists the environment variables of one service, by name.
 *
 * @param client - the client
 * @param serviceIdOrNaturalKey - a service id, or `{ application, service_name }`
 * @param options - OData options merged into the query; a literal `$select` narrows the result type
 * @returns the variables
 * @throws InvalidParameter; ServiceNotFound, ApplicationNotFound
 * @example
 * ```ts
 * const variables = await getAllByService(client, { application: 'admin/my-fleet', service_name: 'proxy' });
 * ```
 */
export function getAllByService<const O extends TypedOptions<ServiceEnvironmentVariable> = {}>(
  client: Client,
  serviceIdOrNaturalKey: ServiceIdentifier,
  options?: O,
): Promise<Selected<ServiceEnvironmentVariable, O>[]> {
  return read.getRowsByParent(client, serviceEnvironmentVariables, serviceIdOrNaturalKey, options as ODataOptions);
}

/**
 * Reads the value of one environment variable of a service.
 *
 * @param client - the client
 * @param serviceIdOrNaturalKey - a service id, or `{ application, service_name }`
 * @param name - the variable name
 * @returns the value, or `undefined` when the service has no such variable
 * @throws InvalidParameter for an empty name; ServiceNotFound, ApplicationNotFound
 * @example
 * ```ts
 * const proxy = await get(client, 42, 'APP_PROXY');
 * ```
 */
export function get(
  client: Client,
  serviceIdOrNaturalKey: ServiceIdentifier,
  name: string,
): Promise<string | undefined> {
  return read.getValue(client, serviceEnvironmentVariables, serviceIdOrNaturalKey, name);
}

/**
 * Sets an environment variable of a service, creating or overwriting it (an upsert).
 *
 * @param client - the client
 * @param serviceIdOrNaturalKey - a service id, or `{ application, service_name }`
 * @param name - the variable name
 * @param value - the value, without line breaks
 * @throws InvalidParameter naming the broken rule, before any request; ServiceNotFound, ApplicationNotFound
 * @example
 * ```ts
 * await set(client, { application: 'admin/my-fleet', service_name: 'proxy' }, 'APP_PROXY', 'off');
 * ```
 */
export function set(
  client: Client,
  serviceIdOrNaturalKey: ServiceIdentifier,
  name: string,
  value: string,
): Promise<void> {
  return write.setValue(client, serviceEnvironmentVariables, serviceIdOrNaturalKey, name, value);
}

/**
 * Changes the value of a service environment variable given by its own id, as the seed did.
 *
 * @param client - the client
 * @param id - the variable's id (a number, or a string of digits)
 * @param value - the new value, without line breaks
 * @throws InvalidParameter for a bad id or value, before any request
 * @example
 * ```ts
 * await update(client, 12444, 'new test value');
 * ```
 */
export function update(client: Client, id: number | string, value: string): Promise<void> {
  return write.updateById(client, serviceEnvironmentVariables, id, value);
}

/**
 * Removes a service environment variable by its own id, as the seed did.
 *
 * @param client - the client
 * @param id - the variable's id (a number, or a string of digits)
 * @throws InvalidParameter for a malformed id
 * @example
 * ```ts
 * await remove(client, 12444);
 * ```
 */
export function remove(client: Client, id: number | string): Promise<void>;
/**
 * Removes the environment variable `name` of a service. Removing what does not exist is not an error.
 *
 * @param client - the client
 * @param serviceIdOrNaturalKey - a service id, or `{ application, service_name }`
 * @param name - the variable name
 * @throws InvalidParameter; ServiceNotFound for an unknown `{ application, service_name }`
 * @example
 * ```ts
 * await remove(client, { application: 'admin/my-fleet', service_name: 'proxy' }, 'APP_PROXY');
 * ```
 */
export function remove(client: Client, serviceIdOrNaturalKey: ServiceIdentifier, name: string): Promise<void>;
export function remove(
  client: Client,
  idOrService: number | string | ServiceIdentifier,
  ...name: [name?: string]
): Promise<void> {
  return write.removeByIdOrKey(client, serviceEnvironmentVariables, idOrService, ...name);
}
