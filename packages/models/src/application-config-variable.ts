// Application config variables (seed `balena.models.config_variable.application_config_variable`):
// the `BALENA_`/`RESIN_` settings every device of the application applies.
import { applicationParent } from './dependent-resource/application-parent.js';
import { bindCreate, bindGet, bindGetAllByParent, bindRemove, bindSet, bindUpdate } from './dependent-resource/bind.js';
import { dependentResource } from './dependent-resource/definition.js';
import { CONFIG_VARIABLE_RULES } from './dependent-resource/name-rules.js';
import type {
  CreateRow,
  GetRowsOf,
  GetRowValue,
  RemoveRow,
  SetRowValue,
  UpdateRowById,
} from './dependent-resource/operation-types.js';
import type { ApplicationIdentifier } from './internal/application.js';
import type { ApplicationConfigVariable } from './types/variable.js';

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
export type { ApplicationConfigVariable, VariableFields } from './types/variable.js';

const definition = /* @__PURE__ */ dependentResource<ApplicationIdentifier>(
  'application_config_variable',
  'application',
  applicationParent,
  CONFIG_VARIABLE_RULES,
);

/**
 * Creates a config variable of an application and returns it with its id, as the seed did
 * (`POST /v7/application_config_variable`). The name and value rules are checked first.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param name - must start with `BALENA_` or `RESIN_`; letters, digits, `_` and `:` (not first)
 * @param value - the value, without line breaks
 * @returns the created config variable
 * @throws InvalidParameter naming the broken rule, before any request
 * @throws ApplicationNotFound, AmbiguousApplication
 * @throws RequestError with status 409 when the application already has that name (use `set` to overwrite)
 * @example
 * ```ts
 * const variable = await create(client, 1005160, 'BALENA_SUPERVISOR_POLL_INTERVAL', '900000');
 * ```
 */
export const create: CreateRow<ApplicationIdentifier, ApplicationConfigVariable> =
  /* @__PURE__ */ bindCreate(definition);

/**
 * Lists the config variables of an application, by name.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param options - OData options merged into the query; a literal `$select` narrows the result type
 * @returns the config variables
 * @throws ApplicationNotFound, AmbiguousApplication, InvalidParameter
 * @example
 * ```ts
 * const settings = await getAll(client, 1005160);
 * ```
 */
export const getAll: GetRowsOf<ApplicationIdentifier, ApplicationConfigVariable> =
  /* @__PURE__ */ bindGetAllByParent(definition);

/**
 * Lists the config variables of an application: today's name for {@link getAll}.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param options - OData options merged into the query
 * @returns the config variables
 * @throws ApplicationNotFound, AmbiguousApplication, InvalidParameter
 * @example
 * ```ts
 * const settings = await getAllByApplication(client, 'admin/my-fleet');
 * ```
 */
export const getAllByApplication: GetRowsOf<ApplicationIdentifier, ApplicationConfigVariable> = getAll;

/**
 * Reads the value of one config variable of an application.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param name - the config variable name
 * @returns the value, or `undefined` when the application does not set it
 * @throws InvalidParameter for an empty name; ApplicationNotFound, AmbiguousApplication
 * @example
 * ```ts
 * const interval = await get(client, 'admin/my-fleet', 'BALENA_SUPERVISOR_POLL_INTERVAL');
 * ```
 */
export const get: GetRowValue<ApplicationIdentifier> = /* @__PURE__ */ bindGet(definition);

/**
 * Sets a config variable of an application, creating or overwriting it (an upsert).
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param name - the config variable name (`BALENA_…` or `RESIN_…`)
 * @param value - the value, without line breaks
 * @throws InvalidParameter naming the broken rule, before any request; ApplicationNotFound
 * @example
 * ```ts
 * await set(client, 'admin/my-fleet', 'BALENA_SUPERVISOR_POLL_INTERVAL', '600000');
 * ```
 */
export const set: SetRowValue<ApplicationIdentifier> = /* @__PURE__ */ bindSet(definition);

/**
 * Changes the value of an application config variable given by its own id, as the seed did.
 *
 * @param client - the client
 * @param id - the config variable's id (a number, or a string of digits)
 * @param value - the new value, without line breaks
 * @throws InvalidParameter for a bad id or value, before any request
 * @example
 * ```ts
 * await update(client, 117738, 'new test value');
 * ```
 */
export const update: UpdateRowById = /* @__PURE__ */ bindUpdate(definition);

/**
 * Removes an application config variable: by its own id (`remove(client, id)`) or by application
 * and name (`remove(client, application, name)`).
 *
 * @param client - the client
 * @param idOrApplication - the config variable's id, or (with `name`) the application
 * @param name - the config variable name, for the second form
 * @throws InvalidParameter; ApplicationNotFound for an unknown slug or name
 * @example
 * ```ts
 * await remove(client, 117738);
 * ```
 */
export const remove: RemoveRow<ApplicationIdentifier> = /* @__PURE__ */ bindRemove(definition);
