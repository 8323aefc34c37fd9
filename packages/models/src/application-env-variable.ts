// Application environment variables (seed `balena.models.environment_variables.application`):
// variables every device of the application receives.
import type { Client, ODataOptions } from '@balena-ts/core';
import * as read from './dependent-resource/read.js';
import { applicationEnvironmentVariables } from './dependent-resource/resources.js';
import * as write from './dependent-resource/write.js';
import type { ApplicationIdentifier } from './internal/application.js';
import type { Selected, TypedOptions } from './types/options.js';
import type { ApplicationEnvironmentVariable } from './types/variable.js';

export {
  isSystemVariable,
  RESERVED_VARIABLE_NAMES,
  RESERVED_VARIABLE_PREFIXES,
} from './dependent-resource/name-rules.js';
export type { ApplicationIdentifier } from './internal/application.js';
export type { Deferred, Navigation } from './types/navigation.js';
export type { Selected, TypedOptions } from './types/options.js';
export type { ApplicationReference } from './types/parent-reference.js';
export type { ApplicationEnvironmentVariable, VariableFields } from './types/variable.js';

/**
 * Creates an environment variable of an application and returns it with its id, as the seed did (`POST /v7/application_environment_variable`).
 * The name and value rules are checked first.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param name - letters, digits and `_`, no leading digit, not `RESIN`/`BALENA`/`USER` nor `RESIN_…`/`BALENA_…`
 * @param value - the value, without line breaks
 * @returns the created environment variable
 * @throws InvalidParameter naming the broken rule, before any request
 * @throws ApplicationNotFound, AmbiguousApplication
 * @throws RequestError with status 409 when the name is taken (use {@link set} to overwrite)
 * @example
 * ```ts
 * const variable = await create(client, 'admin/my-fleet', 'LOG_LEVEL', 'debug');
 * ```
 */
export function create(
  client: Client,
  slugOrUuidOrIdOrName: ApplicationIdentifier,
  name: string,
  value: string,
): Promise<ApplicationEnvironmentVariable> {
  return write.createRow(client, applicationEnvironmentVariables, slugOrUuidOrIdOrName, name, value);
}

/**
 * Lists the environment variables of an application, by name.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param options - OData options merged into the query; a literal `$select` narrows the result type
 * @returns the environment variables
 * @throws InvalidParameter for a malformed application; ApplicationNotFound, AmbiguousApplication
 * @example
 * ```ts
 * const rows = await getAll(client, 'admin/my-fleet', { $select: ['name', 'value'] });
 * ```
 */
export function getAll<const O extends TypedOptions<ApplicationEnvironmentVariable> = {}>(
  client: Client,
  slugOrUuidOrIdOrName: ApplicationIdentifier,
  options?: O,
): Promise<Selected<ApplicationEnvironmentVariable, O>[]> {
  return read.getRowsByParent(client, applicationEnvironmentVariables, slugOrUuidOrIdOrName, options as ODataOptions);
}

/**
 * Today's name for {@link getAll}.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param options - OData options merged into the query; a literal `$select` narrows the result type
 * @returns the environment variables, by name
 * @throws InvalidParameter for a malformed application or options, before any request
 * @throws ApplicationNotFound, AmbiguousApplication
 * @example
 * ```ts
 * const rows = await getAllByApplication(client, 'admin/my-fleet');
 * ```
 */
export const getAllByApplication: typeof getAll = getAll;

/**
 * Reads the value of one environment variable of an application.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param name - the variable name
 * @returns the value, or `undefined` when there is no such environment variable
 * @throws InvalidParameter for an empty name; ApplicationNotFound, AmbiguousApplication
 * @example
 * ```ts
 * const value = await get(client, 'admin/my-fleet', 'LOG_LEVEL');
 * ```
 */
export function get(
  client: Client,
  slugOrUuidOrIdOrName: ApplicationIdentifier,
  name: string,
): Promise<string | undefined> {
  return read.getValue(client, applicationEnvironmentVariables, slugOrUuidOrIdOrName, name);
}

/**
 * Sets an environment variable of an application, creating or overwriting it (an upsert: `POST`, and on a conflict
 * `PATCH`). The name and value rules are checked first.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param name - the variable name
 * @param value - the value, without line breaks
 * @throws InvalidParameter naming the broken rule, before any request; ApplicationNotFound, AmbiguousApplication
 * @example
 * ```ts
 * await set(client, 'admin/my-fleet', 'LOG_LEVEL', 'info');
 * ```
 */
export function set(
  client: Client,
  slugOrUuidOrIdOrName: ApplicationIdentifier,
  name: string,
  value: string,
): Promise<void> {
  return write.setValue(client, applicationEnvironmentVariables, slugOrUuidOrIdOrName, name, value);
}

/**
 * Changes the value of an environment variable given by its own id, as the seed did.
 *
 * @param client - the client
 * @param id - the environment variable's id (a number, or a string of digits)
 * @param value - the new value, without line breaks
 * @throws InvalidParameter for a bad id or value, before any request
 * @example
 * ```ts
 * await update(client, 5652, 'new value');
 * ```
 */
export function update(client: Client, id: number | string, value: string): Promise<void> {
  return write.updateById(client, applicationEnvironmentVariables, id, value);
}

/**
 * Removes an environment variable by its own id, as the seed did.
 *
 * @param client - the client
 * @param id - the environment variable's id (a number, or a string of digits)
 * @throws InvalidParameter for a malformed id
 * @example
 * ```ts
 * await remove(client, 5652);
 * ```
 */
export function remove(client: Client, id: number | string): Promise<void>;
/**
 * Removes the environment variable `name` of an application. Removing what does not exist is not an error.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param name - the variable name
 * @throws InvalidParameter for a malformed application or an empty name; ApplicationNotFound, AmbiguousApplication
 * @example
 * ```ts
 * await remove(client, 'admin/my-fleet', 'LOG_LEVEL');
 * ```
 */
export function remove(client: Client, slugOrUuidOrIdOrName: ApplicationIdentifier, name: string): Promise<void>;
export function remove(
  client: Client,
  idOrSlugOrUuidOrIdOrName: number | string,
  ...name: [name?: string]
): Promise<void> {
  return write.removeByIdOrKey(client, applicationEnvironmentVariables, idOrSlugOrUuidOrIdOrName, ...name);
}
