import { type Client, InvalidParameter, mergeOptions, OrganizationNotFound } from '@balena-ts/core';
import { checkText } from '../internal/argument-checks.js';
import { checkODataOptions } from '../internal/odata-options.js';
import { checkOrganizationArgument } from '../internal/organization.js';
import { getRow } from '../internal/rows.js';
import type { Selected, TypedOptions } from '../types/options.js';
import type { Organization } from '../types/organization.js';

const RESOURCE = 'organization';

/** What {@link create} takes: the name, and a handle when the caller wants to choose it. */
export interface CreateOrganizationParams {
  /** The organization's display name. */
  readonly name: string;
  /** The unique handle; balena derives a free one from the name when it is left out. */
  readonly handle?: string;
}

/**
 * Creates an organization; the caller becomes its administrator.
 *
 * @param client - the client (logged in as a user)
 * @param organization - the name, and optionally the handle
 * @returns the created organization, with its `id` and `handle`
 * @throws {@link @balena-ts/core#InvalidParameter} for a missing or empty name, or an empty handle, before any request
 * @throws {@link @balena-ts/core#RequestError} with status 409 when the handle is taken
 * @example
 * ```ts
 * const { id, handle } = await create(client, { name: 'Field team' });
 * ```
 */
export async function create(client: Client, organization: CreateOrganizationParams): Promise<Organization> {
  if (organization === null || typeof organization !== 'object' || Array.isArray(organization)) {
    throw new InvalidParameter('organization', organization, 'expected an object with a name');
  }
  const { name, handle } = organization;
  checkText('organization.name', name, 'expected a non-empty name');
  if (handle !== undefined && (typeof handle !== 'string' || handle.trim() === '')) {
    throw new InvalidParameter('organization.handle', handle, 'expected a non-empty handle');
  }
  return client.pine.post<Organization>({
    resource: RESOURCE,
    body: handle === undefined ? { name } : { name, handle },
  });
}

/**
 * Gets every organization the user is a member of, ordered by name.
 *
 * @param client - the client
 * @param options - OData options merged into the query
 * @returns the organizations
 * @throws {@link @balena-ts/core#InvalidParameter} for options that are not OData options, before any request
 * @example
 * ```ts
 * const handles = (await getAll(client, { $select: ['handle'] })).map((org) => org.handle);
 * ```
 */
export async function getAll<const O extends TypedOptions<Organization> = Record<never, never>>(
  client: Client,
  options?: O,
): Promise<Selected<Organization, O>[]> {
  return client.pine.get<Selected<Organization, O>>({
    resource: RESOURCE,
    options: mergeOptions({ $orderby: 'name asc' }, checkODataOptions(options)),
  });
}

/**
 * Gets one organization by handle or id.
 *
 * @param client - the client
 * @param handleOrId - the organization's handle or numeric id
 * @param options - OData options merged into the query
 * @returns the organization
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty handle or a malformed id, before any request
 * @throws {@link @balena-ts/core#OrganizationNotFound} when no organization the user can see matches
 * @example
 * ```ts
 * const organization = await get(client, 'field_team', { $select: ['id', 'name'] });
 * ```
 */
export async function get<const O extends TypedOptions<Organization> = Record<never, never>>(
  client: Client,
  handleOrId: string | number,
  options?: O,
): Promise<Selected<Organization, O>> {
  checkOrganizationArgument(handleOrId);
  const id = typeof handleOrId === 'number' ? handleOrId : { handle: handleOrId };
  return getRow<Selected<Organization, O>>(client, RESOURCE, id, options, () => new OrganizationNotFound(handleOrId));
}

/**
 * Removes an organization, with its fleets and memberships. Only its administrators may.
 *
 * @param client - the client
 * @param handleOrId - the organization's handle or numeric id
 * @returns resolves once the organization is deleted
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty handle or a malformed id, before any request
 * @throws {@link @balena-ts/core#OrganizationNotFound} when no organization the user can see matches
 * @example
 * ```ts
 * await remove(client, 'field_team');
 * ```
 */
export async function remove(client: Client, handleOrId: string | number): Promise<void> {
  const { id } = await get(client, handleOrId, { $select: 'id' });
  await client.pine.delete({ resource: RESOURCE, id });
}
