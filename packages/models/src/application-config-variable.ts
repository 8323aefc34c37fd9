// Application config variables (seed `balena.models.config_variable.application_config_variable`):
// the `BALENA_`/`RESIN_` settings every device of the application applies.
import type { Client, ODataOptions } from '@balena-ts/core';
import * as read from './dependent-resource/read.js';
import { applicationConfigVariables } from './dependent-resource/resources.js';
import * as write from './dependent-resource/write.js';
import type { ApplicationIdentifier } from './internal/application.js';
import type { Selected, TypedOptions } from './types/options.js';
import type { ApplicationConfigVariable } from './types/variable.js';

export type { ApplicationIdentifier } from './internal/application.js';
export type { Deferred, Navigation } from './types/navigation.js';
export type { Selected, TypedOptions } from './types/options.js';
export type { ApplicationReference } from './types/parent-reference.js';
export type { ApplicationConfigVariable, VariableFields } from './types/variable.js';

/**
 * Creates a config variable of an application and returns it with its id, as the seed did (`POST /v7/application_config_variable`).
 * The name and value rules are checked first.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param name - must start with `BALENA_` or `RESIN_`; letters, digits, `_` and `:` (not first)
 * @param value - the value, without line breaks
 * @returns the created config variable
 * @throws InvalidParameter naming the broken rule, before any request
 * @throws ApplicationNotFound, AmbiguousApplication
 * @throws RequestError with status 409 when the name is taken (use {@link set} to overwrite)
 * @example
 * ```ts
 * const variable = await create(client, 1005160, 'BALENA_SUPERVISOR_POLL_INTERVAL', '900000');
 * ```
 */
export function create(
  client: Client,
  slugOrUuidOrIdOrName: ApplicationIdentifier,
  name: string,
  value: string,
): Promise<ApplicationConfigVariable> {
  return write.createRow(client, applicationConfigVariables, slugOrUuidOrIdOrName, name, value);
}

/**
 * Lists the config variables of an application, by name.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param options - OData options merged into the query; a literal `$select` narrows the result type
 * @returns the config variables
 * @throws InvalidParameter for a malformed application; ApplicationNotFound, AmbiguousApplication
 * @example
 * ```ts
 * const rows = await getAll(client, 'admin/my-fleet', { $select: ['name', 'value'] });
 * ```
 */
export function getAll<const O extends TypedOptions<ApplicationConfigVariable> = {}>(
  client: Client,
  slugOrUuidOrIdOrName: ApplicationIdentifier,
  options?: O,
): Promise<Selected<ApplicationConfigVariable, O>[]> {
  return read.getRowsByParent(client, applicationConfigVariables, slugOrUuidOrIdOrName, options as ODataOptions);
}

/**
 * Today's name for {@link getAll}.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param options - OData options merged into the query; a literal `$select` narrows the result type
 * @returns the config variables, by name
 * @throws InvalidParameter for a malformed application or options, before any request
 * @throws ApplicationNotFound, AmbiguousApplication
 * @example
 * ```ts
 * const rows = await getAllByApplication(client, 'admin/my-fleet');
 * ```
 */
export const getAllByApplication: typeof getAll = getAll;

/**
 * Reads the value of one config variable of an application.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param name - the config variable name
 * @returns the value, or `undefined` when there is no such config variable
 * @throws InvalidParameter for an empty name; ApplicationNotFound, AmbiguousApplication
 * @example
 * ```ts
 * const value = await get(client, 'admin/my-fleet', 'BALENA_SUPERVISOR_POLL_INTERVAL');
 * ```
 */
export function get(
  client: Client,
  slugOrUuidOrIdOrName: ApplicationIdentifier,
  name: string,
): Promise<string | undefined> {
  return read.getValue(client, applicationConfigVariables, slugOrUuidOrIdOrName, name);
}

/**
 * Sets a config variable of an application, creating or overwriting it (an upsert: `POST`, and on a conflict
 * `PATCH`). The name and value rules are checked first.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param name - the config variable name
 * @param value - the value, without line breaks
 * @throws InvalidParameter naming the broken rule, before any request; ApplicationNotFound, AmbiguousApplication
 * @example
 * ```ts
 * await set(client, 'admin/my-fleet', 'BALENA_SUPERVISOR_POLL_INTERVAL', '600000');
 * ```
 */
export function set(
  client: Client,
  slugOrUuidOrIdOrName: ApplicationIdentifier,
  name: string,
  value: string,
): Promise<void> {
  return write.setValue(client, applicationConfigVariables, slugOrUuidOrIdOrName, name, value);
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
 * await update(client, 117738, 'new value');
 * ```
 */
export function update(client: Client, id: number | string, value: string): Promise<void> {
  return write.updateById(client, applicationConfigVariables, id, value);
}

/**
 * Removes a config variable by its own id, as the seed did.
 *
 * @param client - the client
 * @param id - the config variable's id (a number, or a string of digits)
 * @throws InvalidParameter for a malformed id
 * @example
 * ```ts
 * await remove(client, 117738);
 * ```
 */
export function remove(client: Client, id: number | string): Promise<void>;
/**
 * Removes the config variable `name` of an application. Removing what does not exist is not an error.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param name - the config variable name
 * @throws InvalidParameter for a malformed application or an empty name; ApplicationNotFound, AmbiguousApplication
 * @example
 * ```ts
 * await remove(client, 'admin/my-fleet', 'BALENA_SUPERVISOR_POLL_INTERVAL');
 * ```
 */
export function remove(client: Client, slugOrUuidOrIdOrName: ApplicationIdentifier, name: string): Promise<void>;
export function remove(
  client: Client,
  idOrSlugOrUuidOrIdOrName: number | string,
  ...name: [name?: string]
): Promise<void> {
  return write.removeByIdOrKey(client, applicationConfigVariables, idOrSlugOrUuidOrIdOrName, ...name);
}
