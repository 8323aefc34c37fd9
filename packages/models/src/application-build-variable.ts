// Application build variables (the official balena SDK's `balena.models.application.buildVar`):
// variables the builder passes to every image build of the application.
// Generated at build time by scripts/generate-dependent-resources.mjs from scripts/dependent-resources.mjs: edit those.
import type { Client, ODataOptions } from '@balena-ts/core';
import * as read from './dependent-resource/read.js';
import { applicationBuildVariables } from './dependent-resource/resources.js';
import * as write from './dependent-resource/write.js';
import type { ApplicationIdentifier } from './internal/application.js';
import type { Selected, TypedOptions } from './types/options.js';
import type { ApplicationBuildVariable } from './types/variable.js';

export type { ApplicationIdentifier } from './internal/application.js';
export type { Deferred, Navigation } from './types/navigation.js';
export type { FieldOf, Selected, TypedFilter, TypedOptions, TypedOrderBy } from './types/options.js';
export type { ApplicationReference } from './types/parent-reference.js';
export type { ApplicationBuildVariable, VariableFields } from './types/variable.js';

/**
 * Creates a build variable of an application and returns it with its id, as balena's Python SDK did
 * (`POST /v7/application_build_variable`). The name and value rules are checked first.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param name - any non-empty name (balena applies no naming rule to build variables)
 * @param value - the value (any string)
 * @returns the created build variable
 * @throws InvalidParameter naming the broken rule, before any request
 * @throws ApplicationNotFound, AmbiguousApplication
 * @throws RequestError with status 409 when the name is taken (use {@link set} to overwrite)
 * @example
 * ```ts
 * const created = await create(client, 'admin/my-fleet', 'NODE_VERSION', '20');
 * await update(client, created.id, '22');
 * ```
 */
export function create(
  client: Client,
  slugOrUuidOrIdOrName: ApplicationIdentifier,
  name: string,
  value: string,
): Promise<ApplicationBuildVariable> {
  return write.createRow(client, applicationBuildVariables, slugOrUuidOrIdOrName, name, value);
}

/**
 * Lists the build variables of an application, by name.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param options - OData options merged into the query; a literal `$select` narrows the result type
 * @returns the build variables
 * @throws InvalidParameter for malformed arguments, before any request; ApplicationNotFound,
 *   AmbiguousApplication
 * @example
 * ```ts
 * const rows = await getAllByApplication(client, 'admin/my-fleet', { $select: ['name', 'value'] });
 * ```
 */
export function getAllByApplication<const O extends TypedOptions<ApplicationBuildVariable> = {}>(
  client: Client,
  slugOrUuidOrIdOrName: ApplicationIdentifier,
  options?: O,
): Promise<Selected<ApplicationBuildVariable, O>[]> {
  return read.getRowsByParent(client, applicationBuildVariables, slugOrUuidOrIdOrName, options as ODataOptions);
}

/**
 * Today's name for {@link getAllByApplication}: lists the build variables of an application.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param options - OData options merged into the query; a literal `$select` narrows the result type
 * @returns the build variables
 * @throws InvalidParameter for malformed arguments, before any request; ApplicationNotFound,
 *   AmbiguousApplication
 * @example
 * ```ts
 * const rows = await getAll(client, 'admin/my-fleet');
 * ```
 */
export const getAll: typeof getAllByApplication = getAllByApplication;

/**
 * Reads the value of one build variable of an application.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param name - the variable name
 * @returns the value, or `undefined` when there is no such build variable
 * @throws InvalidParameter for an empty name or a malformed argument; ApplicationNotFound, AmbiguousApplication
 * @example
 * ```ts
 * const value = await get(client, 'admin/my-fleet', 'NODE_VERSION');
 * ```
 */
export function get(
  client: Client,
  slugOrUuidOrIdOrName: ApplicationIdentifier,
  name: string,
): Promise<string | undefined> {
  return read.getValue(client, applicationBuildVariables, slugOrUuidOrIdOrName, name);
}

/**
 * Sets a build variable of an application, creating or overwriting it (an upsert: `POST`, and on a
 * conflict `PATCH`). The name and value rules are checked first.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param name - any non-empty name (balena applies no naming rule to build variables)
 * @param value - the value (any string)
 * @throws InvalidParameter naming the broken rule, before any request; ApplicationNotFound, AmbiguousApplication
 * @example
 * ```ts
 * await set(client, 'admin/my-fleet', 'NODE_VERSION', '22');
 * ```
 */
export function set(
  client: Client,
  slugOrUuidOrIdOrName: ApplicationIdentifier,
  name: string,
  value: string,
): Promise<void> {
  return write.setValue(client, applicationBuildVariables, slugOrUuidOrIdOrName, name, value);
}

/**
 * Changes the value of a build variable given by its own id, as balena's Python SDK did.
 *
 * @param client - the client
 * @param id - the build variable's id (a number, or a string of digits)
 * @param value - the new value (any string)
 * @throws InvalidParameter for a bad id or value, before any request
 * @example
 * ```ts
 * await update(client, 7310, '22');
 * ```
 */
export function update(client: Client, id: number | string, value: string): Promise<void> {
  return write.updateById(client, applicationBuildVariables, id, value);
}

/**
 * Removes a build variable by its own id, as balena's Python SDK did.
 *
 * @param client - the client
 * @param id - the build variable's id (a number, or a string of digits)
 * @throws InvalidParameter for a malformed id
 * @example
 * ```ts
 * await remove(client, 7310);
 * ```
 */
export function remove(client: Client, id: number | string): Promise<void>;
/**
 * Removes the build variable `name` of an application. Removing what does not exist is not an error.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param name - the variable name
 * @throws InvalidParameter for an empty name or a malformed argument; ApplicationNotFound, AmbiguousApplication
 * @example
 * ```ts
 * await remove(client, 'admin/my-fleet', 'NODE_VERSION');
 * ```
 */
export function remove(client: Client, slugOrUuidOrIdOrName: ApplicationIdentifier, name: string): Promise<void>;
export function remove(
  client: Client,
  idOrSlugOrUuidOrIdOrName: number | string | ApplicationIdentifier,
  ...rest: [name?: string]
): Promise<void> {
  return write.removeByIdOrKey(client, applicationBuildVariables, idOrSlugOrUuidOrIdOrName, ...rest);
}
