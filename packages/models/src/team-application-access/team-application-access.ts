import { type Client, parseRowId, TeamApplicationAccessNotFound, TeamNotFound } from '@balena-ts/core';
import type { ApplicationIdentifier } from '../internal/application.js';
import { fetchApplicationId } from '../internal/fetched-application.js';
import { checkRoleName, FLEET_ROLE } from '../internal/role.js';
import { patchRole, postWithRole, type RoleLink } from '../internal/role-link.js';
import { getRow, getRowById, getRowsOf } from '../internal/rows.js';
import type { ApplicationMembershipRoleName, TeamApplicationAccess } from '../types/fleet-access.js';
import type { Selected, TypedOptions } from '../types/options.js';

const ACCESSES: RoleLink = {
  resource: 'team_application_access',
  parentField: 'grants_access_to__application',
  role: FLEET_ROLE,
};

/** The team's id, once the caller is known to see the team. */
async function visibleTeamId(client: Client, id: number): Promise<number> {
  return (await getRow<{ id: number }>(client, 'team', id, { $select: 'id' }, () => new TeamNotFound(id))).id;
}

/**
 * Gives a team access to a fleet of its organization, with a role for its members.
 *
 * @param client - the client (an administrator of the organization)
 * @param teamId - the team's id
 * @param applicationIdOrSlug - the fleet: an id, a slug `org/name`, a uuid or a name
 * @param roleName - developer, operator or observer
 * @returns the new access
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed team or fleet, or an empty role name
 * @throws {@link @balena-ts/core#ApplicationNotFound} when the caller sees no such fleet
 * @throws {@link @balena-ts/core#ApplicationMembershipRoleNotFound} for an unknown role name
 * @throws {@link @balena-ts/core#RequestError} when balena refuses (not an administrator, or a fleet of another organization: 401; the team has access already: 409)
 * @example
 * ```ts
 * const access = await add(client, 5, 'myorg/myfleet', 'operator');
 * ```
 */
export async function add(
  client: Client,
  teamId: number,
  applicationIdOrSlug: ApplicationIdentifier,
  roleName: ApplicationMembershipRoleName,
): Promise<TeamApplicationAccess> {
  const team = parseRowId(teamId, 'teamId');
  checkRoleName(FLEET_ROLE, roleName, 'roleName');
  const applicationId = fetchApplicationId(client, applicationIdOrSlug);
  return postWithRole<TeamApplicationAccess>(client, ACCESSES, { team }, applicationId, roleName);
}

/**
 * Gets one team access to a fleet.
 *
 * @param client - the client
 * @param teamApplicationAccessId - the access's id
 * @param options - OData options for the query
 * @returns the access
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed id
 * @throws {@link @balena-ts/core#TeamApplicationAccessNotFound} when the caller sees no such access
 * @example
 * ```ts
 * const access = await get(client, 3);
 * ```
 */
export async function get<const O extends TypedOptions<TeamApplicationAccess> = Record<never, never>>(
  client: Client,
  teamApplicationAccessId: number,
  options?: O,
): Promise<Selected<TeamApplicationAccess, O>> {
  return getRowById<Selected<TeamApplicationAccess, O>>(
    client,
    ACCESSES.resource,
    teamApplicationAccessId,
    'teamApplicationAccessId',
    options,
    TeamApplicationAccessNotFound,
  );
}

/**
 * Gets a team's access to fleets.
 *
 * @param client - the client
 * @param teamId - the team's id
 * @param options - OData options merged into the query
 * @returns the team's accesses
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed id
 * @throws {@link @balena-ts/core#TeamNotFound} when the caller sees no such team
 * @example
 * ```ts
 * const fleets = await getAllByTeam(client, 5, { $expand: { grants_access_to__application: { $select: 'slug' } } });
 * ```
 */
export async function getAllByTeam<const O extends TypedOptions<TeamApplicationAccess> = Record<never, never>>(
  client: Client,
  teamId: number,
  options?: O,
): Promise<Selected<TeamApplicationAccess, O>[]> {
  const id = parseRowId(teamId, 'teamId');
  return getRowsOf<Selected<TeamApplicationAccess, O>>(
    client,
    ACCESSES.resource,
    'team',
    () => visibleTeamId(client, id),
    options,
  );
}

/**
 * Changes the role a team's access gives on a fleet.
 *
 * @param client - the client (an administrator of the organization)
 * @param teamApplicationAccessId - the access's id
 * @param roleName - developer, operator or observer
 * @returns resolves once the role is changed
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed id or an empty role name
 * @throws {@link @balena-ts/core#ApplicationMembershipRoleNotFound} for an unknown role name
 * @example
 * ```ts
 * await update(client, 3, 'developer');
 * ```
 */
export async function update(
  client: Client,
  teamApplicationAccessId: number,
  roleName: ApplicationMembershipRoleName,
): Promise<void> {
  const id = parseRowId(teamApplicationAccessId, 'teamApplicationAccessId');
  await patchRole(client, ACCESSES, id, roleName);
}

/**
 * Removes a team's access to a fleet.
 *
 * @param client - the client (an administrator of the organization)
 * @param teamApplicationAccessId - the access's id
 * @returns resolves once the access is deleted
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed id
 * @example
 * ```ts
 * await remove(client, 3);
 * ```
 */
export async function remove(client: Client, teamApplicationAccessId: number): Promise<void> {
  await client.pine.delete({
    resource: ACCESSES.resource,
    id: parseRowId(teamApplicationAccessId, 'teamApplicationAccessId'),
  });
}
