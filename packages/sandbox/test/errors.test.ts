import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, type SandboxUser, startSandbox } from '../src/index.js';
import { call, createFleet, odata } from './support/api.js';

let sandbox: Sandbox;
let token: string;
let fleet: number;
let other: SandboxUser;

beforeAll(async () => {
  sandbox = await startSandbox();
  token = sandbox.superuser.token;
  fleet = (await createFleet(sandbox, token, sandbox.superuser.organizationId, 'mine')).id;
  await sandbox.seedDevices({ application: fleet, count: 2, namePrefix: 'mine-' });
  other = await sandbox.createUser({ username: 'other' });
});
afterAll(() => sandbox.close());

describe('malformed OData and unknown names', () => {
  it('answers 400 "Malformed url" for broken syntax, encoded commas and $count by key', async () => {
    for (const path of [
      '/v7/application?$filter=app_name%20eq',
      '/v7/application?$select=id%2Capp_name',
      `/v7/application(${fleet})/$count`,
      '/v7/application_tag?$filter=value%20eq%20%27O%27Brien%27',
    ]) {
      const answer = await call(sandbox, 'GET', path, { token });
      expect(answer.status, path).toBe(400);
      expect(answer.body).toBe(`Malformed url: '${path}'`);
    }
  });

  it('answers 401 for an unknown resource and 500 (empty) for an unknown field', async () => {
    expect((await odata(sandbox, 'golden_widget', token)).status).toBe(401);
    const field = await odata(sandbox, 'application?$select=id,colour', token);
    expect([field.status, field.text, field.contentType]).toEqual([500, '', null]);
    expect((await odata(sandbox, `application?$filter=colour eq 'x'`, token)).status).toBe(500);
    expect((await odata(sandbox, 'application?$expand=no_such_nav', token)).status).toBe(500);
  });
});

describe('credentials', () => {
  it('runs /v7 as the guest for missing, forged and expired tokens', async () => {
    const forged = `${token.slice(0, token.lastIndexOf('.'))}.AAAA`;
    const expired = sandbox.issueToken(sandbox.superuser.id, { expiresInSeconds: -60 });
    for (const credential of [undefined, forged, expired, 'NotAKeyNotAKeyNotAKeyNotAKey1234']) {
      // A guest reads the public applications (balenaOS host fleets), and nothing else.
      const apps = (await odata(sandbox, 'application?$select=id,is_public', credential)).body.d;
      expect(apps.length).toBeGreaterThan(0);
      expect(apps.filter((app: { is_public: boolean }) => !app.is_public)).toEqual([]);
      expect((await odata(sandbox, 'organization', credential)).status).toBe(401);
      expect((await call(sandbox, 'GET', '/user/v1/whoami', { token: credential })).status).toBe(401);
    }
  });

  it("hides another user's fleet: empty reads, writes without effect, 401 on POST below it", async () => {
    expect((await odata(sandbox, `application(${fleet})`, other.token)).body).toEqual({ d: [] });
    expect((await odata(sandbox, `device/$count`, other.token)).body).toEqual({ d: 0 });
    const patch = await call(sandbox, 'PATCH', `/v7/application(${fleet})`, {
      token: other.token,
      body: { app_name: 'stolen' },
    });
    expect(patch.status).toBe(200);
    const remove = await call(sandbox, 'DELETE', `/v7/device?$filter=belongs_to__application%20eq%20${fleet}`, {
      token: other.token,
    });
    expect(remove.status).toBe(200);
    expect((await odata(sandbox, `application(${fleet})?$select=app_name`, token)).body.d).toEqual([
      { app_name: 'mine' },
    ]);
    expect((await odata(sandbox, `device/$count`, token)).body).toEqual({ d: 2 });
    const tag = await call(sandbox, 'POST', '/v7/application_tag', {
      token: other.token,
      body: { application: fleet, tag_key: 'x', value: 'y' },
    });
    expect(tag.status).toBe(401);
    const foreignOrganization = await call(sandbox, 'POST', '/v7/application', {
      token: other.token,
      body: { app_name: 'intruder', organization: sandbox.superuser.organizationId, is_for__device_type: 1 },
    });
    expect(foreignOrganization.status).toBe(401);
  });
});

describe('bad bodies', () => {
  it("answers balena's HTML error page for JSON that does not parse", async () => {
    const answer = await call(sandbox, 'POST', '/v7/application', { token, raw: '{"app_name": "x",' });
    expect(answer.status).toBe(400);
    expect(answer.contentType).toBe('text/html; charset=utf-8');
    expect(answer.text).toContain('<title>Error</title>');
  });

  it('refuses bodies over 10 MB with 413', async () => {
    const answer = await call(sandbox, 'POST', '/v7/application_tag', {
      token,
      raw: JSON.stringify({ value: 'x'.repeat(11 * 1024 * 1024) }),
    });
    expect(answer.status).toBe(413);
  });

  it('wrong types are 400, missing required fields 500, unknown PATCH fields 500, unknown POST fields dropped', async () => {
    const wrong = await call(sandbox, 'POST', '/v7/application', {
      token,
      body: { app_name: 'w', organization: sandbox.superuser.organizationId, is_for__device_type: 'not-an-id' },
    });
    expect([wrong.status, wrong.text]).toEqual([400, '']);
    const missing = await call(sandbox, 'POST', '/v7/application', {
      token,
      body: { app_name: 'm', organization: sandbox.superuser.organizationId },
    });
    expect([missing.status, missing.text]).toEqual([500, '']);
    const unknown = await call(sandbox, 'PATCH', `/v7/application(${fleet})`, { token, body: { colour: 'blue' } });
    expect([unknown.status, unknown.text]).toEqual([500, '']);
    const dropped = await call(sandbox, 'POST', '/v7/application', {
      token,
      body: {
        app_name: 'extra',
        organization: sandbox.superuser.organizationId,
        is_for__device_type: 1,
        colour: 'blue',
      },
    });
    expect(dropped.status).toBe(201);
    expect(dropped.body.colour).toBeUndefined();
  });

  it('a multi-row PATCH that would break a unique rule changes nothing (409)', async () => {
    const answer = await call(sandbox, 'PATCH', `/v7/device?$filter=belongs_to__application%20eq%20${fleet}`, {
      token,
      body: { uuid: 'same-for-all' },
    });
    expect(answer.status).toBe(409);
    expect(answer.body).toBe('"uuid" must be unique.');
    expect((await odata(sandbox, `device/$count?$filter=uuid eq 'same-for-all'`, token)).body).toEqual({ d: 0 });
  });

  it('rejects reserved variable names and bad tag keys with 400', async () => {
    const reserved = await call(sandbox, 'POST', '/v7/application_environment_variable', {
      token,
      body: { application: fleet, name: 'BALENA_X', value: '1' },
    });
    expect(reserved.status).toBe(400);
    const config = await call(sandbox, 'POST', '/v7/application_config_variable', {
      token,
      body: { application: fleet, name: 'NOT_PREFIXED', value: '1' },
    });
    expect(config.status).toBe(400);
    const tag = await call(sandbox, 'POST', '/v7/application_tag', {
      token,
      body: { application: fleet, tag_key: 'has space', value: '1' },
    });
    expect(tag.status).toBe(400);
  });
});
