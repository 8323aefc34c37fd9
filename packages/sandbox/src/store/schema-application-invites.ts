import { fleetRoleId, hasFleetRole } from '../domain/fleet-roles.js';
import { baseFields, columns, resource } from './field-builders.js';
import { inviteHooks, isInvitedCaller } from './invitee.js';
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
    hooks: inviteHooks({
      resource: APPLICATION_INVITE,
      roleField: 'application_membership_role',
      defaultRole: (store) => fleetRoleId(store, 'developer'),
    }),
  }),
];
