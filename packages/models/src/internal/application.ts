import {
  AmbiguousApplication,
  ApplicationNotFound,
  type Client,
  type Filter,
  InvalidParameter,
  isPositiveId,
  mergeOptions,
  type ODataOptions,
} from '@balena-ts/core';

/** What an application argument may be: a numeric id, a slug `org/name`, a uuid, or an app name. */
export type ApplicationIdentifier = string | number;

/**
 * "Own or collaborator" applications, as the balena Python SDK's get_all meant; without it public
 * host applications of every device type would be listed too. On balena the navigation is a
 * generated view whose `id` is always null, so the test must not touch its fields: an empty `$expr`
 * is `any(dau:1 eq 1)`, what the official SDK sends.
 */
export const DIRECTLY_ACCESSIBLE: Filter = {
  is_directly_accessible_by__user: { $any: { $alias: 'dau', $expr: {} } },
};

/** The applications the user owns or collaborates on, by name: what `getAll` and `getAllDirectlyAccessible` list. */
export const DIRECTLY_ACCESSIBLE_BY_NAME: ODataOptions = { $orderby: 'app_name asc', $filter: DIRECTLY_ACCESSIBLE };

const PARAMETER_NAME = 'slugOrUuidOrIdOrName';

// Fields needed to tell a slug/uuid match from a name match in one request.
const DISCRIMINATING_FIELDS = ['id', 'slug', 'uuid', 'app_name'] as const;

interface ApplicationMatch {
  id: number;
  slug?: string;
  uuid?: string;
  app_name?: string;
}

/**
 * Validates an application argument and tells ids from strings.
 *
 * @param value - a positive integer id, or a non-empty string
 * @returns the id, or the trimmed string to look up
 * @throws {@link @balena-ts/core#InvalidParameter} for `''`, NaN, a negative or non-integer number, or another type
 * @example
 * ```ts
 * checkApplicationIdentifier('admin/my-fleet'); // 'admin/my-fleet'
 * ```
 */
export function checkApplicationIdentifier(value: ApplicationIdentifier): number | string {
  if (typeof value === 'number') {
    if (isPositiveId(value)) return value;
    throw new InvalidParameter(PARAMETER_NAME, value, 'an id must be a positive integer');
  }
  if (typeof value === 'string' && value.trim() !== '') return value;
  throw new InvalidParameter(PARAMETER_NAME, value, 'expected an id, a slug, a uuid or a name');
}

/**
 * The `$filter` that finds an application by slug or uuid (compared lowercased) or, failing
 * those, by name. A string of digits may also be an id: balena's Python SDK passed ids as strings.
 *
 * @param text - the slug, uuid, name or id-as-text
 * @returns the filter
 * @example
 * ```ts
 * const rows = await client.pine.get({ resource: 'application', options: { $filter: applicationLookupFilter('admin/x') } });
 * ```
 */
export function applicationLookupFilter(text: string): Filter {
  const lower = text.toLowerCase();
  const alternatives: Filter[] = [
    { slug: lower },
    { uuid: lower },
    // Public host applications are visible to everyone; a name must only match the user's fleets.
    { $and: [{ app_name: text }, { is_host: false }] },
  ];
  const asNumber = Number(text);
  if (/^\d+$/.test(text) && isPositiveId(asNumber)) {
    alternatives.push({ id: asNumber });
  }
  return { $or: alternatives };
}

/**
 * Picks the one application a lookup string denotes: an exact slug, uuid or id match wins over name
 * matches.
 *
 * @param text - the looked-up string
 * @param rows - the rows the lookup filter returned
 * @returns the chosen row
 * @throws {@link @balena-ts/core#ApplicationNotFound} when nothing matches
 * @throws {@link @balena-ts/core#AmbiguousApplication} when several rows match by name
 * @example
 * ```ts
 * pickApplication('admin/x', rows); // the row whose slug is admin/x
 * ```
 */
export function pickApplication<T extends ApplicationMatch>(text: string, rows: readonly T[]): T {
  const lower = text.toLowerCase();
  const exact = rows.filter((row) => row.slug === lower || row.uuid === lower || String(row.id) === text);
  const candidates = exact.length > 0 ? exact : rows.filter((row) => row.app_name === text);
  if (candidates.length === 0) throw new ApplicationNotFound(text);
  if (candidates.length > 1) throw new AmbiguousApplication(text);
  return candidates[0] as T;
}

function selectedFields(options: ODataOptions | undefined): readonly string[] | undefined {
  const select = options?.$select;
  if (select === undefined || select === '*') return undefined;
  return typeof select === 'string' ? select.split(',').map((field) => field.trim()) : select;
}

/**
 * Gets one application by id, slug, uuid or name, with the caller's OData options merged into the
 * defaults (`mergeOptions`: `$select` lists joined, `$filter`s and-ed, the caller's `$top`/`$skip`/`$orderby`
 * winning). A number is fetched by key; a string costs one request whatever it is.
 *
 * @typeParam T - the shape of the returned row
 * @param client - the client
 * @param slugOrUuidOrIdOrName - an id, a slug `org/name`, a uuid or an application name
 * @param options - OData options merged into the query
 * @returns the application
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty or malformed argument
 * @throws {@link @balena-ts/core#ApplicationNotFound} when nothing matches
 * @throws {@link @balena-ts/core#AmbiguousApplication} when a name matches several applications
 * @example
 * ```ts
 * const app = await getApplication<Application>(client, 'admin/my-fleet', { $select: ['id', 'app_name'] });
 * ```
 */
export async function getApplication<T>(
  client: Client,
  slugOrUuidOrIdOrName: ApplicationIdentifier,
  options?: ODataOptions,
): Promise<T> {
  const identifier = checkApplicationIdentifier(slugOrUuidOrIdOrName);
  if (typeof identifier === 'number') {
    const row = await client.pine.get<T>({ resource: 'application', id: identifier, options });
    if (row === undefined) throw new ApplicationNotFound(identifier);
    return row;
  }
  const requested = selectedFields(options);
  const added = requested ? DISCRIMINATING_FIELDS.filter((field) => !requested.includes(field)) : [];
  const merged = mergeOptions(
    { $filter: applicationLookupFilter(identifier), ...(added.length > 0 ? { $select: added } : {}) },
    options,
  );
  const rows = await client.pine.get<T & ApplicationMatch>({ resource: 'application', options: merged });
  const row = pickApplication(identifier, rows);
  if (added.length === 0) return row;
  const trimmed: Record<string, unknown> = { ...(row as Record<string, unknown>) };
  for (const field of added) delete trimmed[field];
  return trimmed as T;
}

/**
 * Resolves an application argument to its numeric id. A positive integer is returned as is,
 * without a request; a string is looked up as a slug or uuid (lowercased), else as a name.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - an id, a slug `org/name`, a uuid or an application name
 * @returns the application id
 * @throws {@link @balena-ts/core#InvalidParameter} for `''`, NaN, a negative or non-integer number
 * @throws {@link @balena-ts/core#ApplicationNotFound} when nothing matches
 * @throws {@link @balena-ts/core#AmbiguousApplication} when a name matches several applications
 * @example
 * ```ts
 * const id = await resolveApplicationId(client, 'admin/my-fleet');
 * ```
 */
export async function resolveApplicationId(
  client: Client,
  slugOrUuidOrIdOrName: ApplicationIdentifier,
): Promise<number> {
  const identifier = checkApplicationIdentifier(slugOrUuidOrIdOrName);
  if (typeof identifier === 'number') return identifier;
  const row = await getApplication<{ id: number }>(client, identifier, { $select: ['id'] });
  return row.id;
}
