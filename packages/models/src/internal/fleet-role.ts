import {
  ApplicationMembershipRoleNotFound,
  type Client,
  InvalidParameter,
  isPositiveId,
  type ODataOptions,
} from '@balena-ts/core';
import { checkText } from './argument-checks.js';
import { checkODataOptions } from './odata-options.js';
import { getRow, getRows } from './rows.js';

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
  checkText('roleName', roleName, 'expected a role name such as developer, operator or observer');
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
  const notFound = (): Error => new ApplicationMembershipRoleNotFound(name);
  return (await getRow<{ id: number }>(client, 'application_membership_role', { name }, { $select: 'id' }, notFound))
    .id;
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
  checkText('usernameOrId', usernameOrId, 'expected a username or a positive integer id');
  return { $any: { $alias: 'u', $expr: { u: { username: usernameOrId } } } };
}

/**
 * Reads the rows (memberships) of one user given by id or username, the caller's options merged in.
 *
 * @typeParam T - the row's shape
 * @param client - the client
 * @param resource - the OData resource, e.g. `team_membership`
 * @param usernameOrId - a user id or a username
 * @param options - the caller's OData options
 * @returns the user's rows
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty username, a malformed id or bad options, before any request
 * @example
 * ```ts
 * const memberships = await getRowsOfUser<TeamMembership>(client, 'team_membership', 'alice', undefined);
 * ```
 */
export async function getRowsOfUser<T>(
  client: Client,
  resource: string,
  usernameOrId: string | number,
  options: ODataOptions | null | undefined,
): Promise<T[]> {
  const user = userFilter(usernameOrId);
  return getRows<T>(client, resource, { $filter: { user } }, checkODataOptions(options));
}
