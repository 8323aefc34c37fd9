import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, type SandboxUser, startSandbox } from '../src/index.js';
import { call, odata } from './support/api.js';

let directory: string;
let dataFile: string;
let sandbox: Sandbox;
let admin: SandboxUser;
let fleet: number;
let observerRole: number;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'sandbox-invites-'));
  dataFile = join(directory, 'invites.db');
  sandbox = await startSandbox({ dataFile });
  admin = sandbox.superuser;
  fleet = (await sandbox.seedApplication({ name: 'invited-fleet' })).id;
  const role = await odata(sandbox, `application_membership_role(name='observer')?$select=id`, admin.token);
  observerRole = role.body.d[0].id;
});
afterAll(async () => {
  await sandbox.close();
  rmSync(directory, { recursive: true, force: true });
});

/** The invitation link's secret, as balena would have mailed it: read from the data file. */
function invitationToken(inviteId: number): string {
  const database = new Database(dataFile, { readonly: true });
  try {
    const row = database
      .prepare('SELECT data FROM rows WHERE resource = ? AND id = ?')
      .get('invitee__is_invited_to__application', inviteId) as { data: string } | undefined;
    return (JSON.parse(row?.data ?? '{}') as { invitation_token?: string }).invitation_token ?? '';
  } finally {
    database.close();
  }
}

function invite(token: string, body: Record<string, unknown>) {
  return call(sandbox, 'POST', '/v7/invitee__is_invited_to__application', { token, body });
}

describe('fleet invites', () => {
  it('an administrator invites an e-mail address; the invitee reads it, accepts it once and becomes a member with its role', async () => {
    const invitee = await sandbox.createUser();
    const created = await invite(admin.token, {
      invitee: invitee.email.toUpperCase(),
      is_invited_to__application: fleet,
      application_membership_role: observerRole,
      message: 'join us',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      is_invited_to__application: { __id: fleet },
      application_membership_role: { __id: observerRole },
      message: 'join us',
      is_created_by__user: { __id: admin.id },
    });
    expect(created.body).not.toHaveProperty('invitation_token');
    const seen = await odata(
      sandbox,
      `application_invite?$select=id&$expand=invitee($select=email)&$filter=is_invited_to__application eq ${fleet}`,
      invitee.token,
    );
    expect(seen.body.d).toEqual([{ id: created.body.id, invitee: [{ email: invitee.email.toLowerCase() }] }]);

    const token = invitationToken(created.body.id);
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    expect((await call(sandbox, 'POST', `/user/v1/invitation/${token}`)).status).toBe(401);
    const accepted = await call(sandbox, 'POST', `/user/v1/invitation/${token}`, { token: invitee.token });
    expect(accepted.status).toBe(200);
    const membership = await odata(
      sandbox,
      `user_application_membership(user=${invitee.id},is_member_of__application=${fleet})?$select=application_membership_role`,
      admin.token,
    );
    expect(membership.body.d).toEqual([{ application_membership_role: { __id: observerRole } }]);
    expect((await odata(sandbox, 'application/$count?$filter=is_public eq false', invitee.token)).body).toEqual({
      d: 1,
    });

    const again = await call(sandbox, 'POST', `/user/v1/invitation/${token}`, { token: invitee.token });
    expect(again.status).toBe(404);
  });

  it('a revoked invite cannot be accepted; only administrators invite and revoke; others read no invites', async () => {
    const invitee = await sandbox.createUser();
    const stranger = await sandbox.createUser();
    const created = await invite(admin.token, { invitee: invitee.email, is_invited_to__application: fleet });
    expect(created.status).toBe(201);
    const developer = await odata(sandbox, `application_membership_role(name='developer')?$select=id`, admin.token);
    expect(created.body.application_membership_role).toEqual({ __id: developer.body.d[0].id });
    expect((await odata(sandbox, 'invitee__is_invited_to__application/$count', stranger.token)).body).toEqual({ d: 0 });
    expect((await odata(sandbox, 'invitee/$count', stranger.token)).body).toEqual({ d: 0 });
    expect((await invite(stranger.token, { invitee: 'x@example.com', is_invited_to__application: fleet })).status).toBe(
      401,
    );
    // The invitee may read the invite but not revoke it.
    await call(sandbox, 'DELETE', `/v7/invitee__is_invited_to__application(${created.body.id})`, {
      token: invitee.token,
    });
    const stillThere = await odata(
      sandbox,
      `invitee__is_invited_to__application(${created.body.id})?$select=id`,
      admin.token,
    );
    expect(stillThere.body.d).toEqual([{ id: created.body.id }]);
    const token = invitationToken(created.body.id);
    const revoked = await call(sandbox, 'DELETE', `/v7/invitee__is_invited_to__application(${created.body.id})`, {
      token: admin.token,
    });
    expect(revoked.status).toBe(200);
    const accepted = await call(sandbox, 'POST', `/user/v1/invitation/${token}`, { token: invitee.token });
    expect(accepted.status).toBe(404);
    expect((await odata(sandbox, 'application/$count?$filter=is_public eq false', invitee.token)).body).toEqual({
      d: 0,
    });
  });

  it('refuses a malformed e-mail address and a second invite of one address to one fleet', async () => {
    expect((await invite(admin.token, { invitee: 'not an address', is_invited_to__application: fleet })).status).toBe(
      400,
    );
    expect(
      (await invite(admin.token, { invitee: 'twice@example.com', is_invited_to__application: fleet })).status,
    ).toBe(201);
    expect(
      (await invite(admin.token, { invitee: 'twice@example.com', is_invited_to__application: fleet })).status,
    ).toBe(409);
  });
});
