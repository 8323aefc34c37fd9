// Service environment variables (seed `balena.models.environment_variables.service_environment_variable`):
// variables one service of an application receives on every device.
import type { Client } from '@balena-ts/core';
import { applicationParent } from './dependent-resource/application-parent.js';
import {
  bindGet,
  bindGetAllByOwner,
  bindGetAllByParent,
  bindRemove,
  bindSet,
  bindUpdate,
} from './dependent-resource/bind.js';
import { createRow } from './dependent-resource/create-row.js';
import { dependentResource } from './dependent-resource/definition.js';
import { ENVIRONMENT_VARIABLE_RULES } from './dependent-resource/name-rules.js';
import type {
  GetRowsOf,
  GetRowValue,
  RemoveRow,
  SetRowValue,
  UpdateRowById,
} from './dependent-resource/operation-types.js';
import { ownedVia } from './dependent-resource/owner-filter.js';
import { serviceParent } from './dependent-resource/service-parent.js';
import type { ApplicationIdentifier } from './internal/application.js';
import type { ServiceIdentifier } from './service/resolve-service.js';
import type { ServiceEnvironmentVariable } from './types/variable.js';

export type {
  GetRowsOf,
  GetRowValue,
  RemoveRow,
  SetRowValue,
  UpdateRowById,
} from './dependent-resource/operation-types.js';
export type { ApplicationIdentifier } from './internal/application.js';
export type { ServiceIdentifier } from './service/resolve-service.js';
export type { Deferred, Navigation } from './types/navigation.js';
export type { Selected, TypedOptions } from './types/options.js';
export type { ApplicationReference } from './types/parent-reference.js';
export type { Service } from './types/service.js';
export type { ServiceEnvironmentVariable, VariableFields } from './types/variable.js';

const definition = /* @__PURE__ */ dependentResource<ServiceIdentifier>(
  'service_environment_variable',
  'service',
  serviceParent,
  ENVIRONMENT_VARIABLE_RULES,
);

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
 * @throws RequestError with status 409 when the service already has that name (use `set` to overwrite)
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
  return createRow(client, definition, { application: slugOrUuidOrIdOrName, service_name: serviceName }, name, value);
}

/**
 * Lists the service environment variables of every service of an application, by name.
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
export const getAllByApplication: GetRowsOf<ApplicationIdentifier, ServiceEnvironmentVariable> =
  /* @__PURE__ */ bindGetAllByOwner(definition, applicationParent, ownedVia(['service'], 'application'));

/**
 * Lists the environment variables of one service, by name.
 *
 * @param client - the client
 * @param serviceIdOrNaturalKey - a service id, or `{ application, service_name }`
 * @param options - OData options merged into the query
 * @returns the variables
 * @throws InvalidParameter; ServiceNotFound, ApplicationNotFound
 * @example
 * ```ts
 * const variables = await getAllByService(client, { application: 'admin/my-fleet', service_name: 'proxy' });
 * ```
 */
export const getAllByService: GetRowsOf<ServiceIdentifier, ServiceEnvironmentVariable> =
  /* @__PURE__ */ bindGetAllByParent(definition);

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
export const get: GetRowValue<ServiceIdentifier> = /* @__PURE__ */ bindGet(definition);

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
export const set: SetRowValue<ServiceIdentifier> = /* @__PURE__ */ bindSet(definition);

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
export const update: UpdateRowById = /* @__PURE__ */ bindUpdate(definition);

/**
 * Removes a service environment variable: by its own id (`remove(client, id)`, as the seed did) or
 * by service and name (`remove(client, serviceIdOrNaturalKey, name)`).
 *
 * @param client - the client
 * @param idOrService - the variable's id, or (with `name`) the service
 * @param name - the variable name, for the second form
 * @throws InvalidParameter; ServiceNotFound for an unknown `{ application, service_name }`
 * @example
 * ```ts
 * await remove(client, 12444);
 * ```
 */
export const remove: RemoveRow<ServiceIdentifier> = /* @__PURE__ */ bindRemove(definition);
