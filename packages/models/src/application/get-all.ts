import { type Client, mergeOptions } from '@balena-ts/core';
import { DIRECTLY_ACCESSIBLE, DIRECTLY_ACCESSIBLE_BY_NAME } from '../internal/application.js';
import { resolveOrganizationId } from '../internal/organization.js';
import { getRows } from '../internal/rows.js';
import type { Application } from '../types/application.js';
import type { Selected, TypedOptions } from '../types/options.js';

/**
 * Gets every application the user owns or collaborates on, ordered by name.
 *
 * @param client - the client
 * @param options - OData options merged into the query
 * @returns the applications
 * @throws {@link @balena-ts/core#NotLoggedIn} without credentials (from core)
 * @throws {@link @balena-ts/core#RequestError} when the API refuses the query (e.g. an unknown field in `options`)
 * @example
 * ```ts
 * const apps = await getAll(client, { $select: ['id', 'slug'] });
 * ```
 */
export function getAll<const O extends TypedOptions<Application> = Record<never, never>>(
  client: Client,
  options?: O,
): Promise<Selected<Application, O>[]> {
  return getRows<Selected<Application, O>>(client, 'application', DIRECTLY_ACCESSIBLE_BY_NAME, options);
}

/**
 * Gets the applications of one organization, ordered by name.
 *
 * @param client - the client
 * @param handleOrId - the organization's handle or id
 * @param options - OData options merged into the query
 * @returns the applications
 * @throws {@link @balena-ts/core#OrganizationNotFound} when the organization does not exist or is not visible
 * @example
 * ```ts
 * const apps = await getAllByOrganization(client, 'admin');
 * ```
 */
export async function getAllByOrganization<const O extends TypedOptions<Application> = Record<never, never>>(
  client: Client,
  handleOrId: string | number,
  options?: O,
): Promise<Selected<Application, O>[]> {
  const organizationId = await resolveOrganizationId(client, handleOrId);
  return client.pine.get<Selected<Application, O>>({
    resource: 'application',
    options: mergeOptions({ $orderby: 'app_name asc', $filter: { organization: organizationId } }, options),
  });
}

/**
 * Tells whether the user owns or collaborates on any application.
 *
 * @param client - the client
 * @returns true when there is at least one
 * @throws {@link @balena-ts/core#NotLoggedIn} without credentials (from core)
 * @example
 * ```ts
 * if (!(await hasAny(client))) console.log('Create a fleet first');
 * ```
 */
export async function hasAny(client: Client): Promise<boolean> {
  const rows = await client.pine.get<{ id: number }>({
    resource: 'application',
    options: { $select: 'id', $top: 1, $filter: DIRECTLY_ACCESSIBLE },
  });
  return rows.length > 0;
}
