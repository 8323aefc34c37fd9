import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, type SandboxUser, startSandbox } from '../src/index.js';
import { call, odata } from './support/api.js';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

interface Mail {
  kind: string;
  to: string;
  token: string;
}

async function mails(to: string): Promise<Mail[]> {
  const answer = await call(sandbox, 'GET', '/sandbox/v1/mail', { token: sandbox.superuser.token });
  expect(answer.status).toBe(200);
  return (answer.body.d as Mail[]).filter((mail) => mail.to === to);
}

/** A user who administers a fresh organization, and a plain member of it. */
async function givenOrganization(): Promise<{ admin: SandboxUser; member: SandboxUser; organization: number }> {
  const admin = await sandbox.createUser();
  const created = await call(sandbox, 'POST', '/v7/organization', { token: admin.token, body: { name: 'Org' } });
  expect(created.status).toBe(201);
  const member = await sandbox.createUser();
  await sandbox.addMembership({ user: member.id, organization: created.body.id });
  return { admin, member, organization: created.body.id as number };
}

function invite(token: string, organization: number, invitee: unknown, extra: Record<string, unknown> = {}) {
  return call(sandbox, 'POST', '/v7/invitee__is_invited_to__organization', {
    token,
    body: { is_invited_to__organization: organization, invitee, ...extra },
  });
}

describe('organization invites', () => {
  it('an administrator invites by e-mail; the invitee sees the invite, accepts it once and becomes a member', async () => {
    const { admin, organization } = await givenOrganization();
    const guest = await sandbox.createUser();
    const sent = await invite(admin.token, organization, guest.email, { message: 'join us' });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({
      invitee: { __id: expect.any(Number) },
      is_invited_to__organization: { __id: organization },
      message: 'join us',
      is_created_by__user: { __id: admin.id },
    });
    expect(sent.body).not.toHaveProperty('invitation_token');
    // The default role is member.
    const listed = await odata(
      sandbox,
      `invitee__is_invited_to__organization?$select=id&$expand=invitee($select=email),organization_membership_role($select=name)`,
      admin.token,
    );
    expect(listed.body.d).toEqual([
      { id: sent.body.id, invitee: [{ email: guest.email }], organization_membership_role: [{ name: 'member' }] },
    ]);
    // The invitee reads the invites addressed to them.
    const theirs = await odata(sandbox, 'invitee__is_invited_to__organization?$select=id', guest.token);
    expect(theirs.body.d).toEqual([{ id: sent.body.id }]);

    const [mail] = await mails(guest.email);
    expect(mail?.kind).toBe('organization-invite');
    const accepted = await call(sandbox, 'POST', `/org/v1/invitation/${mail?.token}`, { token: guest.token });
    expect(accepted.status).toBe(200);
    const membership = await odata(
      sandbox,
      `organization_membership(user=${guest.id},is_member_of__organization=${organization})?$select=id&$expand=organization_membership_role($select=name)`,
      guest.token,
    );
    expect(membership.body.d[0].organization_membership_role).toEqual([{ name: 'member' }]);
    // Accepting twice is refused: the invite is gone.
    const again = await call(sandbox, 'POST', `/org/v1/invitation/${mail?.token}`, { token: guest.token });
    expect(again.status).toBe(404);
    expect((await odata(sandbox, 'invitee__is_invited_to__organization?$select=id', admin.token)).body.d).toEqual([]);
  });

  it('an administrator invite carries its role; revoking it makes its token worthless', async () => {
    const { admin, organization } = await givenOrganization();
    const guest = await sandbox.createUser();
    const roles = await odata(sandbox, `organization_membership_role(name='administrator')?$select=id`, admin.token);
    const sent = await invite(admin.token, organization, guest.email, {
      organization_membership_role: roles.body.d[0].id,
    });
    expect(sent.status).toBe(201);
    const [mail] = await mails(guest.email);
    const revoked = await call(sandbox, 'DELETE', `/v7/invitee__is_invited_to__organization(${sent.body.id})`, {
      token: admin.token,
    });
    expect(revoked.status).toBe(200);
    expect((await call(sandbox, 'POST', `/org/v1/invitation/${mail?.token}`, { token: guest.token })).status).toBe(404);
    expect(
      (
        await odata(
          sandbox,
          `organization_membership?$filter=user eq ${guest.id} and is_member_of__organization eq ${organization}`,
          admin.token,
        )
      ).body.d,
    ).toEqual([]);
  });

  it('refuses invites from members and strangers, duplicates, bad addresses, and accepting without a login', async () => {
    const { admin, member, organization } = await givenOrganization();
    const stranger = await sandbox.createUser();
    expect((await invite(member.token, organization, 'someone@example.com')).status).toBe(401);
    expect((await invite(stranger.token, organization, 'someone@example.com')).status).toBe(401);
    expect((await invite(admin.token, organization, 'not an address')).status).toBe(400);
    expect((await invite(admin.token, organization, 'dup@example.com')).status).toBe(201);
    expect((await invite(admin.token, organization, 'dup@example.com')).status).toBe(409);
    // Members and strangers see none of the organization's invites, nor the invitees.
    expect((await odata(sandbox, 'invitee__is_invited_to__organization', member.token)).body.d).toEqual([]);
    expect((await odata(sandbox, 'invitee__is_invited_to__organization', stranger.token)).body.d).toEqual([]);
    expect((await odata(sandbox, 'invitee', stranger.token)).body.d).toEqual([]);
    // Nor through a navigation of the organization they belong to.
    const expanded = await odata(
      sandbox,
      `organization(${organization})?$select=id&$expand=invitee__is_invited_to__organization($select=id)`,
      member.token,
    );
    expect(expanded.body.d).toEqual([{ id: organization, invitee__is_invited_to__organization: [] }]);
    const asAdmin = await odata(
      sandbox,
      `organization(${organization})?$select=id&$expand=invitee__is_invited_to__organization($select=id)`,
      admin.token,
    );
    expect(asAdmin.body.d[0].invitee__is_invited_to__organization).toHaveLength(1);
    const [mail] = await mails('dup@example.com');
    expect((await call(sandbox, 'POST', `/org/v1/invitation/${mail?.token}`)).status).toBe(401);
    expect((await call(sandbox, 'POST', '/org/v1/invitation/0000', { token: stranger.token })).status).toBe(404);
    // A member cannot revoke: the invite stays.
    await call(
      sandbox,
      'DELETE',
      `/v7/invitee__is_invited_to__organization?$filter=is_invited_to__organization eq ${organization}`,
      {
        token: member.token,
      },
    );
    expect((await odata(sandbox, 'invitee__is_invited_to__organization/$count', admin.token)).body.d).toBe(1);
  });

  it('an existing member accepting an invite is refused', async () => {
    const { admin, member, organization } = await givenOrganization();
    await invite(admin.token, organization, member.email);
    const [mail] = await mails(member.email);
    expect((await call(sandbox, 'POST', `/org/v1/invitation/${mail?.token}`, { token: member.token })).status).toBe(
      409,
    );
  });
});

describe('organization membership tags', () => {
  it('administrators write tags of memberships, members read them, strangers see nothing', async () => {
    const { admin, member, organization } = await givenOrganization();
    const membership = await odata(
      sandbox,
      `organization_membership(user=${member.id},is_member_of__organization=${organization})?$select=id`,
      admin.token,
    );
    const membershipId = membership.body.d[0].id as number;
    const body = { organization_membership: membershipId, tag_key: 'team', value: 'field' };
    const created = await call(sandbox, 'POST', '/v7/organization_membership_tag', { token: admin.token, body });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      organization_membership: { __id: membershipId },
      tag_key: 'team',
      value: 'field',
    });
    expect((await call(sandbox, 'POST', '/v7/organization_membership_tag', { token: admin.token, body })).status).toBe(
      409,
    );
    const badKey = { ...body, tag_key: 'has space' };
    expect(
      (await call(sandbox, 'POST', '/v7/organization_membership_tag', { token: admin.token, body: badKey })).status,
    ).toBe(400);

    const read = await odata(sandbox, 'organization_membership_tag?$select=tag_key,value', member.token);
    expect(read.body.d).toEqual([{ tag_key: 'team', value: 'field' }]);
    expect(
      (
        await call(sandbox, 'POST', '/v7/organization_membership_tag', {
          token: member.token,
          body: { ...body, tag_key: 'x' },
        })
      ).status,
    ).toBe(401);
    await call(sandbox, 'PATCH', `/v7/organization_membership_tag(${created.body.id})`, {
      token: member.token,
      body: { value: 'changed' },
    });
    const stranger = await sandbox.createUser();
    expect((await odata(sandbox, 'organization_membership_tag', stranger.token)).body.d).toEqual([]);
    const unchanged = await odata(
      sandbox,
      `organization_membership_tag(${created.body.id})?$select=value`,
      admin.token,
    );
    expect(unchanged.body.d).toEqual([{ value: 'field' }]);
  });
});

describe('e-mail verification', () => {
  it('a PATCH of has_been_sent_verification_email records a mail whose token verifies once', async () => {
    const user = await sandbox.createUser();
    const patched = await call(sandbox, 'PATCH', `/v7/user(${user.id})`, {
      token: user.token,
      body: { has_been_sent_verification_email: true },
    });
    expect(patched.status).toBe(200);
    const [mail] = await mails(user.email);
    expect(mail?.kind).toBe('email-verification');
    const wrong = await call(sandbox, 'POST', '/user/v1/verify-email', {
      body: { email: user.email, verificationToken: 'nope' },
    });
    expect(wrong.status).toBe(401);
    const verified = await call(sandbox, 'POST', '/user/v1/verify-email', {
      body: { email: user.email, verificationToken: mail?.token },
    });
    expect(verified.status).toBe(200);
    expect(verified.text.split('.')).toHaveLength(3);
    const twice = await call(sandbox, 'POST', '/user/v1/verify-email', {
      body: { email: user.email, verificationToken: mail?.token },
    });
    expect(twice.status).toBe(401);
  });

  it('a user changes nothing else of their own row, and nothing of anyone else', async () => {
    const user = await sandbox.createUser();
    const other = await sandbox.createUser();
    const renamed = await call(sandbox, 'PATCH', `/v7/user(${user.id})`, {
      token: user.token,
      body: { username: 'renamed_user' },
    });
    expect(renamed.status).toBe(401);
    await call(sandbox, 'PATCH', `/v7/user(${other.id})`, {
      token: user.token,
      body: { has_been_sent_verification_email: true },
    });
    expect(await mails(other.email)).toEqual([]);
    expect((await call(sandbox, 'DELETE', `/v7/user(${user.id})`, { token: user.token })).status).toBe(401);
    expect((await odata(sandbox, `user(${user.id})?$select=username`, user.token)).body.d).toEqual([
      { username: user.username },
    ]);
  });

  it('signing up records the first verification mail', async () => {
    const email = `signup-${process.pid}@example.com`;
    const registered = await call(sandbox, 'POST', '/user/register', { body: { email, password: 'a passphrase' } });
    expect(registered.status).toBe(200);
    const [mail] = await mails(email);
    expect(mail?.kind).toBe('email-verification');
    const verified = await call(sandbox, 'POST', '/user/v1/verify-email', {
      body: { email, verificationToken: mail?.token },
    });
    expect(verified.status).toBe(200);
  });

  it('the outbox is the superuser’s only', async () => {
    const user = await sandbox.createUser();
    expect((await call(sandbox, 'GET', '/sandbox/v1/mail', { token: user.token })).status).toBe(401);
    expect((await call(sandbox, 'GET', '/sandbox/v1/mail')).status).toBe(401);
  });
});

describe('after a restart', () => {
  it('an invite token still works, though the outbox is empty', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'sandbox-invites-'));
    try {
      const dataFile = join(directory, 'invites.db');
      const first = await startSandbox({ dataFile });
      const admin = first.superuser;
      const guest = await first.createUser();
      const sent = await call(first, 'POST', '/v7/invitee__is_invited_to__organization', {
        token: admin.token,
        body: { is_invited_to__organization: admin.organizationId, invitee: guest.email },
      });
      expect(sent.status).toBe(201);
      const outbox = await call(first, 'GET', '/sandbox/v1/mail', { token: admin.token });
      const token = (outbox.body.d as Mail[]).find((mail) => mail.to === guest.email)?.token;
      await first.close();

      const second = await startSandbox({ dataFile });
      expect((await call(second, 'GET', '/sandbox/v1/mail', { token: admin.token })).body).toEqual({ d: [] });
      const accepted = await call(second, 'POST', `/org/v1/invitation/${token}`, { token: guest.token });
      expect(accepted.status).toBe(200);
      const membership = await odata(
        second,
        `organization_membership(user=${guest.id},is_member_of__organization=${admin.organizationId})?$select=id`,
        guest.token,
      );
      expect(membership.body.d).toHaveLength(1);
      await second.close();
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
