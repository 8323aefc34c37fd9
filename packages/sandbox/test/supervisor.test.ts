// The /supervisor/* proxy against simulated devices, and their supervisor API.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Sandbox, SeededRelease, SimulatedDevice } from '../src/index.js';
import { startSandbox } from '../src/index.js';

let sandbox: Sandbox;
let applicationId: number;
let release: SeededRelease;
let first: SimulatedDevice;
let second: SimulatedDevice;

interface Reply {
  status: number;
  contentType: string | null;
  body: unknown;
}

async function proxy(path: string, body: Record<string, unknown>, token = sandbox.superuser.token): Promise<Reply> {
  const response = await fetch(`${sandbox.url}/supervisor${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const contentType = response.headers.get('content-type');
  return { status: response.status, contentType, body: contentType?.includes('json') ? JSON.parse(text) : text };
}

async function deviceRow(id: number, select: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${sandbox.url}/v7/device(${id})?$select=${select}`, {
    headers: { Authorization: `Bearer ${sandbox.superuser.token}` },
  });
  return ((await response.json()) as { d: Record<string, unknown>[] }).d[0]!;
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

async function containers(
  device: SimulatedDevice,
): Promise<{ serviceName: string; status: string; containerId: string }[]> {
  const reply = await proxy('/v2/state/status', { uuid: device.uuid, method: 'GET' });
  return (reply.body as { containers: { serviceName: string; status: string; containerId: string }[] }).containers;
}

beforeAll(async () => {
  sandbox = await startSandbox();
  applicationId = (await sandbox.seedApplication({ name: 'proxied' })).id;
  release = await sandbox.seedRelease({ application: applicationId, services: ['main'] });
  const fleet = await sandbox.simulateFleet({
    application: applicationId,
    count: 2,
    rebootDelayMs: 50,
    downloadStepMs: 1,
    logIntervalMs: 0,
  });
  [first, second] = fleet.devices as [SimulatedDevice, SimulatedDevice];
});

afterAll(async () => {
  await sandbox.close();
});

describe('paths a supervisor serves, through the proxy', () => {
  test('GET /ping answers OK as text', async () => {
    const reply = await proxy('/ping', { deviceId: first.id, appId: applicationId, method: 'GET' });
    expect(reply).toEqual({ status: 200, contentType: 'text/plain; charset=utf-8', body: 'OK' });
  });

  test('a doubled slash (/supervisor//ping, as the Python SDK builds it) reaches the same path', async () => {
    const reply = await proxy('//ping', { uuid: first.uuid, method: 'GET' });
    expect(reply.body).toBe('OK');
  });

  test('POST /v1/blink answers OK', async () => {
    expect((await proxy('/v1/blink', { uuid: first.uuid })).body).toBe('OK');
  });

  test('GET /v1/device answers the device state', async () => {
    const reply = await proxy('/v1/device', { uuid: first.uuid, method: 'GET' });
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.body as object).sort()).toEqual(
      [
        'api_port',
        'commit',
        'download_progress',
        'ip_address',
        'os_version',
        'status',
        'supervisor_version',
        'update_downloaded',
        'update_failed',
        'update_pending',
      ].sort(),
    );
    expect(reply.body).toMatchObject({
      commit: release.commit,
      os_version: 'balenaOS 6.0.0',
      supervisor_version: '17.0.0',
    });
  });

  test('GET /v1/apps/:appId describes the single container', async () => {
    const reply = await proxy(`/v1/apps/${applicationId}`, { deviceId: first.id, appId: applicationId, method: 'GET' });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ appId: applicationId, commit: release.commit, env: {} });
  });

  test('POST /v1/apps/:appId/stop and /start change the container, and the API sees it', async () => {
    const stopped = await proxy(`/v1/apps/${applicationId}/stop`, { deviceId: first.id, appId: applicationId });
    expect(stopped.status).toBe(200);
    expect((await containers(first))[0]!.status).toBe('Stopped');
    await eventually(async () => {
      const response = await fetch(`${sandbox.url}/v7/image_install?$filter=device eq ${first.id}&$select=status`, {
        headers: { Authorization: `Bearer ${sandbox.superuser.token}` },
      });
      expect(((await response.json()) as { d: { status: string }[] }).d[0]!.status).toBe('Stopped');
    });
    const started = await proxy(`/v1/apps/${applicationId}/start`, { deviceId: first.id, appId: applicationId });
    expect(started.status).toBe(200);
    expect((started.body as { containerId: string }).containerId).toBe((await containers(first))[0]!.containerId);
    expect((await containers(first))[0]!.status).toBe('Running');
  });

  test('v2 stop-service, start-service and restart-service by imageId or serviceName', async () => {
    const imageId = release.services[0]!.imageId;
    const base = `/v2/applications/${applicationId}`;
    const body = (data: Record<string, unknown>) => ({ deviceId: first.id, appId: applicationId, data });
    expect((await proxy(`${base}/stop-service`, body({ appId: applicationId, imageId }))).body).toBe('OK');
    expect((await containers(first))[0]!.status).toBe('Stopped');
    expect((await proxy(`${base}/start-service`, body({ appId: applicationId, serviceName: 'main' }))).body).toBe('OK');
    const before = (await containers(first))[0]!.containerId;
    expect((await proxy(`${base}/restart-service`, body({ appId: applicationId, imageId }))).body).toBe('OK');
    const after = (await containers(first))[0]!;
    expect(after.status).toBe('Running');
    expect(after.containerId).not.toBe(before);
    const missing = await proxy(`${base}/restart-service`, body({ appId: applicationId, imageId: 999_999 }));
    expect(missing.status).toBe(404);
  });

  test('GET /v2/state/status lists containers and the release', async () => {
    const reply = await proxy('/v2/state/status', { uuid: first.uuid, method: 'GET' });
    expect(reply.body).toMatchObject({ status: 'success', appState: 'applied', release: release.commit });
  });

  test('POST /v1/restart and /v1/purge restart the containers and log it', async () => {
    expect(
      (await proxy('/v1/restart', { deviceId: first.id, appId: applicationId, data: { appId: applicationId } })).body,
    ).toBe('OK');
    const purge = await proxy('/v1/purge', {
      deviceId: first.id,
      appId: applicationId,
      data: { appId: applicationId },
    });
    expect(purge).toMatchObject({ status: 200, body: { Data: 'OK', Error: '' } });
    await eventually(async () => {
      const response = await fetch(`${sandbox.url}/device/v2/${first.uuid}/logs?count=all`, {
        headers: { Authorization: `Bearer ${sandbox.superuser.token}` },
      });
      const lines = ((await response.json()) as { message: string }[]).map((line) => line.message);
      expect(lines).toContain("Restarted service 'main'");
      expect(lines).toContain(`Purged data for app ${applicationId}`);
    });
  });

  test('POST /v1/update answers 204', async () => {
    expect((await proxy('/v1/update', { uuid: first.uuid, data: { force: true } })).status).toBe(204);
  });

  test('POST /v1/regenerate-api-key returns a new key; the old one stops working', async () => {
    const oldKey = first.supervisorApiKey;
    const reply = await proxy('/v1/regenerate-api-key', { uuid: first.uuid });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatch(/^[0-9a-f]{32}$/);
    expect(first.supervisorApiKey).toBe(reply.body);
    expect((await fetch(`${first.supervisorUrl}/v1/device?apikey=${oldKey}`)).status).toBe(401);
    expect((await fetch(`${first.supervisorUrl}/v1/device?apikey=${first.supervisorApiKey}`)).status).toBe(200);
  });

  test('POST /v1/shutdown: 202, then offline (404 through the proxy) until goOnline()', async () => {
    const reply = await proxy('/v1/shutdown', { deviceId: second.id, data: { force: false } });
    expect(reply).toMatchObject({ status: 202, body: { Data: 'OK', Error: '' } });
    await eventually(async () => {
      expect((await deviceRow(second.id, 'is_connected_to_vpn')).is_connected_to_vpn).toBe(false);
    });
    const offline = await proxy('/v1/blink', { uuid: second.uuid });
    expect(offline).toEqual({
      status: 404,
      contentType: 'application/json; charset=utf-8',
      body: 'No online device(s) found',
    });
    await second.goOnline();
    expect((await proxy('/v1/blink', { uuid: second.uuid })).status).toBe(200);
  });
});

describe('update locks', () => {
  test('a locked device answers 423 unless force is true', async () => {
    first.setLocked(true);
    try {
      const target = { deviceId: first.id, appId: applicationId };
      const imageId = release.services[0]!.imageId;
      const cases: [string, Record<string, unknown>][] = [
        ['/v1/reboot', {}],
        ['/v1/shutdown', {}],
        ['/v1/purge', { appId: applicationId }],
        ['/v1/restart', { appId: applicationId }],
        [`/v1/apps/${applicationId}/stop`, {}],
        [`/v2/applications/${applicationId}/stop-service`, { imageId }],
        [`/v2/applications/${applicationId}/restart-service`, { imageId }],
      ];
      for (const [path, data] of cases) {
        const reply = await proxy(path, { ...target, data });
        expect([path, reply.status]).toEqual([path, 423]);
      }
      expect((await proxy('/v1/restart', { ...target, data: { appId: applicationId, force: true } })).status).toBe(200);
      expect((await proxy('/v1/blink', target)).status).toBe(200);
    } finally {
      first.setLocked(false);
    }
  });

  test('a lock-override configuration variable lets locked calls through', async () => {
    const created = await fetch(`${sandbox.url}/v7/device_config_variable`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${sandbox.superuser.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ device: second.id, name: 'BALENA_SUPERVISOR_OVERRIDE_LOCK', value: '1' }),
    });
    expect(created.status).toBe(201);
    second.setLocked(true);
    try {
      const target = { deviceId: second.id, appId: applicationId, data: { appId: applicationId } };
      expect((await proxy('/v1/restart', target)).status).toBe(423);
      // The device learns its configuration when it polls its target state.
      expect((await proxy('/v1/update', { uuid: second.uuid })).status).toBe(204);
      await eventually(async () => {
        expect((await proxy('/v1/restart', target)).status).toBe(200);
      });
    } finally {
      second.setLocked(false);
    }
  });

  test('force overrides the lock on reboot', async () => {
    first.setLocked(true);
    const reply = await proxy('/v1/reboot', { deviceId: first.id, data: { force: true } });
    first.setLocked(false);
    expect(reply.status).toBe(202);
    await eventually(async () => {
      expect((await deviceRow(first.id, 'overall_status')).overall_status).toBe('operational');
    });
  });
});

describe('device selection and permissions', () => {
  test('an app-wide call reaches every online device: 207 with one entry each', async () => {
    await eventually(async () => {
      const reply = await proxy('/v1/blink', { appId: applicationId });
      expect(reply.status).toBe(207);
      expect(reply.body).toEqual([
        { statusCode: 200, body: 'OK' },
        { statusCode: 200, body: 'OK' },
      ]);
    });
  });

  test('a device that is not VPN-connected: 404 "No online device(s) found"', async () => {
    const [offline] = await sandbox.seedDevices({ application: applicationId, count: 1 });
    const reply = await proxy('/v1/blink', { uuid: offline!.uuid });
    expect(reply).toEqual({
      status: 404,
      contentType: 'application/json; charset=utf-8',
      body: 'No online device(s) found',
    });
  });

  test('a user who cannot see the device: 404; no credentials: 401; no target: 400', async () => {
    const stranger = await sandbox.createUser();
    expect((await proxy('/v1/blink', { uuid: first.uuid }, stranger.token)).status).toBe(404);
    expect((await proxy('/v1/blink', { appId: applicationId }, stranger.token)).body).toBe('No online device(s) found');
    expect((await proxy('/v1/blink', { uuid: first.uuid }, '')).status).toBe(401);
    expect((await proxy('/v1/blink', {})).status).toBe(400);
  });

  test('a fleet provisioning key may not reach devices: 404', async () => {
    const response = await fetch(`${sandbox.url}/api-key/application/${applicationId}/provisioning`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${sandbox.superuser.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'p' }),
    });
    const key = (await response.json()) as string;
    expect((await proxy('/v1/blink', { uuid: first.uuid }, key)).status).toBe(404);
  });

  test('a connected device nobody simulates: 504', async () => {
    const [ghost] = await sandbox.seedDevices({
      application: applicationId,
      count: 1,
      fields: { is_connected_to_vpn: true },
    });
    const reply = await proxy('/v1/blink', { uuid: ghost!.uuid });
    expect(reply.status).toBe(504);
  });
});
