import { type Client, InvalidParameter, OrganizationMembershipNotFound } from '@balena-ts/core';
import {
  getMembership,
  type MembershipKey,
  type MembershipResource,
  parseMembershipKey,
} from '../internal/membership-key.js';
import { getRowsOfOrganization } from '../internal/organization.js';
import { ORGANIZATION_ROLE } from '../internal/role.js';
import { patchRole } from '../internal/role-link.js';
import { getRowsOfUser } from '../internal/user-rows.js';
import type { Selected, TypedOptions } from '../types/options.js';
import type {
  OrganizationMembership,
  OrganizationMembershipKey,
  OrganizationMembershipRoles,
} from '../types/organization-membership.js';

const MEMBERSHIPS: MembershipResource = {
  resource: 'organization_membership',
  parentField: 'is_member_of__organization',
  role: ORGANIZATION_ROLE,
  NotFound: OrganizationMembershipNotFound,
};

/**
 * A membership's id, or its `{ user, is_member_of__organization }` key, checked; a key with other
 * fields, or without one of these, is refused as a whole rather than field by field.
 */
function membershipKey(membership: OrganizationMembershipKey, parameterName: string): MembershipKey {
  if (membership !== null && typeof membership === 'object' && !Array.isArray(membership)) {
    const fields = Object.keys(membership).sort();
    if (fields.length !== 2 || fields[0] !== MEMBERSHIPS.parentField || fields[1] !== 'user') {
      throw new InvalidParameter(parameterName, membership, 'expected an id or { user, is_member_of__organization }');
    }
  }
  return parseMembershipKey(membership, parameterName, MEMBERSHIPS);
}

/**
 * Gets one organization membership.
 *
 * @param client - the client
 * @param membershipId - the membership's id, or `{ user, is_member_of__organization }`
 * @param options - OData options merged into the query
 * @returns the membership
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed id or key, before any request
 * @throws {@link @balena-ts/core#OrganizationMembershipNotFound} when no membership the user can see matches
 * @example
 * ```ts
 * const membership = await get(client, 17, { $expand: { organization_membership_role: { $select: 'name' } } });
 * ```
 */
export async function get<const O extends TypedOptions<OrganizationMembership> = Record<never, never>>(
  client: Client,
  membershipId: OrganizationMembershipKey,
  options?: O,
): Promise<Selected<OrganizationMembership, O>> {
  const key = membershipKey(membershipId, 'membershipId');
  return getMembership<Selected<OrganizationMembership, O>>(client, MEMBERSHIPS, key, options);
}

/**
 * Gets the memberships of one organization: its members and their roles.
 *
 * @param client - the client
 * @param handleOrId - the organization's handle or numeric id
 * @param options - OData options merged into the query
 * @returns the memberships
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty handle, a malformed id or bad options, before any request
 * @throws {@link @balena-ts/core#OrganizationNotFound} when the organization does not exist or is not visible
 * @example
 * ```ts
 * const members = await getAllByOrganization(client, 'field_team', { $expand: { user: { $select: 'username' } } });
 * ```
 */
export async function getAllByOrganization<const O extends TypedOptions<OrganizationMembership> = Record<never, never>>(
  client: Client,
  handleOrId: string | number,
  options?: O,
): Promise<Selected<OrganizationMembership, O>[]> {
  return getRowsOfOrganization<Selected<OrganizationMembership, O>>(client, MEMBERSHIPS, handleOrId, options);
}

/**
 * Gets the organization memberships of one user (those the caller can see: the user's own, or those
 * in organizations the caller belongs to).
 *
 * @param client - the client
 * @param usernameOrId - the user's username or numeric id
 * @param options - OData options merged into the query
 * @returns the memberships
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty username, a malformed id or bad options, before any request
 * @example
 * ```ts
 * const mine = await getAllByUser(client, 'alice');
 * ```
 */
export async function getAllByUser<const O extends TypedOptions<OrganizationMembership> = Record<never, never>>(
  client: Client,
  usernameOrId: string | number,
  options?: O,
): Promise<Selected<OrganizationMembership, O>[]> {
  return getRowsOfUser<Selected<OrganizationMembership, O>>(client, MEMBERSHIPS.resource, usernameOrId, options);
}

/**
 * Changes the role of a membership. Only the organization's administrators may, and the last
 * administrator cannot be demoted (the API answers with balena's rule). Like balena's SDK, a
 * membership the caller cannot change is left as it is without an error.
 *
 * @param client - the client
 * @param idOrUniqueKey - the membership's id, or `{ user, is_member_of__organization }`
 * @param roleName - `administrator` or `member`
 * @returns resolves once the role is changed
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed key or role name, before any request
 * @throws {@link @balena-ts/core#OrganizationMembershipRoleNotFound} when no role has that name
 * @throws {@link @balena-ts/core#RequestError} with status 400 when the organization would be left without an administrator
 * @example
 * ```ts
 * await changeRole(client, { user: 5, is_member_of__organization: 9 }, 'administrator');
 * ```
 */
export async function changeRole(
  client: Client,
  idOrUniqueKey: OrganizationMembershipKey,
  roleName: OrganizationMembershipRoles,
): Promise<void> {
  await patchRole(client, MEMBERSHIPS, membershipKey(idOrUniqueKey, 'idOrUniqueKey'), roleName);
}

/**
 * Removes a membership: the user leaves the organization. Administrators remove anyone; the last
 * administrator cannot be removed (the API answers with balena's rule).
 *
 * @param client - the client
 * @param idOrUniqueKey - the membership's id, or `{ user, is_member_of__organization }`
 * @returns resolves once the membership is deleted
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed key, before any request
 * @throws {@link @balena-ts/core#RequestError} with status 400 when the organization would be left without an administrator
 * @example
 * ```ts
 * await remove(client, 17);
 * ```
 */
export async function remove(client: Client, idOrUniqueKey: OrganizationMembershipKey): Promise<void> {
  await client.pine.delete({ resource: MEMBERSHIPS.resource, id: membershipKey(idOrUniqueKey, 'idOrUniqueKey') });
}
