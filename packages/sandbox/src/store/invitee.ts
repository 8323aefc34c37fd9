import { randomHex } from '../auth/random.js';
import { emptyError, messageError } from '../http/http-error.js';
import { insertRow, updateRow } from './new-row.js';
import type { AccessView, ResourceHooks } from './resource-policy.js';
import type { Row } from './row.js';
import type { Store } from './store.js';

// An invitee is an e-mail address invited to an organization or a fleet. Both kinds of invite
// (schema-organization.ts, schema-application-invites.ts) share the `invitee` table and these rules.

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** The caller's e-mail address, lower-cased, when the caller is a fully logged-in user. */
function callerEmail(access: AccessView): string | undefined {
  const actor = access.actor;
  if (actor.kind !== 'user' || access.caller !== 'user') return undefined;
  const email = access.store.get('user', actor.userId)?.email;
  return typeof email === 'string' ? email.toLowerCase() : undefined;
}

/**
 * Whether an invite (of either kind) is addressed to the caller's e-mail address.
 *
 * @param access - the caller's access view
 * @param invite - the invite row (its `invitee` field)
 * @returns true for the invitee
 */
export function isInvitedCaller(access: AccessView, invite: Row): boolean {
  const email = callerEmail(access);
  if (email === undefined) return false;
  const invitee = access.store.get('invitee', invite.invitee as number);
  return typeof invitee?.email === 'string' && invitee.email.toLowerCase() === email;
}

/**
 * balena takes the invitee as an e-mail address in an invite's POST body: this parse hook turns it
 * into the `invitee` row's id, making the row on first use.
 *
 * @param body - the POST body
 * @param store - the store
 * @returns the body with `invitee` as an id
 * @throws 400 "Invalid email" for anything but an e-mail address
 */
export function inviteeFromEmail(body: Record<string, unknown>, store: Store): Record<string, unknown> {
  if (!('invitee' in body) || typeof body.invitee === 'number') return body;
  if (typeof body.invitee !== 'string' || !EMAIL.test(body.invitee.trim())) {
    throw messageError(400, 'Invalid email');
  }
  const email = body.invitee.trim().toLowerCase();
  const invitee = store.findUnique('invitee', ['email'], [email]) ?? insertRow(store, 'invitee', { email });
  return { ...body, invitee: invitee.id };
}

/** What differs between the two kinds of invite. */
export interface InviteKind {
  /** The invite resource. */
  readonly resource: string;
  /** Its role field, which names a row of the table of the same name. */
  readonly roleField: 'organization_membership_role' | 'application_membership_role';
  /** The role of an invite whose body names none. */
  readonly defaultRole: (store: Store) => number;
  /** Runs after the rest, once the invite is stored. */
  readonly afterInsert?: (store: Store, row: Row) => void;
}

/**
 * The write hooks both kinds of invite share: the invitee given as an e-mail address, the role
 * defaulted when the body names none and checked to exist (400), the invitation link's secret
 * (balena mails it; never served over /v7), and the user who invited recorded.
 *
 * @param kind - the invite resource and its role
 * @returns the resource's hooks
 */
export function inviteHooks(kind: InviteKind): ResourceHooks {
  const { resource, roleField } = kind;
  return {
    parseBody: inviteeFromEmail,
    beforeInsert: (store, row) => {
      if (row[roleField] === null || row[roleField] === undefined) row[roleField] = kind.defaultRole(store);
      row.invitation_token = randomHex(32);
    },
    validate: (row, store) => {
      if (!store.get(roleField, row[roleField] as number)) throw emptyError(400);
    },
    afterInsert: (store, row, actor) => {
      if (actor.kind === 'user') {
        row.is_created_by__user = actor.userId;
        updateRow(store, resource, row.id, { is_created_by__user: actor.userId });
      }
      kind.afterInsert?.(store, row);
    },
  };
}
