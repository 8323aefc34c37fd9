import { type Client, parseRowId, TeamNameTaken, TeamNotFound } from '@balena-ts/core';
import { checkText } from '../internal/argument-checks.js';
import { getRowsOfOrganization, resolveOrganizationId } from '../internal/organization.js';
import type { ParentLink } from '../internal/parent-link.js';
import { getRowById, postLinked } from '../internal/rows.js';
import type { Team } from '../types/fleet-access.js';
import type { Selected, TypedOptions } from '../types/options.js';

const TEAMS: ParentLink = { resource: 'team', parentField: 'belongs_to__organization' };

function checkTeamName(name: unknown, parameterName: string): string {
  checkText(parameterName, name, 'expected a name');
  return name;
}

/**
 * Creates a team in an organization.
 *
 * @param client - the client (an administrator of the organization)
 * @param organizationSlugOrId - the organization's handle or id
 * @param name - the team's name, unique in the organization
 * @returns the new team
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed organization or an empty name
 * @throws {@link @balena-ts/core#OrganizationNotFound} when the caller sees no such organization
 * @throws {@link @balena-ts/core#RequestError} when balena refuses (not an administrator: 401; the name is taken: 409)
 * @example
 * ```ts
 * const team = await create(client, 'myorg', 'Field operators');
 * ```
 */
export async function create(client: Client, organizationSlugOrId: string | number, name: string): Promise<Team> {
  checkTeamName(name, 'name');
  const organizationId = resolveOrganizationId(client, organizationSlugOrId);
  return postLinked<Team>(client, TEAMS.resource, { name }, { [TEAMS.parentField]: organizationId });
}

/**
 * Gets one team.
 *
 * @param client - the client
 * @param teamId - the team's id
 * @param options - OData options for the query
 * @returns the team
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed id
 * @throws {@link @balena-ts/core#TeamNotFound} when the caller sees no such team
 * @example
 * ```ts
 * const team = await get(client, 5, { $select: ['name'] });
 * ```
 */
export async function get<const O extends TypedOptions<Team> = Record<never, never>>(
  client: Client,
  teamId: number,
  options?: O,
): Promise<Selected<Team, O>> {
  return getRowById<Selected<Team, O>>(client, TEAMS.resource, teamId, 'teamId', options, TeamNotFound);
}

/**
 * Gets the teams of an organization.
 *
 * @param client - the client
 * @param organizationSlugOrId - the organization's handle or id
 * @param options - OData options merged into the query
 * @returns the organization's teams
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed organization
 * @throws {@link @balena-ts/core#OrganizationNotFound} when the caller sees no such organization
 * @example
 * ```ts
 * const names = (await getAllByOrganization(client, 'myorg', { $select: ['name'] })).map((team) => team.name);
 * ```
 */
export async function getAllByOrganization<const O extends TypedOptions<Team> = Record<never, never>>(
  client: Client,
  organizationSlugOrId: string | number,
  options?: O,
): Promise<Selected<Team, O>[]> {
  return getRowsOfOrganization<Selected<Team, O>>(client, TEAMS, organizationSlugOrId, options);
}

/**
 * Renames a team.
 *
 * @param client - the client (an administrator of the team's organization)
 * @param teamId - the team's id
 * @param newTeamName - the new name
 * @returns resolves once the team is renamed
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed id or an empty name
 * @throws {@link @balena-ts/core#TeamNotFound} when the caller sees no such team
 * @throws {@link @balena-ts/core#TeamNameTaken} when another team of the organization has that name
 * @example
 * ```ts
 * await rename(client, 5, 'Developers');
 * ```
 */
export async function rename(client: Client, teamId: number, newTeamName: string): Promise<void> {
  const id = parseRowId(teamId, 'teamId');
  checkTeamName(newTeamName, 'newTeamName');
  const team = await get(client, id, {
    $select: ['id'],
    $expand: {
      belongs_to__organization: {
        $select: 'id',
        $expand: { owns__team: { $top: 1, $select: 'id', $filter: { name: newTeamName } } },
      },
    },
  });
  const organization = (team as unknown as { belongs_to__organization: { owns__team: { id: number }[] }[] })
    .belongs_to__organization[0];
  if (organization?.owns__team.some((other) => other.id !== id)) throw new TeamNameTaken(newTeamName);
  await client.pine.patch({ resource: TEAMS.resource, id, body: { name: newTeamName } });
}

/**
 * Removes a team (its memberships and fleet access go with it).
 *
 * @param client - the client (an administrator of the team's organization)
 * @param teamId - the team's id
 * @returns resolves once the team is deleted
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed id
 * @example
 * ```ts
 * await remove(client, 5);
 * ```
 */
export async function remove(client: Client, teamId: number): Promise<void> {
  await client.pine.delete({ resource: TEAMS.resource, id: parseRowId(teamId, 'teamId') });
}
