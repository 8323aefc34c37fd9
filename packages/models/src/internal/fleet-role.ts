import { ApplicationMembershipRoleNotFound, type Client, InvalidParameter, isPositiveId } from '@balena-ts/core';

/**
 * Checks a fleet role name before any request.
 *
 * @param roleName - the value as given
 * @returns the name
 * @throws {@link @balena-ts/core#InvalidParameter} for anything but a non-empty string
 * @example
 * ```ts
 * checkRoleName('observer'); // 'observer'
 * ```
 */
export function checkRoleName(roleName: unknown): string {
  if (typeof roleName !== 'string' || roleName.trim() === '') {
    throw new InvalidParameter('roleName', roleName, 'expected a role name such as developer, operator or observer');
  }
  return roleName;
}

/**
 * The id of a fleet role, by name (`GET /v7/application_membership_role(name='…')`).
 *
 * @param client - the client
 * @param roleName - developer, operator or observer
 * @returns the role's id
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty name
 * @throws {@link @balena-ts/core#ApplicationMembershipRoleNotFound} when no role has that name
 * @example
 * ```ts
 * const observer = await fleetRoleId(client, 'observer');
 * ```
 */
export async function fleetRoleId(client: Client, roleName: string): Promise<number> {
  const name = checkRoleName(roleName);
  const role = await client.pine.get<{ id: number }>({
    resource: 'application_membership_role',
    id: { name },
    options: { $select: 'id' },
  });
  if (role === undefined) throw new ApplicationMembershipRoleNotFound(name);
  return role.id;
}

/**
 * The `$filter` value that finds rows of a user given by id or username.
 *
 * @param usernameOrId - a user id or a username
 * @returns the value for the rows' `user` field
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty username or a malformed id
 * @example
 * ```ts
 * const filter = { user: userFilter('alice') };
 * ```
 */
export function userFilter(usernameOrId: string | number): number | Record<string, unknown> {
  if (typeof usernameOrId === 'number') {
    if (isPositiveId(usernameOrId)) return usernameOrId;
    throw new InvalidParameter('usernameOrId', usernameOrId, 'an id must be a positive integer');
  }
  if (typeof usernameOrId !== 'string' || usernameOrId.trim() === '') {
    throw new InvalidParameter('usernameOrId', usernameOrId, 'expected a username or a positive integer id');
  }
  return { $any: { $alias: 'u', $expr: { u: { username: usernameOrId } } } };
}
