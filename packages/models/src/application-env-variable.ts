// Application environment variables (seed `balena.models.environment_variables.application`):
// variables every device of the application receives.
import { applicationParent } from './dependent-resource/application-parent.js';
import { bindCreate, bindGet, bindGetAllByParent, bindRemove, bindSet, bindUpdate } from './dependent-resource/bind.js';
import { dependentResource } from './dependent-resource/definition.js';
import { ENVIRONMENT_VARIABLE_RULES } from './dependent-resource/name-rules.js';
import type {
  CreateRow,
  GetRowsOf,
  GetRowValue,
  RemoveRow,
  SetRowValue,
  UpdateRowById,
} from './dependent-resource/operation-types.js';
import type { ApplicationIdentifier } from './internal/application.js';
import type { ApplicationEnvironmentVariable } from './types/variable.js';

export {
  isSystemVariable,
  RESERVED_VARIABLE_NAMES,
  RESERVED_VARIABLE_PREFIXES,
} from './dependent-resource/name-rules.js';
export type {
  CreateRow,
  GetRowsOf,
  GetRowValue,
  RemoveRow,
  SetRowValue,
  UpdateRowById,
} from './dependent-resource/operation-types.js';
export type { ApplicationIdentifier } from './internal/application.js';
export type { Deferred, Navigation } from './types/navigation.js';
export type { Selected, TypedOptions } from './types/options.js';
export type { ApplicationReference } from './types/parent-reference.js';
export type { ApplicationEnvironmentVariable, VariableFields } from './types/variable.js';

const definition = /* @__PURE__ */ dependentResource<ApplicationIdentifier>(
  'application_environment_variable',
  'application',
  applicationParent,
  ENVIRONMENT_VARIABLE_RULES,
);

/**
 * Creates an environment variable for every device of an application and returns it with its id,
 * as the seed did (`POST /v7/application_environment_variable`). The rules are checked first.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param name - letters, digits and `_`, no leading digit, not `RESIN`/`BALENA`/`USER` nor `RESIN_…`/`BALENA_…`
 * @param value - the value, without line breaks
 * @returns the created variable
 * @throws InvalidParameter naming the broken rule, before any request
 * @throws ApplicationNotFound, AmbiguousApplication
 * @throws RequestError with status 409 when the application already has that name (use `set` to overwrite)
 * @example
 * ```ts
 * const variable = await create(client, 'admin/my-fleet', 'LOG_LEVEL', 'debug');
 * ```
 */
export const create: CreateRow<ApplicationIdentifier, ApplicationEnvironmentVariable> =
  /* @__PURE__ */ bindCreate(definition);

/**
 * Lists the environment variables of an application, by name.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param options - OData options merged into the query; a literal `$select` narrows the result type
 * @returns the variables
 * @throws ApplicationNotFound, AmbiguousApplication, InvalidParameter
 * @example
 * ```ts
 * const variables = await getAll(client, 9020);
 * ```
 */
export const getAll: GetRowsOf<ApplicationIdentifier, ApplicationEnvironmentVariable> =
  /* @__PURE__ */ bindGetAllByParent(definition);

/**
 * Lists the environment variables of an application: today's name for {@link getAll}.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param options - OData options merged into the query
 * @returns the variables
 * @throws ApplicationNotFound, AmbiguousApplication, InvalidParameter
 * @example
 * ```ts
 * const names = await getAllByApplication(client, 'admin/my-fleet', { $select: ['name'] });
 * ```
 */
export const getAllByApplication: GetRowsOf<ApplicationIdentifier, ApplicationEnvironmentVariable> = getAll;

/**
 * Reads the value of one environment variable of an application.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param name - the variable name
 * @returns the value, or `undefined` when the application has no such variable
 * @throws InvalidParameter for an empty name; ApplicationNotFound, AmbiguousApplication
 * @example
 * ```ts
 * const level = await get(client, 'admin/my-fleet', 'LOG_LEVEL');
 * ```
 */
export const get: GetRowValue<ApplicationIdentifier> = /* @__PURE__ */ bindGet(definition);

/**
 * Sets an environment variable of an application, creating or overwriting it (an upsert).
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param name - the variable name
 * @param value - the value, without line breaks
 * @throws InvalidParameter naming the broken rule, before any request; ApplicationNotFound
 * @example
 * ```ts
 * await set(client, 'admin/my-fleet', 'LOG_LEVEL', 'info');
 * ```
 */
export const set: SetRowValue<ApplicationIdentifier> = /* @__PURE__ */ bindSet(definition);

/**
 * Changes the value of an application environment variable given by its own id, as the seed did.
 *
 * @param client - the client
 * @param id - the variable's id (a number, or a string of digits)
 * @param value - the new value, without line breaks
 * @throws InvalidParameter for a bad id or value, before any request
 * @example
 * ```ts
 * await update(client, 5652, 'new value');
 * ```
 */
export const update: UpdateRowById = /* @__PURE__ */ bindUpdate(definition);

/**
 * Removes an application environment variable: by its own id (`remove(client, id)`, as the seed
 * did) or by application and name (`remove(client, application, name)`).
 *
 * @param client - the client
 * @param idOrApplication - the variable's id, or (with `name`) the application
 * @param name - the variable name, for the second form
 * @throws InvalidParameter; ApplicationNotFound for an unknown slug or name
 * @example
 * ```ts
 * await remove(client, 5652);
 * await remove(client, 'admin/my-fleet', 'LOG_LEVEL');
 * ```
 */
export const remove: RemoveRow<ApplicationIdentifier> = /* @__PURE__ */ bindRemove(definition);
