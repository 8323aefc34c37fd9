import { type Client, InvalidParameter, parseRowId } from '@balena-ts/core';
import { checkText } from '../internal/argument-checks.js';
import { postInvite } from '../internal/invite.js';
import { checkODataOptions } from '../internal/odata-options.js';
import { getRowsOfOrganization, resolveOrganizationId } from '../internal/organization.js';
import { ORGANIZATION_ROLE } from '../internal/role.js';
import type { RoleLink } from '../internal/role-link.js';
import type { Selected, TypedOptions } from '../types/options.js';
import type { OrganizationInvite } from '../types/organization-invite.js';
import type { OrganizationMembershipRoles } from '../types/organization-membership.js';

const INVITES: RoleLink = {
  resource: 'invitee__is_invited_to__organization',
  parentField: 'is_invited_to__organization',
  role: ORGANIZATION_ROLE,
};

/** What {@link create} takes. */
export interface OrganizationInviteOptions {
  /** The e-mail address of the person invited. */
  readonly invitee: string;
  /** The role they get on accepting; balena's default is `member`. */
  readonly roleName?: OrganizationMembershipRoles;
  /** A message for the invitee. */
  readonly message?: string;
}

/**
 * Gets every organization invite the user can see: those of the organizations they administer, and
 * those addressed to their own e-mail address.
 *
 * @param client - the client
 * @param options - OData options merged into the query
 * @returns the invites
 * @throws {@link @balena-ts/core#InvalidParameter} for options that are not OData options, before any request
 * @example
 * ```ts
 * const invites = await getAll(client, { $expand: { invitee: { $select: 'email' } } });
 * ```
 */
export async function getAll<const O extends TypedOptions<OrganizationInvite> = Record<never, never>>(
  client: Client,
  options?: O,
): Promise<Selected<OrganizationInvite, O>[]> {
  return client.pine.get<Selected<OrganizationInvite, O>>({
    resource: INVITES.resource,
    options: checkODataOptions(options),
  });
}

/**
 * Gets the invites of one organization (for its administrators).
 *
 * @param client - the client
 * @param handleOrId - the organization's handle or numeric id
 * @param options - OData options merged into the query
 * @returns the invites
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty handle, a malformed id or bad options, before any request
 * @throws {@link @balena-ts/core#OrganizationNotFound} when the organization does not exist or is not visible
 * @example
 * ```ts
 * const pending = await getAllByOrganization(client, 'field_team');
 * ```
 */
export async function getAllByOrganization<const O extends TypedOptions<OrganizationInvite> = Record<never, never>>(
  client: Client,
  handleOrId: string | number,
  options?: O,
): Promise<Selected<OrganizationInvite, O>[]> {
  return getRowsOfOrganization<Selected<OrganizationInvite, O>>(client, INVITES, handleOrId, options);
}

/**
 * Invites someone, by e-mail address, to join an organization; balena e-mails them a link with
 * the invitation token that {@link accept} takes. Only the organization's administrators may.
 *
 * @param client - the client
 * @param handleOrId - the organization's handle or numeric id
 * @param invite - the invitee's e-mail address, and optionally the role and a message
 * @returns the created invite
 * @throws {@link @balena-ts/core#InvalidParameter} for a missing address, an empty role or a message that is not a string, before any request
 * @throws {@link @balena-ts/core#OrganizationNotFound} when the organization does not exist or is not visible
 * @throws {@link @balena-ts/core#OrganizationMembershipRoleNotFound} when no role has that name
 * @throws {@link @balena-ts/core#RequestError} with status 409 when that address is already invited
 * @example
 * ```ts
 * await create(client, 'field_team', { invitee: 'ada@example.com', roleName: 'member', message: 'Welcome!' });
 * ```
 */
export async function create(
  client: Client,
  handleOrId: string | number,
  invite: OrganizationInviteOptions,
): Promise<OrganizationInvite> {
  if (invite === null || typeof invite !== 'object' || Array.isArray(invite)) {
    throw new InvalidParameter('invite', invite, 'expected { invitee, roleName?, message? }');
  }
  const { invitee } = invite;
  if (typeof invitee !== 'string' || !invitee.includes('@')) {
    throw new InvalidParameter('invite.invitee', invitee, 'expected an e-mail address');
  }
  return postInvite<OrganizationInvite>(client, INVITES, invite, 'invite.', () =>
    resolveOrganizationId(client, handleOrId),
  );
}

/**
 * Revokes an invite: its link stops working. Only the organization's administrators may; like
 * balena's SDK, an invite the caller cannot revoke is left as it is without an error.
 *
 * @param client - the client
 * @param id - the invite's id
 * @returns resolves once the invite is deleted
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed id, before any request
 * @example
 * ```ts
 * await revoke(client, 42);
 * ```
 */
export async function revoke(client: Client, id: number): Promise<void> {
  await client.pine.delete({ resource: INVITES.resource, id: parseRowId(id, 'id') });
}

/**
 * Accepts an invite with the token from its e-mail: the logged-in user becomes a member of the
 * organization with the invite's role, and the invite is spent.
 *
 * @param client - the client (logged in as the user accepting)
 * @param invitationToken - the token of the invitation link
 * @returns resolves once the membership exists
 * @throws {@link @balena-ts/core#InvalidParameter} for anything but a non-empty string, before any request
 * @throws {@link @balena-ts/core#NotLoggedIn} when the client has no user session
 * @throws {@link @balena-ts/core#RequestError} with status 404 for an unknown, revoked or already accepted invite
 * @example
 * ```ts
 * await accept(client, '5bb11d90eefb34a70318f06a43ef063f');
 * ```
 */
export async function accept(client: Client, invitationToken: string): Promise<void> {
  checkText('invitationToken', invitationToken, 'expected the token of an invitation');
  await client.request(`/org/v1/invitation/${encodeURIComponent(invitationToken)}`, {
    method: 'POST',
    responseType: 'text',
  });
}
