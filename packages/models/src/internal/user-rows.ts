import { type Client, InvalidParameter, isPositiveId, type ODataOptions } from '@balena-ts/core';
import { checkText } from './argument-checks.js';
import { checkODataOptions } from './odata-options.js';
import { getRows } from './rows.js';

// The memberships of a user (of fleets, organizations, teams) all link to the user through a field
// named `user`, so one filter reads any of them.

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
