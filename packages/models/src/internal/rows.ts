import { type Client, mergeOptions, type ODataOptions, parseRowId, type ResourceId } from '@balena-ts/core';
import { checkODataOptions } from './odata-options.js';

/**
 * Reads one row by key and turns "no row" into the model's not-found error.
 *
 * @typeParam T - the row's shape
 * @param client - the client
 * @param resource - the OData resource, e.g. `team`
 * @param id - the row's key, already checked
 * @param options - the OData options of the read (checked by the caller where it checks them)
 * @param notFound - builds the error thrown when the caller sees no such row
 * @returns the row
 * @throws the error of `notFound` when there is no such row
 * @example
 * ```ts
 * const team = await getRow<Team>(client, 'team', 5, undefined, () => new TeamNotFound(5));
 * ```
 */
export async function getRow<T>(
  client: Client,
  resource: string,
  id: ResourceId,
  options: ODataOptions | undefined,
  notFound: () => Error,
): Promise<T> {
  const row = await client.pine.get<T>({ resource, id, options });
  if (row === undefined) throw notFound();
  return row;
}

/**
 * Reads one row by its numeric id: the id, then the caller's options, checked before the request;
 * "no row" is the model's not-found error for that id.
 *
 * @typeParam T - the row's shape
 * @param client - the client
 * @param resource - the OData resource, e.g. `team`
 * @param value - the id as given
 * @param parameterName - the parameter name an error reports
 * @param options - the caller's OData options
 * @param NotFound - the model's not-found error
 * @returns the row
 * @throws InvalidParameter for a malformed id or options, before any request
 * @throws `NotFound` when the caller sees no such row
 * @example
 * ```ts
 * const team = await getRowById<Team>(client, 'team', teamId, 'teamId', undefined, TeamNotFound);
 * ```
 */
export async function getRowById<T>(
  client: Client,
  resource: string,
  value: unknown,
  parameterName: string,
  options: ODataOptions | null | undefined,
  NotFound: new (id: number) => Error,
): Promise<T> {
  const id = parseRowId(value, parameterName);
  return getRow<T>(client, resource, id, checkODataOptions(options), () => new NotFound(id));
}

/**
 * Reads the rows of a resource: the model's own options (a `$filter` on the parent, an `$orderby`)
 * with the caller's merged into them.
 *
 * @typeParam T - the row's shape
 * @param client - the client
 * @param resource - the OData resource, e.g. `team_membership`
 * @param defaults - the model's options
 * @param options - the caller's options, already checked where the model checks them
 * @returns the rows
 * @example
 * ```ts
 * const members = await getRows<TeamMembership>(client, 'team_membership', { $filter: { is_member_of__team: 5 } }, undefined);
 * ```
 */
export function getRows<T>(
  client: Client,
  resource: string,
  defaults: ODataOptions,
  options: ODataOptions | undefined,
): Promise<T[]> {
  return client.pine.get<T>({ resource, options: mergeOptions(defaults, options) });
}

/**
 * Reads the rows of one parent (an organization, a fleet, a team): the caller's options are checked
 * first, so that a wrong argument fails before the parent is looked up; then the parent's id, then
 * its rows, the caller's options merged into the filter on the parent.
 *
 * @typeParam T - the row's shape
 * @param client - the client
 * @param resource - the OData resource, e.g. `team`
 * @param parentField - the rows' field that links them to the parent
 * @param parentId - looks the parent up (and throws its not-found error) and returns its id
 * @param options - the caller's OData options
 * @param defaults - the model's own options besides the filter (an `$orderby`)
 * @returns the parent's rows
 * @throws InvalidParameter (`options`) for options that are not OData options, before any request
 * @throws whatever `parentId` throws
 * @example
 * ```ts
 * const teams = await getRowsOf<Team>(client, 'team', 'belongs_to__organization', () => resolveOrganizationId(client, 'myorg'), undefined);
 * ```
 */
export async function getRowsOf<T>(
  client: Client,
  resource: string,
  parentField: string,
  parentId: () => Promise<number>,
  options: ODataOptions | null | undefined,
  defaults: ODataOptions = {},
): Promise<T[]> {
  const checked = checkODataOptions(options);
  const parent = await parentId();
  return getRows<T>(client, resource, { ...defaults, $filter: { [parentField]: parent } }, checked);
}

/**
 * Creates a row that links to other rows found by lookups (its parent, its role): the lookups run
 * together, and a link whose lookup is `undefined` is left for balena to default.
 *
 * @typeParam T - the created row's shape
 * @param client - the client
 * @param resource - the OData resource, e.g. `team_application_access`
 * @param fields - the row's own fields
 * @param links - each link field with the lookup of the id it points to, or `undefined` for none
 * @returns the created row
 * @throws whatever a lookup throws, before anything is created
 * @example
 * ```ts
 * const team = await postLinked<Team>(client, 'team', { name }, { belongs_to__organization: resolveOrganizationId(client, 'myorg') });
 * ```
 */
export async function postLinked<T>(
  client: Client,
  resource: string,
  fields: Record<string, unknown>,
  links: Record<string, Promise<number> | undefined>,
): Promise<T> {
  const lookups = Object.entries(links);
  const ids = await Promise.all(lookups.map(([, lookup]) => lookup));
  const body: Record<string, unknown> = { ...fields };
  lookups.forEach(([field], index) => {
    if (ids[index] !== undefined) body[field] = ids[index];
  });
  return client.pine.post<T>({ resource, body });
}
