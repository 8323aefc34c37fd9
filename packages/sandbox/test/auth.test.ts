import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../src/auth/totp.js';
import { type Sandbox, startSandbox } from '../src/index.js';
import { call, createFleet, odata } from './support/api.js';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ superuser: { username: 'root', email: 'root@example.com', password: 'hunter2' } });
});
afterAll(() => sandbox.close());

function claims(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8'));
}

describe('login and tokens', () => {
  it('POST /login_ takes JSON or a form, username or email, and answers a bare JWT', async () => {
    const json = await call(sandbox, 'POST', '/login_', {
      body: { username: 'root@example.com', password: 'hunter2' },
    });
    expect(json.status).toBe(200);
    expect(json.contentType).toBe('text/plain; charset=utf-8');
    expect(claims(json.text)).toMatchObject({ id: sandbox.superuser.id, username: 'root', email: 'root@example.com' });
    const form = await call(sandbox, 'POST', '/login_', {
      raw: 'username=root&password=hunter2',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(200);
    expect((await call(sandbox, 'POST', '/login_', { body: { username: 'root', password: 'wrong' } })).status).toBe(
      401,
    );
    expect((await call(sandbox, 'POST', '/login_', { body: { username: 'root' } })).status).toBe(400);
  });

  it('refreshes tokens and rejects forged signatures', async () => {
    const refreshed = await call(sandbox, 'GET', '/user/v1/refresh-token', { token: sandbox.superuser.token });
    expect(refreshed.status).toBe(200);
    expect(claims(refreshed.text).id).toBe(sandbox.superuser.id);
    const [header, payload] = sandbox.superuser.token.split('.');
    const forged = `${header}.${payload}.${createHmac('sha256', 'guess').update(`${header}.${payload}`).digest('base64url')}`;
    expect((await call(sandbox, 'GET', '/user/v1/refresh-token', { token: forged })).status).toBe(401);
  });

  it('registers users with their own organization', async () => {
    const answer = await call(sandbox, 'POST', '/user/register', {
      body: { email: 'new@example.com', password: 'pw', username: 'newbie' },
    });
    expect(answer.status).toBe(200);
    const orgs = await odata(sandbox, 'organization?$select=handle', answer.text);
    expect(orgs.body).toEqual({ d: [{ handle: 'newbie' }] });
    expect(
      (
        await call(sandbox, 'POST', '/user/register', {
          body: { email: 'new@example.com', password: 'pw', username: 'again' },
        })
      ).status,
    ).toBe(409);
  });
});

describe('API keys', () => {
  it('user keys act as the user; v2 needs expiryDate; expired keys are refused', async () => {
    const token = sandbox.superuser.token;
    const key = await call(sandbox, 'POST', '/api-key/user/full', { token, body: { name: 'ci' } });
    expect(key.status).toBe(200);
    expect(key.body).toMatch(/^[A-Za-z0-9]{32}$/);
    expect((await call(sandbox, 'GET', '/user/v1/whoami', { token: key.body })).body).toEqual({
      id: sandbox.superuser.id,
      username: 'root',
      email: 'root@example.com',
    });
    expect((await call(sandbox, 'POST', '/api-key/user/full', { token: key.body, body: { name: 'x' } })).status).toBe(
      400,
    );
    const noExpiry = await call(sandbox, 'POST', '/api-key/v2/', {
      token,
      body: { actorType: 'user', actorTypeId: sandbox.superuser.id, roles: ['named-user-api-key'], name: 'n' },
    });
    expect([noExpiry.status, noExpiry.body]).toEqual([400, 'Key expiry date should be a valid date']);
    const expired = await call(sandbox, 'POST', '/api-key/v2/', {
      token,
      body: {
        actorType: 'user',
        actorTypeId: sandbox.superuser.id,
        roles: ['named-user-api-key'],
        name: 'old',
        expiryDate: '2001-01-01',
      },
    });
    expect((await call(sandbox, 'GET', '/user/v1/whoami', { token: expired.body })).status).toBe(401);
    const listed = await odata(sandbox, `api_key?$select=name,key&$filter=name eq 'ci'`, token);
    expect(listed.body.d).toEqual([{ name: 'ci', key: key.body }]);
  });

  it("a user API key reads its user's keys but changes none: only sessions rename or revoke keys", async () => {
    const user = await sandbox.createUser();
    const key = (await call(sandbox, 'POST', '/api-key/user/full', { token: user.token, body: { name: 'self' } })).body;
    const other = (await call(sandbox, 'POST', '/api-key/user/full', { token: user.token, body: { name: 'other' } }))
      .body;
    const names = async () =>
      (await odata(sandbox, 'api_key?$select=name&$orderby=name asc', key)).body.d.map(
        (row: { name: string }) => row.name,
      );
    expect(await names()).toEqual(['other', 'self']);
    const removed = await call(sandbox, 'DELETE', `/v7/api_key?$filter=startswith(name,'')`, { token: key });
    expect(removed.status).toBe(200);
    const renamed = await call(sandbox, 'PATCH', `/v7/api_key?$filter=name eq 'other'`, {
      token: key,
      body: { name: 'renamed' },
    });
    expect(renamed.status).toBe(200);
    expect(await names()).toEqual(['other', 'self']);
    expect((await call(sandbox, 'GET', '/user/v1/whoami', { token: key })).status).toBe(200);
    // The user's session may.
    expect((await call(sandbox, 'DELETE', `/v7/api_key?$filter=name eq 'other'`, { token: user.token })).status).toBe(
      200,
    );
    expect(await names()).toEqual(['self']);
    expect((await call(sandbox, 'GET', '/user/v1/whoami', { token: other })).status).toBe(401);
  });

  it('provisioning and device keys identify their fleet and device', async () => {
    const token = sandbox.superuser.token;
    const fleet = await createFleet(sandbox, token, sandbox.superuser.organizationId, 'keyed');
    const provisioning = await call(sandbox, 'POST', `/api-key/application/${fleet.id}/provisioning`, {
      token,
      body: { name: 'p' },
    });
    expect((await call(sandbox, 'GET', '/actor/v1/whoami', { token: provisioning.body })).body).toEqual({
      id: fleet.actor && (fleet.actor as { __id: number }).__id,
      actorType: 'application',
      actorTypeId: fleet.id,
      slug: 'root/keyed',
    });
    expect((await odata(sandbox, 'device', provisioning.body)).status).toBe(401);
    const [device] = await sandbox.seedDevices({ application: fleet.id, count: 1 });
    const deviceKey = await call(sandbox, 'POST', `/api-key/device/${device!.id}/device-key`, { token, body: {} });
    expect((await call(sandbox, 'GET', '/actor/v1/whoami', { token: deviceKey.body })).body).toMatchObject({
      actorType: 'device',
      actorTypeId: device!.id,
      uuid: device!.uuid,
    });
    expect((await call(sandbox, 'GET', '/user/v1/whoami', { token: deviceKey.body })).status).toBe(401);
    const other = await sandbox.createUser();
    expect(
      (await call(sandbox, 'POST', `/api-key/application/${fleet.id}/provisioning`, { token: other.token, body: {} }))
        .status,
    ).toBe(404);
  });

  it('v2 makes a key with exactly one role, the one its actor type allows, as balena', async () => {
    const token = sandbox.superuser.token;
    const fleet = await createFleet(sandbox, token, sandbox.superuser.organizationId, 'roles');
    const [device] = await sandbox.seedDevices({ application: fleet.id, count: 1 });
    const v2 = (body: Record<string, unknown>) =>
      call(sandbox, 'POST', '/api-key/v2/', { token, body: { expiryDate: null, ...body } });
    const refusals: [Record<string, unknown>, number, string][] = [
      [{ actorType: 'application', actorTypeId: fleet.id }, 400, 'API Keys currently only support a single role'],
      [
        { actorType: 'application', actorTypeId: fleet.id, roles: [] },
        400,
        'API Keys currently only support a single role',
      ],
      [
        { actorType: 'application', actorTypeId: fleet.id, roles: ['provisioning-api-key', 'device-api-key'] },
        400,
        'API Keys currently only support a single role',
      ],
      [{ actorType: 'organization', actorTypeId: 1, roles: ['provisioning-api-key'] }, 400, 'Unsupported actor type'],
      [{ actorType: 'toString', actorTypeId: 1, roles: ['provisioning-api-key'] }, 400, 'Unsupported actor type'],
      [
        { actorType: 'user', actorTypeId: sandbox.superuser.id, roles: ['named-user-api-key'], name: '' },
        400,
        "API keys with the 'named-user-api-key' role require a name",
      ],
      [{ actorType: 'application', actorTypeId: fleet.id, roles: ['device-api-key'] }, 403, 'Forbidden'],
      [{ actorType: 'device', actorTypeId: device!.id, roles: ['provisioning-api-key'] }, 403, 'Forbidden'],
    ];
    for (const [body, status, message] of refusals) {
      expect([body, (await v2(body)).status, (await v2(body)).body]).toEqual([body, status, message]);
    }
    const made = await v2({ actorType: 'device', actorTypeId: device!.id, roles: ['device-api-key'] });
    expect((await call(sandbox, 'GET', '/actor/v1/whoami', { token: made.body })).body).toMatchObject({
      actorType: 'device',
      actorTypeId: device!.id,
    });
  });
});

describe('two-factor authentication', () => {
  it('enables TOTP with a real code, makes logins partial until verified, and disables it', async () => {
    const user = await sandbox.createUser({ username: 'twofa', password: 'pw' });
    const setup = await call(sandbox, 'GET', '/auth/totp/setup', { token: user.token });
    expect(setup.body).toMatch(/^otpauth:\/\/totp\/balena:twofa\?secret=[A-Z2-7]+&issuer=balena$/);
    const secret = new URL(setup.body).searchParams.get('secret')!;
    expect(
      (
        await call(sandbox, 'POST', '/auth/totp/verify', {
          token: user.token,
          body: { code: '000000' === totpCode(secret, Date.now()) ? '111111' : '000000' },
        })
      ).status,
    ).toBe(401);
    const enabled = await call(sandbox, 'POST', '/auth/totp/verify', {
      token: user.token,
      body: { code: totpCode(secret, Date.now()) },
    });
    expect(claims(enabled.text).twoFactorRequired).toBe(false);

    const partial = (await call(sandbox, 'POST', '/login_', { body: { username: 'twofa', password: 'pw' } })).text;
    expect(claims(partial).twoFactorRequired).toBe(true);
    expect((await call(sandbox, 'POST', '/api-key/user/full', { token: partial, body: { name: 'k' } })).status).toBe(
      401,
    );
    expect((await odata(sandbox, 'organization', partial)).status).toBe(401);
    // whoami needs a fully authenticated user; a pending one has no actor yet.
    for (const path of ['/user/v1/whoami', '/actor/v1/whoami']) {
      const refused = await call(sandbox, 'GET', path, { token: partial });
      expect([refused.status, refused.text]).toEqual([401, '']);
    }
    const stillPartial = await call(sandbox, 'GET', '/user/v1/refresh-token', { token: partial });
    expect(claims(stillPartial.text).twoFactorRequired).toBe(true);
    const passed = await call(sandbox, 'POST', '/auth/totp/verify', {
      token: partial,
      body: { code: totpCode(secret, Date.now()) },
    });
    expect(claims(passed.text).twoFactorRequired).toBe(false);
    expect((await call(sandbox, 'GET', '/user/v1/whoami', { token: passed.text })).body.username).toBe('twofa');
    expect((await call(sandbox, 'GET', '/actor/v1/whoami', { token: passed.text })).body.actorType).toBe('user');
    expect((await odata(sandbox, 'organization?$select=handle', passed.text)).body).toEqual({
      d: [{ handle: 'twofa' }],
    });

    const disabled = await call(sandbox, 'POST', '/auth/totp/disable', {
      token: passed.text,
      body: { password: 'pw' },
    });
    expect(claims(disabled.text).twoFactorRequired).toBeUndefined();
    expect(
      claims((await call(sandbox, 'POST', '/login_', { body: { username: 'twofa', password: 'pw' } })).text)
        .twoFactorRequired,
    ).toBeUndefined();
  });

  it('createUser({ twoFactor: true }) returns a secret whose codes pass', async () => {
    const user = await sandbox.createUser({ password: 'pw', twoFactor: true });
    const partial = (await call(sandbox, 'POST', '/login_', { body: { username: user.username, password: 'pw' } }))
      .text;
    expect(claims(partial).twoFactorRequired).toBe(true);
    const verified = await call(sandbox, 'POST', '/auth/totp/verify', {
      token: partial,
      body: { code: totpCode(user.totpSecret!, Date.now()) },
    });
    expect(verified.status).toBe(200);
  });
});
