import { randomHex } from '../auth/random.js';
import { fleetRoleId, hasFleetRole } from '../domain/fleet-roles.js';
import { emptyError } from '../http/http-error.js';
import { baseFields, columns, resource } from './field-builders.js';
import { inviteeFromEmail, isInvitedCaller } from './invitee.js';
import { updateRow } from './new-row.js';
import type { AccessView, ResourcePolicy, Scope } from './resource-policy.js';
import type { Row } from './row.js';
import type { ResourceDefinition } from './schema-types.js';

/** The resource of fleet invites. */
export const APPLICATION_INVITE = 'invitee__is_invited_to__application';

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

/** Whether the caller may read a fleet invite of this invitee (part of the `invitee` read rule, schema-organization.ts). */
export function readsApplicationInviteOf(access: AccessView, invitee: Row): boolean {
  const invites = invitePolicy.read(access, { nested: true });
  return invites !== 'none' && access.store.referencing(APPLICATION_INVITE, 'invitee', invitee.id).some(invites);
}

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
