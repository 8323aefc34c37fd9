import {
  type Client,
  createClient,
  InvalidParameter,
  NotLoggedIn,
  OrganizationMembershipRoleNotFound,
  OrganizationNotFound,
  RequestError,
} from '@balena-ts/core';
import * as organization from '@balena-ts/models/organization';
import * as invite from '@balena-ts/models/organization-invite';
import * as membership from '@balena-ts/models/organization-membership';
import type { SandboxUser } from '@balena-ts/sandbox';
import { describe, expect, it } from 'vitest';
import { uniqueName, useTestContext } from './helpers/sandbox.js';

const context = useTestContext();

async function clientOf(user: SandboxUser): Promise<Client> {
  const client = createClient({ apiUrl: context.sandbox.url, retry: false });
  await client.tokens.set(user.token);
  return client;
}

/** The token of the last invitation the sandbox "mailed" to this address (its superuser-only outbox). */
async function invitationToken(email: string): Promise<string> {
  const { d } = await context.client.request<{ d: { kind: string; to: string; token: string }[] }>('/sandbox/v1/mail');
  const mail = d.filter((each) => each.kind === 'organization-invite' && each.to === email).at(-1);
  if (!mail) throw new Error(`no invitation mailed to ${email}`);
  return mail.token;
}

async function givenAdministrator() {
  const user = await context.sandbox.createUser();
  const client = await clientOf(user);
  const org = await organization.create(client, { name: uniqueName('Invites') });
  return { user, client, org };
}

describe('organization.invite', () => {
  it('creates an invite (member by default), lists it, and the invitee accepts it once', async () => {
    const { client, org } = await givenAdministrator();
    const guest = await context.sandbox.createUser();
    const created = await invite.create(client, org.handle, { invitee: guest.email, message: 'Welcome' });
    expect(created.id).toBeGreaterThan(0);

    const listed = await invite.getAllByOrganization(client, org.id, {
      $select: ['message', 'invitee', 'organization_membership_role'],
      $expand: { invitee: { $select: 'email' }, organization_membership_role: { $select: 'name' } },
    });
    expect(listed).toEqual([
      { message: 'Welcome', invitee: [{ email: guest.email }], organization_membership_role: [{ name: 'member' }] },
    ]);
    expect((await invite.getAll(client, { $select: 'id' })).map((row) => row.id)).toEqual([created.id]);

    // The invitee sees the invite addressed to them, and accepts it.
    const guestClient = await clientOf(guest);
    expect((await invite.getAll(guestClient, { $select: 'id' })).map((row) => row.id)).toEqual([created.id]);
    const token = await invitationToken(guest.email);
    await invite.accept(guestClient, token);
    const joined = await membership.get(
      guestClient,
      { user: guest.id, is_member_of__organization: org.id },
      {
        $select: ['id', 'organization_membership_role'],
        $expand: { organization_membership_role: { $select: 'name' } },
      },
    );
    expect(joined.organization_membership_role).toEqual([{ name: 'member' }]);
    expect(await invite.getAllByOrganization(client, org.id)).toEqual([]);

    const twice = await invite.accept(guestClient, token).catch((error: unknown) => error);
    expect(twice).toBeInstanceOf(RequestError);
    expect((twice as RequestError).status).toBe(404);
  });

  it('an administrator invite makes an administrator; a revoked invite cannot be accepted', async () => {
    const { client, org } = await givenAdministrator();
    const guest = await context.sandbox.createUser();
    const guestClient = await clientOf(guest);
    const first = await invite.create(client, org.id, { invitee: guest.email, roleName: 'administrator' });
    const revokedToken = await invitationToken(guest.email);
    await invite.revoke(client, first.id);
    expect(await invite.getAll(guestClient)).toEqual([]);
    await expect(invite.accept(guestClient, revokedToken)).rejects.toBeInstanceOf(RequestError);

    await invite.create(client, org.id, { invitee: guest.email, roleName: 'administrator' });
    await invite.accept(guestClient, await invitationToken(guest.email));
    const joined = await membership.get(
      guestClient,
      { user: guest.id, is_member_of__organization: org.id },
      { $select: ['organization_membership_role'], $expand: { organization_membership_role: { $select: 'name' } } },
    );
    expect(joined.organization_membership_role).toEqual([{ name: 'administrator' }]);
  });

  it('members and strangers can neither invite nor read invites; a member revoking changes nothing', async () => {
    const { client, org } = await givenAdministrator();
    const member = await context.sandbox.createUser();
    await context.sandbox.addMembership({ user: member.id, organization: org.id });
    const memberClient = await clientOf(member);
    const stranger = await clientOf(await context.sandbox.createUser());
    const sent = await invite.create(client, org.id, { invitee: 'someone@example.com' });

    const refused = await invite.create(memberClient, org.id, { invitee: 'other@example.com' }).catch((e) => e);
    expect(refused).toBeInstanceOf(RequestError);
    expect((refused as RequestError).status).toBe(401);
    expect(await invite.getAllByOrganization(memberClient, org.id)).toEqual([]);
    await invite.revoke(memberClient, sent.id);
    expect((await invite.getAllByOrganization(client, org.id)).map((row) => row.id)).toEqual([sent.id]);

    await expect(invite.create(stranger, org.id, { invitee: 'x@example.com' })).rejects.toBeInstanceOf(
      OrganizationNotFound,
    );
    await expect(invite.getAllByOrganization(stranger, org.handle)).rejects.toBeInstanceOf(OrganizationNotFound);
    expect(await invite.getAll(stranger)).toEqual([]);
  });

  it('answers not-found errors for unknown organizations and roles, 409 for a second invite', async () => {
    const { client, org } = await givenAdministrator();
    await expect(invite.create(client, 999_999, { invitee: 'a@example.com' })).rejects.toBeInstanceOf(
      OrganizationNotFound,
    );
    await expect(
      invite.create(client, org.id, { invitee: 'a@example.com', roleName: 'owner' as never }),
    ).rejects.toBeInstanceOf(OrganizationMembershipRoleNotFound);
    await expect(invite.getAllByOrganization(client, 'no_such_org_at_all')).rejects.toBeInstanceOf(
      OrganizationNotFound,
    );
    await invite.create(client, org.id, { invitee: 'dup@example.com' });
    const again = await invite.create(client, org.id, { invitee: 'dup@example.com' }).catch((error) => error);
    expect((again as RequestError).status).toBe(409);
    const unknown = await invite.accept(client, 'ffffffffffffffffffffffffffffffff').catch((error) => error);
    expect((unknown as RequestError).status).toBe(404);
  });

  it('refuses bad arguments before any request, and accepting without a session', async () => {
    context.recorder.reset();
    const { client } = context;
    await expect(invite.create(client, 1, { invitee: 'not-an-address' })).rejects.toBeInstanceOf(InvalidParameter);
    await expect(invite.create(client, 1, null as never)).rejects.toBeInstanceOf(InvalidParameter);
    await expect(invite.create(client, 1, { invitee: 'a@b.c', roleName: '' as never })).rejects.toBeInstanceOf(
      InvalidParameter,
    );
    await expect(invite.create(client, 1, { invitee: 'a@b.c', message: 5 as never })).rejects.toBeInstanceOf(
      InvalidParameter,
    );
    await expect(invite.create(client, '', { invitee: 'a@b.c' })).rejects.toBeInstanceOf(InvalidParameter);
    await expect(invite.getAllByOrganization(client, 0)).rejects.toBeInstanceOf(InvalidParameter);
    await expect(invite.getAll(client, 'x' as never)).rejects.toBeInstanceOf(InvalidParameter);
    await expect(invite.revoke(client, -1)).rejects.toBeInstanceOf(InvalidParameter);
    await expect(invite.accept(client, '')).rejects.toBeInstanceOf(InvalidParameter);
    await expect(invite.accept(client, 7 as never)).rejects.toBeInstanceOf(InvalidParameter);
    expect(context.recorder.requests).toEqual([]);
    const anonymous = createClient({ apiUrl: context.sandbox.url, retry: false });
    await expect(invite.accept(anonymous, 'abc')).rejects.toBeInstanceOf(NotLoggedIn);
  });
});
