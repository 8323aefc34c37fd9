import { type Client, InvalidParameter } from '@balena-ts/core';
import { checkRoleName } from './role.js';
import { postWithRole, type RoleLink } from './role-link.js';

// Invites (to a fleet, to an organization) are rows that give an e-mail address a role on a
// parent once the invitee accepts the link balena mails them.

/** What an invite is created with, as the caller gave it. */
export interface InviteFields {
  /** The e-mail address, checked by the model (the models differ in how far). */
  readonly invitee: string;
  /** The role's name; `undefined` for balena's default. */
  readonly roleName?: string | undefined;
  /** A message for the invitee. */
  readonly message?: string | undefined;
}

/**
 * Creates an invite once the model has checked the invitee: the role name and the message are
 * checked before any request, then the parent's lookup and the role's run together. Without a
 * message none is sent, so that balena keeps its own default.
 *
 * @typeParam T - the created invite's shape
 * @param client - the client
 * @param invites - the invites: their resource, parent field and kind of role
 * @param invite - the invitee, role and message as given
 * @param parameterPrefix - what the errors put before `roleName` and `message`: `''` where the model names them bare, `invite.` where it names them as fields of its `invite` argument
 * @param parentId - looks the parent up (and throws its not-found error) and returns its id; called after the checks
 * @returns the created invite
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty role name or a message that is not a string, before any request
 * @throws the parent's not-found error, or the role's, before anything is created
 * @example
 * ```ts
 * const invite = await postInvite<ApplicationInvite>(client, INVITES, { invitee: 'bob@example.com' }, '', () => fetchApplicationId(client, 42));
 * ```
 */
export async function postInvite<T>(
  client: Client,
  invites: RoleLink,
  invite: InviteFields,
  parameterPrefix: string,
  parentId: () => Promise<number>,
): Promise<T> {
  const { invitee, roleName, message } = invite;
  if (roleName !== undefined) checkRoleName(invites.role, roleName, `${parameterPrefix}roleName`);
  if (message !== undefined && typeof message !== 'string') {
    throw new InvalidParameter(`${parameterPrefix}message`, message, 'expected a string');
  }
  const fields = message === undefined ? { invitee } : { invitee, message };
  return postWithRole<T>(client, invites, fields, parentId(), roleName);
}
