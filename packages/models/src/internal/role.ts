import { ApplicationMembershipRoleNotFound, type Client, OrganizationMembershipRoleNotFound } from '@balena-ts/core';
import { checkText } from './argument-checks.js';
import { getRow } from './rows.js';

/**
 * One kind of role a link row carries (a fleet role, an organization role): what balena calls its
 * resource, how an argument error describes it, and its not-found error.
 */
export interface RoleKind {
  /**
   * The role resource, e.g. `application_membership_role`; the rows that carry a role link to it
   * through a field of the same name, so this one name serves both.
   */
  readonly resource: string;
  /** What an {@link @balena-ts/core#InvalidParameter} says was expected. */
  readonly expected: string;
  /** The model's error when no role has the name looked up. */
  readonly NotFound: new (
    roleName: string,
  ) => Error;
}

/** Fleet roles: those of fleet memberships, fleet invites and team access to fleets. */
export const FLEET_ROLE: RoleKind = {
  resource: 'application_membership_role',
  expected: 'expected a role name such as developer, operator or observer',
  NotFound: ApplicationMembershipRoleNotFound,
};

/** Organization roles: those of organization memberships and organization invites. */
export const ORGANIZATION_ROLE: RoleKind = {
  resource: 'organization_membership_role',
  expected: 'expected a role name (administrator or member)',
  NotFound: OrganizationMembershipRoleNotFound,
};

/**
 * Checks a role name before any request. Only its form is checked: the names themselves are
 * balena's, and an unknown one is the role's not-found error once it is looked up.
 *
 * @param kind - the kind of role
 * @param roleName - the value as given
 * @param parameterName - the parameter name the error reports
 * @throws {@link @balena-ts/core#InvalidParameter} for anything but a non-empty string
 * @example
 * ```ts
 * checkRoleName(FLEET_ROLE, 'observer', 'roleName');
 * ```
 */
export function checkRoleName(kind: RoleKind, roleName: unknown, parameterName: string): asserts roleName is string {
  checkText(parameterName, roleName, kind.expected);
}

/**
 * Finds the id of a role by name (`GET /v7/<role resource>(name='…')?$select=id`).
 *
 * @param client - the client
 * @param kind - the kind of role
 * @param roleName - the role's name, checked by the caller
 * @returns the role's id
 * @throws the kind's not-found error when no role has that name
 * @example
 * ```ts
 * const observer = await getRoleId(client, FLEET_ROLE, 'observer');
 * ```
 */
export async function getRoleId(client: Client, kind: RoleKind, roleName: string): Promise<number> {
  const notFound = (): Error => new kind.NotFound(roleName);
  return (await getRow<{ id: number }>(client, kind.resource, { name: roleName }, { $select: 'id' }, notFound)).id;
}
