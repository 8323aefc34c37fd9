// Fleet-wide actions: POST /application/:id/restart and the app-wide supervisor proxy calls.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Sandbox, SimulatedDevice } from '../src/index.js';
import { startSandbox } from '../src/index.js';
import { call } from './support/api.js';

let sandbox: Sandbox;
let token: string;
let applicationId: number;
let devices: SimulatedDevice[];

beforeAll(async () => {
  sandbox = await startSandbox();
  token = sandbox.superuser.token;
  applicationId = (await sandbox.seedApplication({ name: 'fleet-actions' })).id;
  await sandbox.seedRelease({ application: applicationId, services: ['main', 'worker'] });
  const fleet = await sandbox.simulateFleet({
    application: applicationId,
    count: 2,
    rebootDelayMs: 50,
    downloadStepMs: 1,
    logIntervalMs: 0,
  });
  devices = fleet.devices;
  // A device that never connected: the fleet-wide actions skip it.
  await sandbox.seedDevices({ application: applicationId, count: 1 });
});
afterAll(() => sandbox.close());

async function containerIds(device: SimulatedDevice): Promise<string[]> {
  const response = await fetch(`${device.supervisorUrl}/v2/state/status?apikey=${device.supervisorApiKey}`);
  const state = (await response.json()) as { containers: { containerId: string }[] };
  return state.containers.map((container) => container.containerId);
}

async function eventually(check: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

function proxy(path: string, body: Record<string, unknown>) {
  return call(sandbox, 'POST', `/supervisor${path}`, { token, body });
}

describe('POST /application/:id/restart', () => {
  test('restarts every container of every online device: 200, empty body', async () => {
    const before = await Promise.all(devices.map(containerIds));
    const answer = await call(sandbox, 'POST', `/application/${applicationId}/restart`, { token });
    expect([answer.status, answer.text]).toEqual([200, '']);
    const after = await Promise.all(devices.map(containerIds));
    for (const [index, ids] of after.entries()) {
      expect(ids).toHaveLength(2);
      for (const id of ids) expect(before[index]).not.toContain(id);
    }
    await eventually(async () => {
      const logs = await call(sandbox, 'GET', `/device/v2/${devices[0]!.uuid}/logs?count=all`, { token });
      const messages = (logs.body as { message: string }[]).map((line) => line.message);
      expect(messages).toContain("Restarted service 'worker'");
    });
  });

  test('a device holding its update lock makes it 423; the others restart anyway', async () => {
    const [locked, free] = devices as [SimulatedDevice, SimulatedDevice];
    locked.setLocked(true);
    try {
      const lockedBefore = await containerIds(locked);
      const freeBefore = await containerIds(free);
      const answer = await call(sandbox, 'POST', `/application/${applicationId}/restart`, { token });
      expect(answer.status).toBe(423);
      expect(await containerIds(locked)).toEqual(lockedBefore);
      for (const id of await containerIds(free)) expect(freeBefore).not.toContain(id);
    } finally {
      locked.setLocked(false);
    }
  });

  test('404 JSON string for a fleet the caller cannot see; 401 without a full session; 403 for a fleet key', async () => {
    const stranger = await sandbox.createUser();
    for (const [id, caller] of [
      [String(applicationId), stranger.token],
      ['999999', token],
      ['not-a-number', token],
    ] as const) {
      const answer = await call(sandbox, 'POST', `/application/${id}/restart`, { token: caller });
      expect([answer.status, answer.contentType, answer.body]).toEqual([
        404,
        'application/json; charset=utf-8',
        `No application with id ${id}`,
      ]);
    }
    expect((await call(sandbox, 'POST', `/application/${applicationId}/restart`)).status).toBe(401);
    const partial = sandbox.issueToken(sandbox.superuser.id, { twoFactorRequired: true });
    expect((await call(sandbox, 'POST', `/application/${applicationId}/restart`, { token: partial })).status).toBe(401);
    const key = await call(sandbox, 'POST', `/api-key/application/${applicationId}/provisioning`, { token, body: {} });
    expect((await call(sandbox, 'POST', `/application/${applicationId}/restart`, { token: key.body })).status).toBe(
      403,
    );
  });

  test('a fleet without online devices: 200', async () => {
    const empty = await sandbox.seedApplication({ name: 'no-devices-online' });
    await sandbox.seedDevices({ application: empty.id, count: 2 });
    expect((await call(sandbox, 'POST', `/application/${empty.id}/restart`, { token })).status).toBe(200);
  });
});

describe('app-wide supervisor proxy calls (only appId, as application.purge/reboot/shutdown send them)', () => {
  test('v1/purge reaches every online device: 207, one entry each', async () => {
    const answer = await proxy('/v1/purge', { appId: applicationId, data: { appId: applicationId } });
    expect(answer.status).toBe(207);
    expect(answer.body).toEqual([
      { statusCode: 200, body: { Data: 'OK', Error: '' } },
      { statusCode: 200, body: { Data: 'OK', Error: '' } },
    ]);
  });

  test('v1/reboot: 207 with 202s, and the devices come back', async () => {
    const answer = await proxy('/v1/reboot', { appId: applicationId, data: { force: false } });
    expect(answer.status).toBe(207);
    expect(answer.body).toEqual([
      { statusCode: 202, body: { Data: 'OK', Error: '' } },
      { statusCode: 202, body: { Data: 'OK', Error: '' } },
    ]);
    await eventually(async () => {
      const listed = await call(
        sandbox,
        'GET',
        `/v7/device?$select=overall_status&$filter=belongs_to__application%20eq%20${applicationId}%20and%20is_connected_to_vpn%20eq%20true`,
        { token },
      );
      expect(listed.body.d).toEqual([{ overall_status: 'operational' }, { overall_status: 'operational' }]);
    });
  });

  test('v1/shutdown: 207 with 202s, then nothing is online (404) until the devices come back', async () => {
    const answer = await proxy('/v1/shutdown', { appId: applicationId, data: { force: false } });
    expect(answer.status).toBe(207);
    expect((answer.body as { statusCode: number }[]).map((entry) => entry.statusCode)).toEqual([202, 202]);
    await eventually(async () => {
      const after = await proxy('/v1/blink', { appId: applicationId });
      expect([after.status, after.body]).toEqual([404, 'No online device(s) found']);
    });
    await Promise.all(devices.map((device) => device.goOnline()));
    expect((await proxy('/v1/blink', { appId: applicationId })).status).toBe(207);
  });
});
