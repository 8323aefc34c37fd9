import { type Client, InvalidParameter, isPositiveId, type ODataOptions, OrganizationNotFound } from '@balena-ts/core';
import type { ParentLink } from './parent-link.js';
import { getRow, getRowsOf } from './rows.js';

/**
 * Checks an organization argument before any request.
 *
 * @param handleOrId - the value as given
 * @throws {@link @balena-ts/core#InvalidParameter} for `''`, a malformed id, or another type
 * @example
 * ```ts
 * checkOrganizationArgument('admin'); // passes
 * ```
 */
export function checkOrganizationArgument(handleOrId: string | number): void {
  const validId = isPositiveId(handleOrId);
  if (!validId && (typeof handleOrId !== 'string' || handleOrId.trim() === '')) {
    throw new InvalidParameter('organization', handleOrId, 'expected a handle or a positive integer id');
  }
}

/**
 * Resolves an organization handle or id to its id with `GET /v7/organization(handle='h')?$select=id`
 * (or by id), which also checks that the caller can see it.
 *
 * @param client - the client
 * @param handleOrId - an organization handle or a numeric id
 * @returns the organization id
 * @throws {@link @balena-ts/core#InvalidParameter} for `''` or a malformed id
 * @throws {@link @balena-ts/core#OrganizationNotFound} when no visible organization matches
 * @example
 * ```ts
 * const organizationId = await resolveOrganizationId(client, 'admin');
 * ```
 */
export async function resolveOrganizationId(client: Client, handleOrId: string | number): Promise<number> {
  checkOrganizationArgument(handleOrId);
  const id = typeof handleOrId === 'number' ? handleOrId : { handle: handleOrId };
  const notFound = (): Error => new OrganizationNotFound(handleOrId);
  return (await getRow<{ id: number }>(client, 'organization', id, { $select: 'id' }, notFound)).id;
}

/**
 * Reads the rows of one organization (its teams, memberships, invites), the caller's options checked
 * before the organization is looked up and merged into the filter on it.
 *
 * @typeParam T - the row's shape
 * @param client - the client
 * @param rows - the rows' resource and their field that links them to the organization
 * @param handleOrId - the organization's handle or id
 * @param options - the caller's OData options
 * @returns the organization's rows
 * @throws {@link @balena-ts/core#InvalidParameter} for `''`, a malformed id or bad options, before any request
 * @throws {@link @balena-ts/core#OrganizationNotFound} when no visible organization matches
 * @example
 * ```ts
 * const teams = await getRowsOfOrganization<Team>(client, { resource: 'team', parentField: 'belongs_to__organization' }, 'myorg', undefined);
 * ```
 */
export function getRowsOfOrganization<T>(
  client: Client,
  rows: ParentLink,
  handleOrId: string | number,
  options: ODataOptions | null | undefined,
): Promise<T[]> {
  const organizationId = (): Promise<number> => resolveOrganizationId(client, handleOrId);
  return getRowsOf<T>(client, rows.resource, rows.parentField, organizationId, options);
}
