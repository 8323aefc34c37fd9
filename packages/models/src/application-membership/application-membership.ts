import { ApplicationMembershipNotFound, type Client } from '@balena-ts/core';
import type { ApplicationIdentifier } from '../internal/application.js';
import { checkObjectArgument, checkText } from '../internal/argument-checks.js';
import { fetchApplicationId, getRowsOfApplication } from '../internal/fetched-application.js';
import {
  getMembership,
  type MembershipKey,
  type MembershipResource,
  parseMembershipKey,
} from '../internal/membership-key.js';
import { checkRoleName, FLEET_ROLE } from '../internal/role.js';
import { patchRole, postWithRole } from '../internal/role-link.js';
import { getRowsOfUser } from '../internal/user-rows.js';
import type {
  ApplicationMembership,
  ApplicationMembershipKey,
  ApplicationMembershipRoleName,
} from '../types/fleet-access.js';
import type { Selected, TypedOptions } from '../types/options.js';

const MEMBERSHIPS: MembershipResource = {
  resource: 'user_application_membership',
  parentField: 'is_member_of__application',
  role: FLEET_ROLE,
  NotFound: ApplicationMembershipNotFound,
};

/** What {@link create} takes. */
export interface ApplicationMembershipCreationOptions {
  /** The fleet: an id, a slug `org/name`, a uuid or a name. */
  readonly application: ApplicationIdentifier;
  /** The username of the user who becomes a member (a member of the fleet's organization). */
  readonly username: string;
  /** The member's role; balena's default is developer. */
  readonly roleName?: ApplicationMembershipRoleName;
}

/**
 * A membership's id, or its `{ user, is_member_of__application }` key, checked; every function
 * reports a malformed one as `membershipId`, whatever its own parameter is called.
 */
function membershipKey(idOrUniqueKey: number | ApplicationMembershipKey): MembershipKey {
  return parseMembershipKey(idOrUniqueKey, 'membershipId', MEMBERSHIPS);
}

/**
 * Gets one fleet membership.
 *
 * @param client - the client
 * @param membershipId - the membership's id, or its `{ user, is_member_of__application }` key
 * @param options - OData options for the query
 * @returns the membership
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed id or key
 * @throws {@link @balena-ts/core#ApplicationMembershipNotFound} when the caller sees no such membership
 * @example
 * ```ts
 * const membership = await get(client, { user: 12, is_member_of__application: 34 });
 * ```
 */
export async function get<const O extends TypedOptions<ApplicationMembership> = Record<never, never>>(
  client: Client,
  membershipId: number | ApplicationMembershipKey,
  options?: O,
): Promise<Selected<ApplicationMembership, O>> {
  const key = membershipKey(membershipId);
  return getMembership<Selected<ApplicationMembership, O>>(client, MEMBERSHIPS, key, options);
}

/**
 * Gets the memberships of one fleet.
 *
 * @param client - the client
 * @param slugOrUuidOrId - the fleet: an id, a slug `org/name`, a uuid or a name
 * @param options - OData options merged into the query
 * @returns the fleet's memberships
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed fleet argument
 * @throws {@link @balena-ts/core#ApplicationNotFound} when the caller sees no such fleet
 * @example
 * ```ts
 * const members = await getAllByApplication(client, 'myorg/myfleet');
 * ```
 */
export async function getAllByApplication<const O extends TypedOptions<ApplicationMembership> = Record<never, never>>(
  client: Client,
  slugOrUuidOrId: ApplicationIdentifier,
  options?: O,
): Promise<Selected<ApplicationMembership, O>[]> {
  return getRowsOfApplication<Selected<ApplicationMembership, O>>(client, MEMBERSHIPS, slugOrUuidOrId, options);
}

/**
 * Gets the fleet memberships of one user (those the caller may see).
 *
 * @param client - the client
 * @param usernameOrId - the user's username or id
 * @param options - OData options merged into the query
 * @returns the user's fleet memberships
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty username or a malformed id
 * @example
 * ```ts
 * const mine = await getAllByUser(client, 'alice');
 * ```
 */
export function getAllByUser<const O extends TypedOptions<ApplicationMembership> = Record<never, never>>(
  client: Client,
  usernameOrId: string | number,
  options?: O,
): Promise<Selected<ApplicationMembership, O>[]> {
  return getRowsOfUser<Selected<ApplicationMembership, O>>(client, MEMBERSHIPS.resource, usernameOrId, options);
}

/**
 * Makes a member of the fleet's organization a member of the fleet, with a role.
 *
 * @param client - the client (an administrator of the fleet's organization)
 * @param params - the fleet, the username and the role (developer by default)
 * @returns the new membership
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed fleet, an empty username or role name
 * @throws {@link @balena-ts/core#ApplicationNotFound} when the caller sees no such fleet
 * @throws {@link @balena-ts/core#ApplicationMembershipRoleNotFound} for an unknown role name
 * @throws {@link @balena-ts/core#RequestError} when balena refuses (the user is not in the organization: 400; the caller is not an administrator: 401; already a member: 409)
 * @example
 * ```ts
 * const membership = await create(client, { application: 'myorg/myfleet', username: 'bob', roleName: 'operator' });
 * ```
 */
export async function create(
  client: Client,
  params: ApplicationMembershipCreationOptions,
): Promise<ApplicationMembership> {
  checkObjectArgument('params', params, 'expected { application, username, roleName? }');
  const { application, username, roleName } = params;
  checkText('username', username, 'expected a username');
  if (roleName !== undefined) checkRoleName(FLEET_ROLE, roleName, 'roleName');
  const applicationId = fetchApplicationId(client, application);
  return postWithRole<ApplicationMembership>(client, MEMBERSHIPS, { username }, applicationId, roleName);
}

/**
 * Changes a fleet member's role.
 *
 * @param client - the client (an administrator of the fleet's organization)
 * @param idOrUniqueKey - the membership's id, or its `{ user, is_member_of__application }` key
 * @param roleName - developer, operator or observer
 * @returns resolves once the role is changed
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed id or key, or an empty role name
 * @throws {@link @balena-ts/core#ApplicationMembershipRoleNotFound} for an unknown role name
 * @example
 * ```ts
 * await changeRole(client, 56, 'observer');
 * ```
 */
export async function changeRole(
  client: Client,
  idOrUniqueKey: number | ApplicationMembershipKey,
  roleName: ApplicationMembershipRoleName,
): Promise<void> {
  await patchRole(client, MEMBERSHIPS, membershipKey(idOrUniqueKey), roleName);
}

/**
 * Removes a fleet membership.
 *
 * @param client - the client (an administrator of the fleet's organization)
 * @param idOrUniqueKey - the membership's id, or its `{ user, is_member_of__application }` key
 * @returns resolves once the membership is deleted
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed id or key
 * @example
 * ```ts
 * await remove(client, { user: 12, is_member_of__application: 34 });
 * ```
 */
export async function remove(client: Client, idOrUniqueKey: number | ApplicationMembershipKey): Promise<void> {
  await client.pine.delete({ resource: MEMBERSHIPS.resource, id: membershipKey(idOrUniqueKey) });
}
