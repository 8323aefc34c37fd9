// Simulated devices: a living device over HTTP (heartbeat, VPN, release installs, logs, reboot).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Sandbox, SeededRelease, SimulatedFleet } from '../src/index.js';
import { startSandbox } from '../src/index.js';

let sandbox: Sandbox;
let applicationId: number;
let release: SeededRelease;
let fleet: SimulatedFleet;

async function api<T>(path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${sandbox.superuser.token}`);
  if (init.body !== undefined) headers.set('Content-Type', 'application/json');
  const response = await fetch(`${sandbox.url}${path}`, { ...init, headers });
  const text = await response.text();
  return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T };
}

async function device(id: number, select: string): Promise<Record<string, unknown>> {
  const { body } = await api<{ d: Record<string, unknown>[] }>(`/v7/device(${id})?$select=${select}`);
  return body.d[0]!;
}

/** Retries `check` until it stops throwing (the simulator works on timers); fails after 10 s. */
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

async function messages(uuid: string): Promise<string[]> {
  const { body } = await api<{ message: string }[]>(`/device/v2/${uuid}/logs?count=all`);
  return body.map((line) => line.message);
}

beforeAll(async () => {
  sandbox = await startSandbox();
  applicationId = (await sandbox.seedApplication({ name: 'simulated-fleet' })).id;
  release = await sandbox.seedRelease({ application: applicationId, services: ['main', 'worker'] });
  fleet = await sandbox.simulateFleet({
    application: applicationId,
    count: 2,
    downloadStepMs: 5,
    rebootDelayMs: 100,
    logIntervalMs: 0,
  });
});

afterAll(async () => {
  await sandbox.close();
});

describe('simulateFleet', () => {
  test('registers devices through /device/register and brings them to operational', async () => {
    expect(fleet.devices).toHaveLength(2);
    for (const simulated of fleet.devices) {
      expect(simulated.uuid).toMatch(/^[0-9a-f]{32}$/);
      const row = await device(
        simulated.id,
        'overall_status,is_connected_to_vpn,api_heartbeat_state,is_running__release,status,supervisor_version,api_port',
      );
      expect(row).toMatchObject({
        overall_status: 'operational',
        is_connected_to_vpn: true,
        api_heartbeat_state: 'online',
        is_running__release: { __id: release.id },
        status: 'Idle',
        supervisor_version: '17.0.0',
        api_port: 48484,
      });
    }
  });

  test('runs the target release: a Running image install and a service install per service', async () => {
    const simulated = fleet.devices[0]!;
    const { body } = await api<{ d: { status: string; installs__image: { __id: number } }[] }>(
      `/v7/image_install?$filter=device eq ${simulated.id}&$select=status,installs__image`,
    );
    expect(body.d.map((install) => install.installs__image.__id).sort()).toEqual(
      release.services.map((service) => service.imageId).sort(),
    );
    expect(body.d.every((install) => install.status === 'Running')).toBe(true);
    const services = await api<{ d: { installs__service: { __id: number } }[] }>(
      `/v7/service_install?$filter=device eq ${simulated.id}&$select=installs__service`,
    );
    expect(services.body.d.map((install) => install.installs__service.__id).sort()).toEqual(
      release.services.map((service) => service.id).sort(),
    );
  });

  test('logs say the supervisor started and the services were installed', async () => {
    const lines = await messages(fleet.devices[0]!.uuid);
    expect(lines).toContain('Supervisor starting');
    expect(lines).toContain("Installed and started service 'main'");
    expect(lines).toContain("Installed and started service 'worker'");
  });
});

describe('a simulated device', () => {
  test('log() writes through the API with the device key', async () => {
    const simulated = fleet.devices[1]!;
    await simulated.log('hello from the device', { serviceId: release.services[0]!.id });
    const { body } = await api<{ message: string; serviceId?: number; isSystem: boolean }[]>(
      `/device/v2/${simulated.uuid}/logs?count=1`,
    );
    expect(body[0]).toMatchObject({
      message: 'hello from the device',
      serviceId: release.services[0]!.id,
      isSystem: false,
    });
  });

  test('goOffline disconnects; goOnline brings it back to operational', async () => {
    const simulated = fleet.devices[1]!;
    await simulated.goOffline();
    expect(await device(simulated.id, 'overall_status,is_connected_to_vpn,api_heartbeat_state')).toEqual({
      overall_status: 'disconnected',
      is_connected_to_vpn: false,
      api_heartbeat_state: 'offline',
    });
    await simulated.goOnline();
    expect((await device(simulated.id, 'overall_status')).overall_status).toBe('operational');
  });

  test('a reboot through the proxy: offline, then back online, and the logs say so', async () => {
    const simulated = fleet.devices[0]!;
    const reply = await api<unknown>('/supervisor/v1/reboot', {
      method: 'POST',
      body: JSON.stringify({ deviceId: simulated.id, data: { force: false } }),
    });
    expect(reply).toEqual({ status: 202, body: { Data: 'OK', Error: '' } });
    await eventually(async () => {
      expect((await device(simulated.id, 'is_connected_to_vpn')).is_connected_to_vpn).toBe(false);
    });
    await eventually(async () => {
      expect((await device(simulated.id, 'overall_status')).overall_status).toBe('operational');
    });
    const lines = await messages(simulated.uuid);
    const rebooting = lines.lastIndexOf('Rebooting');
    expect(rebooting).toBeGreaterThan(0);
    expect(lines.slice(rebooting)).toContain('Supervisor starting');
  });

  test('a new target release is downloaded and run after /v1/update', async () => {
    const next = await sandbox.seedRelease({ application: applicationId, services: ['main', 'worker'] });
    const simulated = fleet.devices[1]!;
    const reply = await api<unknown>('/supervisor/v1/update', {
      method: 'POST',
      body: JSON.stringify({ uuid: simulated.uuid, data: { force: false } }),
    });
    expect(reply.status).toBe(204);
    await eventually(async () => {
      const row = await device(simulated.id, 'is_running__release,overall_status');
      expect(row).toEqual({ is_running__release: { __id: next.id }, overall_status: 'operational' });
    });
    const { body } = await api<{ d: { status: string }[] }>(
      `/v7/image_install?$filter=device eq ${simulated.id} and is_provided_by__release eq ${next.id}&$select=status`,
    );
    expect(body.d.map((install) => install.status)).toEqual(['Running', 'Running']);
  });

  test('while a new release downloads, the device is updating with a progress', async () => {
    const [seeded] = await sandbox.seedDevices({ application: applicationId, count: 1 });
    const simulated = await sandbox.simulateDevice(seeded!.uuid, { logIntervalMs: 0, downloadStepMs: 500 });
    await sandbox.seedRelease({ application: applicationId, services: ['main'] });
    const update = fetch(`${sandbox.url}/supervisor/v1/update`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${sandbox.superuser.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ uuid: simulated.uuid }),
    });
    const progress = new Set<unknown>();
    await eventually(async () => {
      const row = await device(simulated.id, 'overall_status,overall_progress');
      if (row.overall_status === 'updating') progress.add(row.overall_progress);
      expect(progress.size).toBeGreaterThanOrEqual(1);
      expect(row.overall_status).toBe('operational');
    });
    expect((await update).status).toBe(204);
    expect([...progress].every((value) => typeof value === 'number' && value >= 0 && value <= 100)).toBe(true);
    await simulated.stop();
  });

  test('with the update lock held, a new release downloads but waits; force or unlocking applies it', async () => {
    const lockedFleet = (await sandbox.seedApplication({ name: 'locked-fleet' })).id;
    const before = await sandbox.seedRelease({ application: lockedFleet });
    const { devices } = await sandbox.simulateFleet({
      application: lockedFleet,
      count: 2,
      locked: true,
      downloadStepMs: 1,
      logIntervalMs: 0,
    });
    const after = await sandbox.seedRelease({ application: lockedFleet });
    const state = async (simulated: (typeof devices)[number]) => {
      const response = await fetch(`${simulated.supervisorUrl}/v1/device?apikey=${simulated.supervisorApiKey}`);
      return (await response.json()) as { update_pending: boolean; update_downloaded: boolean; commit: string };
    };
    const update = (data: Record<string, unknown>) =>
      api<unknown>('/supervisor/v1/update', { method: 'POST', body: JSON.stringify({ appId: lockedFleet, data }) });
    expect((await update({})).status).toBe(207);
    for (const simulated of devices) {
      await eventually(async () => {
        expect(await state(simulated)).toMatchObject({
          update_pending: true,
          update_downloaded: true,
          commit: before.commit,
        });
      });
      expect((await device(simulated.id, 'is_running__release')).is_running__release).toEqual({ __id: before.id });
    }
    await api<unknown>('/supervisor/v1/update', {
      method: 'POST',
      body: JSON.stringify({ uuid: devices[0]!.uuid, data: { force: true } }),
    });
    devices[1]!.setLocked(false);
    for (const simulated of devices) {
      await eventually(async () => {
        expect((await device(simulated.id, 'is_running__release')).is_running__release).toEqual({ __id: after.id });
      });
      expect(await state(simulated)).toMatchObject({
        update_pending: false,
        update_downloaded: false,
        commit: after.commit,
      });
    }
  });

  test('the local supervisor answers directly with the device key, and refuses other keys', async () => {
    const simulated = fleet.devices[0]!;
    await eventually(async () => {
      const response = await fetch(`${simulated.supervisorUrl}/v1/device?apikey=${simulated.supervisorApiKey}`);
      expect(response.status).toBe(200);
      const state = (await response.json()) as Record<string, unknown>;
      expect(state).toMatchObject({ api_port: 48484, status: 'Idle', update_pending: false, commit: release.commit });
    });
    const bearer = await fetch(`${simulated.supervisorUrl}/ping`, {
      headers: { Authorization: `Bearer ${simulated.supervisorApiKey}` },
    });
    expect(await bearer.text()).toBe('OK');
    const wrong = await fetch(`${simulated.supervisorUrl}/v1/device?apikey=nope`);
    expect(wrong.status).toBe(401);
  });

  test('simulateDevice takes a seeded device (no key yet) and stop() takes it offline', async () => {
    const [seeded] = await sandbox.seedDevices({ application: applicationId, count: 1 });
    const simulated = await sandbox.simulateDevice(seeded!.uuid, { logIntervalMs: 0, downloadStepMs: 1 });
    expect(simulated.id).toBe(seeded!.id);
    expect((await device(seeded!.id, 'overall_status')).overall_status).toBe('operational');
    await simulated.stop();
    expect((await device(seeded!.id, 'overall_status,is_connected_to_vpn')).is_connected_to_vpn).toBe(false);
  });

  test('after a restart on the same data file no device is still VPN-connected', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'sandbox-vpn-'));
    try {
      const dataFile = join(directory, 'state.db');
      const first = await startSandbox({ dataFile });
      const application = await first.seedApplication({ name: 'restarted' });
      const [seeded] = await first.seedDevices({ application: application.id, count: 1 });
      await first.simulateDevice(seeded!.uuid, { logIntervalMs: 0 });
      await first.close();
      const second = await startSandbox({ dataFile });
      const response = await fetch(`${second.url}/v7/device(${seeded!.id})?$select=is_connected_to_vpn`, {
        headers: { Authorization: `Bearer ${second.superuser.token}` },
      });
      expect(((await response.json()) as { d: { is_connected_to_vpn: boolean }[] }).d[0]!.is_connected_to_vpn).toBe(
        false,
      );
      await second.close();
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  test('simulateDevice of an unknown uuid rejects', async () => {
    await expect(sandbox.simulateDevice('0'.repeat(32))).rejects.toThrow(/No device with uuid/);
  });
});
