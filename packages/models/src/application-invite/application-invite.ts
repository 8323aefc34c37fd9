import { type Client, parseRowId } from '@balena-ts/core';
import type { ApplicationIdentifier } from '../internal/application.js';
import { checkObjectArgument, checkText } from '../internal/argument-checks.js';
import { fetchApplicationId, getRowsOfApplication } from '../internal/fetched-application.js';
import { postInvite } from '../internal/invite.js';
import { checkODataOptions } from '../internal/odata-options.js';
import { FLEET_ROLE } from '../internal/role.js';
import type { RoleLink } from '../internal/role-link.js';
import type { ApplicationInvite, ApplicationMembershipRoleName } from '../types/fleet-access.js';
import type { Selected, TypedOptions } from '../types/options.js';

const INVITES: RoleLink = {
  resource: 'invitee__is_invited_to__application',
  parentField: 'is_invited_to__application',
  role: FLEET_ROLE,
};

/** What {@link create} takes. */
export interface ApplicationInviteOptions {
  /** The e-mail address to invite. */
  readonly invitee: string;
  /** The role the invitee gets; balena's default is developer. */
  readonly roleName?: ApplicationMembershipRoleName;
  /** A message for the invitee. */
  readonly message?: string;
}

/**
 * Gets every fleet invite the caller may see: those of the fleets they administer and those sent to them.
 *
 * @param client - the client
 * @param options - OData options for the query
 * @returns the invites
 * @throws {@link @balena-ts/core#InvalidParameter} for options that are not an OData options object
 * @example
 * ```ts
 * const invites = await getAll(client, { $expand: { invitee: { $select: 'email' } } });
 * ```
 */
export async function getAll<const O extends TypedOptions<ApplicationInvite> = Record<never, never>>(
  client: Client,
  options?: O,
): Promise<Selected<ApplicationInvite, O>[]> {
  return client.pine.get<Selected<ApplicationInvite, O>>({
    resource: INVITES.resource,
    options: checkODataOptions(options),
  });
}

/**
 * Gets the invites of one fleet.
 *
 * @param client - the client
 * @param slugOrUuidOrId - the fleet: an id, a slug `org/name`, a uuid or a name
 * @param options - OData options merged into the query
 * @returns the fleet's invites
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed fleet argument
 * @throws {@link @balena-ts/core#ApplicationNotFound} when the caller sees no such fleet
 * @example
 * ```ts
 * const invites = await getAllByApplication(client, 'myorg/myfleet');
 * ```
 */
export async function getAllByApplication<const O extends TypedOptions<ApplicationInvite> = Record<never, never>>(
  client: Client,
  slugOrUuidOrId: ApplicationIdentifier,
  options?: O,
): Promise<Selected<ApplicationInvite, O>[]> {
  return getRowsOfApplication<Selected<ApplicationInvite, O>>(client, INVITES, slugOrUuidOrId, options);
}

/**
 * Invites an e-mail address to a fleet; balena mails the invitee a link with the invitation token.
 *
 * @param client - the client (an administrator of the fleet's organization)
 * @param slugOrUuidOrId - the fleet: an id, a slug `org/name`, a uuid or a name
 * @param params - the e-mail address, the role (developer by default) and a message
 * @returns the new invite
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed fleet, an empty address or role name
 * @throws {@link @balena-ts/core#ApplicationNotFound} when the caller sees no such fleet
 * @throws {@link @balena-ts/core#ApplicationMembershipRoleNotFound} for an unknown role name
 * @throws {@link @balena-ts/core#RequestError} when balena refuses (a malformed address: 400; not an administrator: 401; invited already: 409)
 * @example
 * ```ts
 * const invite = await create(client, 'myorg/myfleet', { invitee: 'bob@example.com', roleName: 'observer' });
 * ```
 */
export async function create(
  client: Client,
  slugOrUuidOrId: ApplicationIdentifier,
  params: ApplicationInviteOptions,
): Promise<ApplicationInvite> {
  checkObjectArgument('params', params, 'expected { invitee, roleName?, message? }');
  // Only a non-empty address is checked here: balena answers 400 for a malformed one.
  checkText('invitee', params.invitee, 'expected an e-mail address');
  return postInvite<ApplicationInvite>(client, INVITES, params, '', () => fetchApplicationId(client, slugOrUuidOrId));
}

/**
 * Revokes a fleet invite, so that its link no longer works.
 *
 * @param client - the client (an administrator of the fleet's organization)
 * @param id - the invite's id
 * @returns resolves once the invite is deleted
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed id
 * @example
 * ```ts
 * await revoke(client, 14);
 * ```
 */
export async function revoke(client: Client, id: number): Promise<void> {
  await client.pine.delete({ resource: INVITES.resource, id: parseRowId(id, 'id') });
}

/**
 * Accepts a fleet invite as the current user (`POST /user/v1/invitation/:token`): the user becomes a
 * member of the fleet with the invite's role.
 *
 * @param client - the client, logged in as the invited user
 * @param invitationToken - the token of the invitation link
 * @returns resolves once the invite is accepted
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty token
 * @throws {@link @balena-ts/core#NotLoggedIn} without a user's credentials
 * @throws {@link @balena-ts/core#RequestError} when balena refuses (no such invite, or accepted or revoked already: 404; a member already: 409)
 * @example
 * ```ts
 * await accept(client, tokenFromTheEmail);
 * ```
 */
export async function accept(client: Client, invitationToken: string): Promise<void> {
  checkText('invitationToken', invitationToken, 'expected the token of an invitation link');
  await client.request(`/user/v1/invitation/${encodeURIComponent(invitationToken)}`, { method: 'POST' });
}
