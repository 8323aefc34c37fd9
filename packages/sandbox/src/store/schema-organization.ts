import { membershipRoleId } from '../domain/memberships.js';
import { recordMail } from '../domain/outbox.js';
import { checkTag } from '../domain/variable-rules.js';
import { columns, keyValueResource, resource, reverseLinks } from './field-builders.js';
import { inviteHooks, isInvitedCaller } from './invitee.js';
import type { AccessView, ResourcePolicy, Scope } from './resource-policy.js';
import type { Row } from './row.js';
import { readsApplicationInviteOf } from './schema-application-invites.js';
import type { ResourceDefinition } from './schema-types.js';
import type { Store } from './store.js';

// Organization administration beyond memberships themselves (schema-fleet.ts): membership tags and
// invites. balena-cloud only (open-balena has neither).

/** The organization of a membership tag's membership. */
function organizationOfTag(row: Row, store: Store): number | undefined {
  const membership = store.get('organization_membership', row.organization_membership as number);
  return membership?.is_member_of__organization as number | undefined;
}

/** Members read the tags of their organization's memberships; administrators write them. */
const membershipTagPolicy: ResourcePolicy = {
  read: (access): Scope =>
    access.caller === 'user'
      ? (row) => access.organizations().has(organizationOfTag(row, access.store) as number)
      : 'none',
  write: (access): Scope =>
    access.caller === 'user'
      ? (row) => access.administeredOrganizations().has(organizationOfTag(row, access.store) as number)
      : 'none',
};

/**
 * Administrators read, send and revoke their organization's invites; the invitee reads the invites
 * addressed to their e-mail address (and accepts them over `/org/v1/invitation/:token`).
 */
const invitePolicy: ResourcePolicy = {
  read: (access): Scope =>
    access.caller === 'user'
      ? (row) =>
          access.administeredOrganizations().has(row.is_invited_to__organization as number) ||
          isInvitedCaller(access, row)
      : 'none',
  write: (access): Scope =>
    access.caller === 'user'
      ? (row) => access.administeredOrganizations().has(row.is_invited_to__organization as number)
      : 'none',
};

/** An invitee is seen through the invites (of organizations and fleets) the caller may read; only the server creates them (from an invite's e-mail address). */
const inviteePolicy: ResourcePolicy = {
  read: (access): Scope => {
    if (access.caller !== 'user') return 'none';
    return (row) =>
      access.store
        .referencing('invitee__is_invited_to__organization', 'invitee', row.id)
        .some((invite) => invitePolicyReads(access, invite)) || readsApplicationInviteOf(access, row);
  },
  write: () => 'none',
  createdOnlyByTheServer: true,
};

function invitePolicyReads(access: AccessView, invite: Row): boolean {
  const scope = invitePolicy.read(access, { nested: true });
  return scope !== 'none' && scope(invite);
}

/** Membership tags, invitees and organization invites. */
export const organizationResources: ResourceDefinition[] = [
  keyValueResource(
    'organization_membership_tag',
    { field: 'organization_membership', resource: 'organization_membership', key: 'tag_key' },
    membershipTagPolicy,
    checkTag('organization membership'),
  ),
  resource({
    name: 'invitee',
    fields: columns(`
      created_at  date    readonly
      id          serial
      email       text    required
    `),
    navigations: reverseLinks(`
      is_invited_to__organization  <- invitee__is_invited_to__organization.invitee
    `),
    unique: [['email']],
    policy: inviteePolicy,
  }),
  resource({
    name: 'invitee__is_invited_to__organization',
    fields: columns(`
      created_at                    date    readonly
      invitee                       -> invitee cascade required any-row
      is_invited_to__organization   -> organization cascade required
      id                            serial
      organization_membership_role  -> organization_membership_role keep required
      message                       text
      is_created_by__user           -> user set-null readonly
    `),
    unique: [['invitee', 'is_invited_to__organization']],
    policy: invitePolicy,
    hooks: inviteHooks({
      resource: 'invitee__is_invited_to__organization',
      roleField: 'organization_membership_role',
      defaultRole: (store) => membershipRoleId(store, 'member'),
      afterInsert: (store, row) => {
        const organization = store.get('organization', row.is_invited_to__organization as number);
        recordMail(store, {
          kind: 'organization-invite',
          to: String(store.get('invitee', row.invitee as number)?.email ?? ''),
          subject: `You have been invited to join ${String(organization?.name ?? '')}`,
          token: String(row.invitation_token),
        });
      },
    }),
  }),
];
