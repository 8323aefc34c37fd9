import {
  ApplicationMembershipRoleNotFound,
  ApplicationNotFound,
  createClient,
  InvalidParameter,
  NotLoggedIn,
  RequestError,
} from '@balena-ts/core';
import * as invite from '@balena-ts/models/application-invite';
import { beforeAll, describe, expect, it } from 'vitest';
import { uniqueName, useTestContext } from './helpers/sandbox.js';

const context = useTestContext();

let fleet: { id: number; slug: string };

beforeAll(async () => {
  fleet = await context.sandbox.seedApplication({ name: uniqueName('invites') });
});

describe('application-invite', () => {
  it('creates an invite with a role and a message, lists it for the fleet and for the invitee, and revokes it', async () => {
    const invitee = await context.sandbox.createUser();
    const created = await invite.create(context.client, fleet.slug, {
      invitee: invitee.email,
      roleName: 'operator',
      message: 'welcome',
    });
    const operator = await context.client.pine.get<{ id: number }>({
      resource: 'application_membership_role',
      id: { name: 'operator' },
      options: { $select: 'id' },
    });
    expect(created).toMatchObject({
      is_invited_to__application: { __id: fleet.id },
      application_membership_role: { __id: operator!.id },
      message: 'welcome',
    });
    const byFleet = await invite.getAllByApplication(context.client, fleet.id, { $select: ['id'] });
    expect(byFleet).toEqual([{ id: created.id }]);
    expect((await invite.getAll(context.client, { $select: ['id'] })).map((row) => row.id)).toContain(created.id);

    const asInvitee = createClient({ apiUrl: context.sandbox.url, retry: false });
    await asInvitee.tokens.set(invitee.token);
    const mine = await invite.getAll(asInvitee, { $select: ['id'], $expand: { invitee: { $select: 'email' } } });
    expect(mine).toEqual([{ id: created.id, invitee: [{ email: invitee.email.toLowerCase() }] }]);

    await invite.revoke(context.client, created.id);
    expect(await invite.getAllByApplication(context.client, fleet.id)).toEqual([]);
    expect(await invite.getAll(asInvitee)).toEqual([]);
  });

  it('accept sends the token as the signed-in user; an unknown or spent token is refused', async () => {
    const user = await context.sandbox.createUser();
    const asUser = createClient({ apiUrl: context.sandbox.url, retry: false });
    await asUser.tokens.set(user.token);
    await expect(invite.accept(asUser, 'f'.repeat(32))).rejects.toMatchObject({ status: 404 });
    await expect(invite.accept(asUser, 'f'.repeat(32))).rejects.toBeInstanceOf(RequestError);
    const anonymous = createClient({ apiUrl: context.sandbox.url, retry: false });
    await expect(invite.accept(anonymous, 'f'.repeat(32))).rejects.toBeInstanceOf(NotLoggedIn);
  });

  it('refuses unknown roles and fleets, strangers, and bad arguments before any request', async () => {
    await expect(
      invite.create(context.client, fleet.id, { invitee: 'a@example.com', roleName: 'boss' as never }),
    ).rejects.toBeInstanceOf(ApplicationMembershipRoleNotFound);
    await expect(invite.create(context.client, 987_654, { invitee: 'a@example.com' })).rejects.toBeInstanceOf(
      ApplicationNotFound,
    );
    await expect(invite.getAllByApplication(context.client, 'nobody/none')).rejects.toBeInstanceOf(ApplicationNotFound);
    await expect(invite.create(context.client, fleet.id, { invitee: 'not an address' })).rejects.toMatchObject({
      status: 400,
    });
    const stranger = createClient({ apiUrl: context.sandbox.url, retry: false });
    await stranger.tokens.set((await context.sandbox.createUser()).token);
    await expect(invite.create(stranger, fleet.id, { invitee: 'b@example.com' })).rejects.toBeInstanceOf(
      ApplicationNotFound,
    );

    context.recorder.reset();
    await expect(invite.create(context.client, fleet.id, { invitee: '' })).rejects.toBeInstanceOf(InvalidParameter);
    await expect(invite.create(context.client, fleet.id, null as never)).rejects.toBeInstanceOf(InvalidParameter);
    await expect(
      invite.create(context.client, fleet.id, { invitee: 'a@example.com', roleName: '' as never }),
    ).rejects.toBeInstanceOf(InvalidParameter);
    await expect(invite.create(context.client, '', { invitee: 'a@example.com' })).rejects.toBeInstanceOf(
      InvalidParameter,
    );
    await expect(invite.revoke(context.client, 0)).rejects.toBeInstanceOf(InvalidParameter);
    await expect(invite.accept(context.client, '')).rejects.toBeInstanceOf(InvalidParameter);
    await expect(invite.getAll(context.client, 5 as never)).rejects.toBeInstanceOf(InvalidParameter);
    expect(context.recorder.requests).toHaveLength(0);
  });
});
