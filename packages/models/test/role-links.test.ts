// The models that give a user or a team a role on a fleet or an organization (memberships, invites,
// team access) share their role checks, role lookups and membership keys; each model keeps the
// parameter names, messages and not-found errors it has always reported.
import {
  ApplicationMembershipNotFound,
  ApplicationMembershipRoleNotFound,
  InvalidParameter,
  OrganizationMembershipNotFound,
  OrganizationMembershipRoleNotFound,
} from '@balena-ts/core';
import * as applicationInvite from '@balena-ts/models/application-invite';
import * as applicationMembership from '@balena-ts/models/application-membership';
import * as organizationInvite from '@balena-ts/models/organization-invite';
import * as organizationMembership from '@balena-ts/models/organization-membership';
import * as teamAccess from '@balena-ts/models/team-application-access';
import { describe, expect, it } from 'vitest';
import { rejectionOf } from './helpers/refusal.js';
import { uniqueName, useTestContext } from './helpers/sandbox.js';

const context = useTestContext();

const FLEET_ROLE_EXPECTED = 'expected a role name such as developer, operator or observer';
const ORGANIZATION_ROLE_EXPECTED = 'expected a role name (administrator or member)';
const MISSING_USER = 987_654;

describe('role and key arguments, refused before any request', () => {
  const c = () => context.client;
  const cases: { name: string; call: () => Promise<unknown>; parameter: string; expected?: string }[] = [
    {
      name: 'application-invite.create: empty role',
      call: () => applicationInvite.create(c(), 1, { invitee: 'a@b.c', roleName: '' as never }),
      parameter: 'roleName',
      expected: FLEET_ROLE_EXPECTED,
    },
    {
      name: 'application-invite.create: message not a string',
      call: () => applicationInvite.create(c(), 1, { invitee: 'a@b.c', message: 5 as never }),
      parameter: 'message',
    },
    {
      name: 'organization-invite.create: empty role',
      call: () => organizationInvite.create(c(), 1, { invitee: 'a@b.c', roleName: ' ' as never }),
      parameter: 'invite.roleName',
      expected: ORGANIZATION_ROLE_EXPECTED,
    },
    {
      name: 'organization-invite.create: message not a string',
      call: () => organizationInvite.create(c(), 1, { invitee: 'a@b.c', message: {} as never }),
      parameter: 'invite.message',
    },
    {
      name: 'organization-invite.create: the role is checked before the message',
      call: () => organizationInvite.create(c(), 1, { invitee: 'a@b.c', roleName: '' as never, message: 5 as never }),
      parameter: 'invite.roleName',
    },
    {
      name: 'application-membership.create: empty role',
      call: () => applicationMembership.create(c(), { application: 1, username: 'bob', roleName: '' as never }),
      parameter: 'roleName',
      expected: FLEET_ROLE_EXPECTED,
    },
    {
      name: 'application-membership.changeRole: role not a string',
      call: () => applicationMembership.changeRole(c(), 1, 7 as never),
      parameter: 'roleName',
      expected: FLEET_ROLE_EXPECTED,
    },
    {
      name: 'application-membership.get: a malformed user in the key',
      call: () => applicationMembership.get(c(), { user: 0, is_member_of__application: 1 }),
      parameter: 'membershipId.user',
    },
    {
      name: 'application-membership.remove: reports its key as membershipId',
      call: () => applicationMembership.remove(c(), { user: 1, is_member_of__application: 'x' as never }),
      parameter: 'membershipId.is_member_of__application',
    },
    {
      name: 'organization-membership.changeRole: empty role',
      call: () => organizationMembership.changeRole(c(), 1, '' as never),
      parameter: 'roleName',
      expected: ORGANIZATION_ROLE_EXPECTED,
    },
    {
      name: 'organization-membership.get: a malformed id in the key',
      call: () => organizationMembership.get(c(), { user: 1, is_member_of__organization: -2 }),
      parameter: 'membershipId.is_member_of__organization',
    },
    {
      name: 'organization-membership.remove: a key without the organization',
      call: () => organizationMembership.remove(c(), { user: 1 } as never),
      parameter: 'idOrUniqueKey',
    },
    {
      name: 'organization-membership.changeRole: a key with another field',
      call: () =>
        organizationMembership.changeRole(c(), { user: 1, is_member_of__organization: 2, id: 3 } as never, 'member'),
      parameter: 'idOrUniqueKey',
    },
    {
      name: 'team-application-access.add: empty role',
      call: () => teamAccess.add(c(), 1, 1, '' as never),
      parameter: 'roleName',
      expected: FLEET_ROLE_EXPECTED,
    },
    {
      name: 'team-application-access.update: role not a string',
      call: () => teamAccess.update(c(), 1, null as never),
      parameter: 'roleName',
      expected: FLEET_ROLE_EXPECTED,
    },
  ];

  it.each(cases)('$name', async ({ call, parameter, expected }) => {
    context.recorder.reset();
    const error = await rejectionOf(call);
    expect(error).toBeInstanceOf(InvalidParameter);
    expect((error as InvalidParameter).parameter).toBe(parameter);
    if (expected !== undefined) expect((error as InvalidParameter).message).toContain(expected);
    expect(context.recorder.requests).toEqual([]);
  });
});

describe('lookups by role name and by membership key', () => {
  it('an unknown role is the role kind’s not-found error, for creating and for changing', async () => {
    const fleet = await context.sandbox.seedApplication({ name: uniqueName('roles') });
    const organizationId = context.sandbox.superuser.organizationId;
    await expect(
      applicationInvite.create(context.client, fleet.id, { invitee: 'a@example.com', roleName: 'chief' as never }),
    ).rejects.toBeInstanceOf(ApplicationMembershipRoleNotFound);
    await expect(teamAccess.update(context.client, 1, 'chief' as never)).rejects.toBeInstanceOf(
      ApplicationMembershipRoleNotFound,
    );
    await expect(
      organizationInvite.create(context.client, organizationId, {
        invitee: 'a@example.com',
        roleName: 'chief' as never,
      }),
    ).rejects.toBeInstanceOf(OrganizationMembershipRoleNotFound);
    await expect(organizationMembership.changeRole(context.client, 1, 'chief' as never)).rejects.toBeInstanceOf(
      OrganizationMembershipRoleNotFound,
    );
  });

  it('no membership for a key is the model’s not-found error, naming the key field by field', async () => {
    const fleet = await context.sandbox.seedApplication({ name: uniqueName('keys') });
    const organizationId = context.sandbox.superuser.organizationId;
    const fleetError = await rejectionOf(() =>
      applicationMembership.get(context.client, { user: MISSING_USER, is_member_of__application: fleet.id }),
    );
    expect(fleetError).toBeInstanceOf(ApplicationMembershipNotFound);
    expect((fleetError as ApplicationMembershipNotFound).value).toBe(
      `user=${MISSING_USER},is_member_of__application=${fleet.id}`,
    );
    const organizationError = await rejectionOf(() =>
      organizationMembership.get(context.client, { user: MISSING_USER, is_member_of__organization: organizationId }),
    );
    expect(organizationError).toBeInstanceOf(OrganizationMembershipNotFound);
    expect((organizationError as OrganizationMembershipNotFound).value).toBe(
      `user=${MISSING_USER},is_member_of__organization=${organizationId}`,
    );
    const byId = await rejectionOf(() => organizationMembership.get(context.client, MISSING_USER));
    expect((byId as OrganizationMembershipNotFound).value).toBe(MISSING_USER);
  });
});
