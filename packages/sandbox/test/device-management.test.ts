import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../src/index.js';
import { call, odata } from './support/api.js';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

const METRIC_FIELDS = 'cpu_usage,cpu_temp,cpu_id,memory_usage,memory_total,storage_usage,storage_total,mac_address';

describe('simulated devices report hardware metrics and MAC addresses', () => {
  it('reports metrics when it comes online and fresh ones with each poll', async () => {
    const app = await sandbox.seedApplication({ name: 'metrics' });
    const [seeded] = (await sandbox.seedDevices({ application: app.id, count: 1 })) as [{ id: number; uuid: string }];
    const read = async () =>
      (await odata(sandbox, `device(${seeded.id})?$select=${METRIC_FIELDS}`, sandbox.superuser.token)).body.d[0];
    expect((await read()).cpu_usage).toBeNull();
    const simulation = await sandbox.simulateDevice(seeded.uuid, { pollIntervalMs: 40 });
    try {
      const first = await read();
      expect(first.cpu_usage).toBeGreaterThanOrEqual(0);
      expect(first.cpu_usage).toBeLessThanOrEqual(100);
      expect(first.cpu_temp).toBeGreaterThan(0);
      expect(first.memory_total).toBeGreaterThan(first.memory_usage);
      expect(first.storage_total).toBeGreaterThan(first.storage_usage);
      expect(first.mac_address).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2} ([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
      await expect
        .poll(async () => (await read()).storage_usage, { timeout: 5_000, interval: 40 })
        .not.toBe(first.storage_usage);
    } finally {
      await simulation.stop();
    }
  });
});

describe('GET /device/v3/fleet/:uuid/state', () => {
  it('is keyed by the fleet uuid, follows releaseUuid, and refuses others (401)', async () => {
    const token = sandbox.superuser.token;
    const app = await sandbox.seedApplication({ name: 'fleet-state' });
    const first = await sandbox.seedRelease({ application: app.id });
    const second = await sandbox.seedRelease({ application: app.id });
    const failed = await sandbox.seedRelease({ application: app.id, status: 'failed' });
    const tracked = await call(sandbox, 'GET', `/device/v3/fleet/${app.uuid}/state/?releaseUuid=`, { token });
    expect(tracked.status).toBe(200);
    expect(Object.keys(tracked.body)).toEqual([app.uuid]);
    expect(tracked.body[app.uuid].name).toBe('fleet-state');
    expect(Object.keys(tracked.body[app.uuid].apps[app.uuid].releases)).toEqual([second.commit]);
    const older = await call(sandbox, 'GET', `/device/v3/fleet/${app.uuid}/state?releaseUuid=${first.commit}`, {
      token,
    });
    expect(Object.keys(older.body[app.uuid].apps[app.uuid].releases)).toEqual([first.commit]);
    for (const releaseUuid of [failed.commit, 'a'.repeat(32)]) {
      const refused = await call(sandbox, 'GET', `/device/v3/fleet/${app.uuid}/state?releaseUuid=${releaseUuid}`, {
        token,
      });
      expect(refused.status).toBe(401);
    }
    const stranger = await sandbox.createUser();
    const hidden = await call(sandbox, 'GET', `/device/v3/fleet/${app.uuid}/state`, { token: stranger.token });
    expect(hidden.status).toBe(401);
  });
});

describe('device_history', () => {
  it('records device states for the fleet’s users only; nobody writes it', async () => {
    const token = sandbox.superuser.token;
    const app = await sandbox.seedApplication({ name: 'history-access' });
    const [seeded] = (await sandbox.seedDevices({ application: app.id, count: 1 })) as [{ id: number; uuid: string }];
    await call(sandbox, 'PATCH', `/v7/device(${seeded.id})`, { token, body: { os_version: 'balenaOS 6.0.13' } });
    await call(sandbox, 'PATCH', `/v7/device(${seeded.id})`, { token, body: { note: 'not tracked' } });
    const own = await odata(sandbox, `device_history?$filter=tracks__device eq ${seeded.id}&$orderby=id asc`, token);
    expect(own.status).toBe(200);
    expect(own.body.d).toHaveLength(2);
    expect(own.body.d[0].end_timestamp).not.toBeNull();
    expect(own.body.d[1]).toMatchObject({ os_version: 'balenaOS 6.0.13', end_timestamp: null, uuid: seeded.uuid });
    const rowId = own.body.d[0].id;
    // pinejs-client (balena-sdk) sends a Date as `datetime'…'`: it compares as a point in time.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    for (const [literal, count] of [
      [`datetime'${tomorrow}'`, 0],
      [`datetime'${yesterday}'`, 2],
    ] as const) {
      const answer = await odata(
        sandbox,
        `device_history?$filter=tracks__device eq ${seeded.id} and created_at ge ${literal}`,
        token,
      );
      expect(answer.body.d, literal).toHaveLength(count);
    }

    const stranger = await sandbox.createUser();
    const hidden = await odata(sandbox, `device_history?$filter=uuid eq '${seeded.uuid}'`, stranger.token);
    expect(hidden.status).toBe(200);
    expect(hidden.body.d).toEqual([]);
    expect((await odata(sandbox, `device_history(${rowId})`, stranger.token)).body.d).toEqual([]);

    // A plain organization member reaches only the fleets granted to it; an administrator all of them.
    const member = await sandbox.createUser();
    await sandbox.addMembership({ user: member.id, organization: sandbox.superuser.organizationId });
    const history = `device_history?$filter=uuid eq '${seeded.uuid}'`;
    expect((await odata(sandbox, history, member.token)).body.d).toEqual([]);
    const administrator = await sandbox.createUser();
    await sandbox.addMembership({
      user: administrator.id,
      organization: sandbox.superuser.organizationId,
      role: 'administrator',
    });
    expect((await odata(sandbox, history, administrator.token)).body.d).toHaveLength(2);

    // A device key (what a device's supervisor holds) reads no history, not even its own.
    const provisioningKey = (
      await call(sandbox, 'POST', `/api-key/application/${app.id}/provisioning`, { token, body: { name: 'p' } })
    ).body;
    const registered = await call(sandbox, 'POST', '/device/register', {
      token: provisioningKey,
      body: { user: sandbox.superuser.id, application: app.id, device_type: 'raspberrypi4-64', uuid: 'b'.repeat(32) },
    });
    expect(registered.status).toBe(201);
    const asDevice = await odata(sandbox, 'device_history', registered.body.api_key);
    expect(asDevice.status).toBe(401);

    const created = await call(sandbox, 'POST', '/v7/device_history', {
      token,
      body: { uuid: seeded.uuid, belongs_to__application: app.id },
    });
    expect(created.status).toBe(401);
    await call(sandbox, 'PATCH', `/v7/device_history(${rowId})`, { token, body: { os_version: 'forged' } });
    await call(sandbox, 'DELETE', `/v7/device_history(${rowId})`, { token });
    const after = await odata(sandbox, `device_history(${rowId})`, token);
    expect(after.body.d).toHaveLength(1);
    expect(after.body.d[0].os_version).not.toBe('forged');
  });
});
