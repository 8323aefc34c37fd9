import { type Client, InvalidParameter, OrganizationMembershipRoleNotFound, parseRowId } from '@balena-ts/core';
import type { OrganizationMembershipKey, OrganizationMembershipRoles } from '../types/organization-membership.js';
import { getRow } from './rows.js';

const ROLE_NAMES: readonly string[] = ['administrator', 'member'];

/**
 * Checks a membership given by id or by `{ user, is_member_of__organization }` and turns it into the
 * key core's OData client writes in the URL.
 *
 * @param membership - the membership as given
 * @param parameterName - the parameter name the error reports
 * @returns the id, or the natural key with both ids checked
 * @throws {@link @balena-ts/core#InvalidParameter} for anything else, before any request
 * @example
 * ```ts
 * parseMembershipKey({ user: 5, is_member_of__organization: 9 }, 'idOrUniqueKey');
 * ```
 */
export function parseMembershipKey(
  membership: OrganizationMembershipKey,
  parameterName: string,
): number | { user: number; is_member_of__organization: number } {
  if (membership !== null && typeof membership === 'object' && !Array.isArray(membership)) {
    const keys = Object.keys(membership).sort();
    if (keys.length !== 2 || keys[0] !== 'is_member_of__organization' || keys[1] !== 'user') {
      throw new InvalidParameter(parameterName, membership, 'expected an id or { user, is_member_of__organization }');
    }
    return {
      user: parseRowId(membership.user, `${parameterName}.user`),
      is_member_of__organization: parseRowId(
        membership.is_member_of__organization,
        `${parameterName}.is_member_of__organization`,
      ),
    };
  }
  return parseRowId(membership, parameterName);
}

/** A printable form of a membership key, for the not-found error. */
export function describeMembershipKey(
  key: number | { user: number; is_member_of__organization: number },
): string | number {
  return typeof key === 'number'
    ? key
    : `user=${key.user},is_member_of__organization=${key.is_member_of__organization}`;
}

/**
 * Checks a role name before any request.
 *
 * @param roleName - the role as given
 * @param parameterName - the parameter name the error reports
 * @throws {@link @balena-ts/core#InvalidParameter} for anything but a non-empty string
 * @example
 * ```ts
 * checkRoleName('member', 'roleName');
 * ```
 */
export function checkRoleName(roleName: unknown, parameterName: string): asserts roleName is string {
  if (typeof roleName !== 'string' || roleName.trim() === '') {
    throw new InvalidParameter(parameterName, roleName, `expected a role name (${ROLE_NAMES.join(' or ')})`);
  }
}

/**
 * Finds the id of an organization membership role by name (`GET /v7/organization_membership_role(name='…')`).
 *
 * @param client - the client
 * @param roleName - `administrator` or `member`
 * @returns the role's id
 * @throws {@link @balena-ts/core#OrganizationMembershipRoleNotFound} when no role has that name
 * @example
 * ```ts
 * const memberRole = await getOrganizationRoleId(client, 'member');
 * ```
 */
export async function getOrganizationRoleId(client: Client, roleName: OrganizationMembershipRoles): Promise<number> {
  const notFound = (): Error => new OrganizationMembershipRoleNotFound(roleName);
  return (
    await getRow<{ id: number }>(
      client,
      'organization_membership_role',
      { name: roleName },
      { $select: 'id' },
      notFound,
    )
  ).id;
}
