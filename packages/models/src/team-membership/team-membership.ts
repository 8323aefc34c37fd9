import { type Client, InvalidParameter, parseRowId, TeamMembershipNotFound } from '@balena-ts/core';
import { checkObjectArgument, checkText } from '../internal/argument-checks.js';
import { getRowById, getRowsOf } from '../internal/rows.js';
import { getRowsOfUser } from '../internal/user-rows.js';
import type { TeamMembership } from '../types/fleet-access.js';
import type { Selected, TypedOptions } from '../types/options.js';

const RESOURCE = 'team_membership';

/** What {@link create} takes. */
export interface TeamMembershipCreationOptions {
  /** The team's id. */
  readonly team: number;
  /** The username of the user who joins (a member of the team's organization). */
  readonly username: string;
}

/**
 * Adds a member of the team's organization to a team.
 *
 * @param client - the client (an administrator of the organization)
 * @param params - the team's id and the username
 * @returns the new membership
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed team id or an empty username
 * @throws {@link @balena-ts/core#RequestError} when balena refuses (unknown user or not in the organization: 400; not an administrator: 401; already a member: 409)
 * @example
 * ```ts
 * const membership = await create(client, { team: 5, username: 'bob' });
 * ```
 */
export async function create(client: Client, params: TeamMembershipCreationOptions): Promise<TeamMembership> {
  checkObjectArgument('params', params, 'expected { team, username }');
  const team = parseRowId(params.team, 'team');
  checkText('username', params.username, 'expected a username');
  return client.pine.post<TeamMembership>({
    resource: RESOURCE,
    body: { username: params.username, is_member_of__team: team },
  });
}

/**
 * Gets one team membership.
 *
 * @param client - the client
 * @param membershipId - the membership's id
 * @param options - OData options for the query
 * @returns the membership
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed id
 * @throws {@link @balena-ts/core#TeamMembershipNotFound} when the caller sees no such membership
 * @example
 * ```ts
 * const membership = await get(client, 9);
 * ```
 */
export async function get<const O extends TypedOptions<TeamMembership> = Record<never, never>>(
  client: Client,
  membershipId: number,
  options?: O,
): Promise<Selected<TeamMembership, O>> {
  return getRowById<Selected<TeamMembership, O>>(
    client,
    RESOURCE,
    membershipId,
    'membershipId',
    options,
    TeamMembershipNotFound,
  );
}

/**
 * Gets the memberships of a team.
 *
 * @param client - the client
 * @param teamId - the team's id
 * @param options - OData options merged into the query
 * @returns the team's memberships
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed id
 * @example
 * ```ts
 * const members = await getAllByTeam(client, 5, { $expand: { user: { $select: 'username' } } });
 * ```
 */
export async function getAllByTeam<const O extends TypedOptions<TeamMembership> = Record<never, never>>(
  client: Client,
  teamId: number,
  options?: O,
): Promise<Selected<TeamMembership, O>[]> {
  const team = parseRowId(teamId, 'teamId');
  // The team is not looked up first, unlike for its fleet access: a team the caller cannot see lists
  // no memberships rather than failing with TeamNotFound.
  return getRowsOf<Selected<TeamMembership, O>>(client, RESOURCE, 'is_member_of__team', async () => team, options);
}

/**
 * Gets the team memberships of one user (those the caller may see).
 *
 * @param client - the client
 * @param usernameOrId - the user's username or id
 * @param options - OData options merged into the query
 * @returns the user's team memberships
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty username or a malformed id
 * @example
 * ```ts
 * const teams = await getAllByUser(client, 'bob');
 * ```
 */
export async function getAllByUser<const O extends TypedOptions<TeamMembership> = Record<never, never>>(
  client: Client,
  usernameOrId: string | number,
  options?: O,
): Promise<Selected<TeamMembership, O>[]> {
  return getRowsOfUser<Selected<TeamMembership, O>>(client, RESOURCE, usernameOrId, options);
}

/**
 * Removes one team membership or several.
 *
 * @param client - the client (an administrator of the organization)
 * @param idOrIds - a membership id, or a list of them
 * @returns resolves once the memberships are deleted
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed id or an empty list
 * @example
 * ```ts
 * await remove(client, [9, 10]);
 * ```
 */
export async function remove(client: Client, idOrIds: number | readonly number[]): Promise<void> {
  const list = Array.isArray(idOrIds) ? idOrIds : [idOrIds];
  if (list.length === 0) throw new InvalidParameter('idOrIds', idOrIds, 'expected an id or a non-empty list of ids');
  const ids = list.map((id) => parseRowId(id, 'idOrIds'));
  await client.pine.delete({ resource: RESOURCE, options: { $filter: { id: { $in: ids } } } });
}
