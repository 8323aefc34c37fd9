import { randomHex } from '../auth/random.js';
import { fleetRoleId, hasFleetRole } from '../domain/fleet-roles.js';
import { emptyError, messageError } from '../http/http-error.js';
import { baseFields, columns, resource } from './field-builders.js';
import { insertRow, updateRow } from './new-row.js';
import type { AccessView, ResourcePolicy, Scope } from './resource-policy.js';
import type { Row } from './row.js';
import type { ResourceDefinition } from './schema-types.js';
import type { Store } from './store.js';

/** The resource of fleet invites. */
export const APPLICATION_INVITE = 'invitee__is_invited_to__application';

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** The caller's e-mail address, lower-cased, when the caller is a full user. */
function callerEmail(access: AccessView): string | undefined {
  const actor = access.actor;
  if (actor.kind !== 'user' || access.caller !== 'user') return undefined;
  const email = access.store.get('user', actor.userId)?.email;
  return typeof email === 'string' ? email.toLowerCase() : undefined;
}

/** Whether an invite is addressed to the caller's e-mail address. */
function isInvitedCaller(access: AccessView, invite: Row): boolean {
  const email = callerEmail(access);
  return email !== undefined && access.store.get('invitee', invite.invitee as number)?.email === email;
}

/** The fleet's administrators read, send and revoke its invites; the invitee reads the invites addressed to them. */
const invitePolicy: ResourcePolicy = {
  read: (access): Scope =>
    access.caller === 'user'
      ? (row) =>
          hasFleetRole(access.fleetRole(row.is_invited_to__application as number), 'administrator') ||
          isInvitedCaller(access, row)
      : 'none',
  write: (access): Scope =>
    access.caller === 'user'
      ? (row) => hasFleetRole(access.fleetRole(row.is_invited_to__application as number), 'administrator')
      : 'none',
};

/** Whether the caller may read a fleet invite of this invitee (merged with the organization invites' rule where both exist). */
export function readsApplicationInviteOf(access: AccessView, invitee: Row): boolean {
  const invites = invitePolicy.read(access, { nested: true });
  return invites !== 'none' && access.store.referencing(APPLICATION_INVITE, 'invitee', invitee.id).some(invites);
}

/** An invitee is read through the fleet invites the caller may read; only the server creates one. */
const inviteePolicy: ResourcePolicy = {
  read: (access): Scope => (access.caller === 'user' ? (row) => readsApplicationInviteOf(access, row) : 'none'),
  write: () => 'none',
  createdOnlyByTheServer: true,
};

/** balena takes the invitee as an e-mail address in the POST body; its `invitee` row is made on first use. */
function inviteeFromEmail(body: Record<string, unknown>, store: Store): Record<string, unknown> {
  if (!('invitee' in body) || typeof body.invitee === 'number') return body;
  if (typeof body.invitee !== 'string' || !EMAIL.test(body.invitee.trim())) throw messageError(400, 'Invalid email');
  const email = body.invitee.trim().toLowerCase();
  const invitee = store.findUnique('invitee', ['email'], [email]) ?? insertRow(store, 'invitee', { email });
  return { ...body, invitee: invitee.id };
}

/**
 * `invitee` is declared here until the organization invites (another schema file) bring theirs; the
 * two declarations are the same table, so the integrated schema keeps one, whose read rule also
 * takes {@link readsApplicationInviteOf}. Its navigation to fleet invites is in `schema-teams.ts`.
 */
export const inviteeResource: ResourceDefinition = resource({
  name: 'invitee',
  fields: columns(`
    created_at  date    readonly
    id          serial
    email       text    required
  `),
  unique: [['email']],
  policy: inviteePolicy,
});

/** Fleet invites: an e-mail address invited to a fleet with a role. */
export const applicationInviteResources: ResourceDefinition[] = [
  resource({
    name: APPLICATION_INVITE,
    fields: [
      ...baseFields(),
      ...columns(`
        invitee                      -> invitee cascade required any-row
        is_invited_to__application   -> application cascade required
        application_membership_role  -> application_membership_role keep required
        message                      text
        is_created_by__user          -> user set-null readonly
      `),
    ],
    unique: [['invitee', 'is_invited_to__application']],
    policy: invitePolicy,
    hooks: {
      parseBody: inviteeFromEmail,
      beforeInsert: (store, row) => {
        if (row.application_membership_role === null || row.application_membership_role === undefined) {
          row.application_membership_role = fleetRoleId(store, 'developer');
        }
        // The secret of the invitation link (balena mails it); never served over /v7.
        row.invitation_token = randomHex(32);
      },
      validate: (row, store) => {
        if (!store.get('application_membership_role', row.application_membership_role as number)) {
          throw emptyError(400);
        }
      },
      afterInsert: (store, row, actor) => {
        if (actor.kind === 'user') {
          row.is_created_by__user = actor.userId;
          updateRow(store, APPLICATION_INVITE, row.id, { is_created_by__user: actor.userId });
        }
      },
    },
  }),
];
