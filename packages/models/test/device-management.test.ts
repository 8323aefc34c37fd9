import {
  ApplicationNotFound,
  DeviceNotFound,
  DeviceOffline,
  InvalidParameter,
  NotSupported,
  ReleaseNotFound,
  RequestError,
  SupervisorLocked,
} from '@balena-ts/core';
import * as device from '@balena-ts/models/device';
import * as deviceConfigVariable from '@balena-ts/models/device-config-variable';
import { describe, expect, it, vi } from 'vitest';
import { seedFleet as seedFleetIn, uniqueName, useTestContext } from './helpers/sandbox.js';

const context = useTestContext();
const seedFleet = (count: number, fields?: Record<string, unknown>) => seedFleetIn(context, count, undefined, fields);

const BAD_DEVICES = ['', 'abc', 0, -1, 2.5, Number.NaN, null, {}] as (string | number)[];
const PROVISIONED_DEV = {
  os_version: 'balenaOS 6.0.13',
  os_variant: 'dev',
  supervisor_version: '17.0.0',
  last_connectivity_event: '2026-01-01T00:00:00.000Z',
};
const MISSING_UUID = 'f'.repeat(32);

function paths(): string[] {
  return context.recorder.requests.map((request) => `${request.method} ${new URL(request.url).pathname}`);
}

async function expectRefusedBeforeRequest(call: (value: string | number) => Promise<unknown>): Promise<void> {
  context.recorder.reset();
  for (const value of BAD_DEVICES) {
    await expect(call(value), String(value)).rejects.toBeInstanceOf(InvalidParameter);
  }
  expect(context.recorder.requests).toHaveLength(0);
}

async function liveDevice(options: { locked?: boolean; pollIntervalMs?: number } = {}) {
  const app = await context.sandbox.seedApplication({ name: uniqueName('managed') });
  const release = await context.sandbox.seedRelease({ application: app.id, services: ['main', 'worker'] });
  const [seeded] = (await context.sandbox.seedDevices({ application: app.id, count: 1 })) as [
    { id: number; uuid: string },
  ];
  const simulation = await context.sandbox.simulateDevice(seeded.uuid, {
    pollIntervalMs: options.pollIntervalMs ?? 60_000,
    rebootDelayMs: 50,
    locked: options.locked ?? false,
  });
  return { app, release, seeded, simulation };
}

describe('device local mode', () => {
  it('enables and disables local mode through RESIN_SUPERVISOR_LOCAL_MODE', async () => {
    const { devices } = await seedFleet(1, PROVISIONED_DEV);
    const [seeded] = devices as [{ id: number; uuid: string }];
    expect(await device.isInLocalMode(context.client, seeded.uuid)).toBe(false);
    await device.enableLocalMode(context.client, seeded.uuid);
    expect(await device.isInLocalMode(context.client, seeded.id)).toBe(true);
    expect(await deviceConfigVariable.get(context.client, seeded.id, 'RESIN_SUPERVISOR_LOCAL_MODE')).toBe('1');
    await device.disableLocalMode(context.client, seeded.id);
    expect(await device.isInLocalMode(context.client, seeded.uuid)).toBe(false);
    expect(await deviceConfigVariable.get(context.client, seeded.id, 'RESIN_SUPERVISOR_LOCAL_MODE')).toBe('0');
  });

  it('refuses local mode on a production image, and says why', async () => {
    const { devices } = await seedFleet(1, { ...PROVISIONED_DEV, os_variant: 'prod' });
    const [seeded] = devices as unknown as [{ id: number }];
    const error = await device.enableLocalMode(context.client, seeded.id).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotSupported);
    expect((error as Error).message).toBe('Local mode is only supported on development OS versions');
    expect(await deviceConfigVariable.get(context.client, seeded.id, 'RESIN_SUPERVISOR_LOCAL_MODE')).toBeUndefined();
  });

  it('getLocalModeSupport tells each reason apart without a request', () => {
    context.recorder.reset();
    expect(device.getLocalModeSupport(PROVISIONED_DEV)).toEqual({ supported: true, message: 'Supported' });
    const cases: [Partial<typeof PROVISIONED_DEV>, string][] = [
      [{ last_connectivity_event: null as unknown as string }, 'Device is not yet fully provisioned'],
      [{ supervisor_version: '' }, 'Device is not yet fully provisioned'],
      [{ os_version: 'Resin OS 1.24.0' }, 'Device OS version does not support local mode'],
      [{ supervisor_version: '3.9.0' }, 'Device supervisor version does not support local mode'],
      [{ os_variant: 'prod' }, 'Local mode is only supported on development OS versions'],
    ];
    for (const [change, message] of cases) {
      expect(device.getLocalModeSupport({ ...PROVISIONED_DEV, ...change })).toEqual({ supported: false, message });
    }
    expect(context.recorder.requests).toHaveLength(0);
  });

  it('raises DeviceNotFound and InvalidParameter', async () => {
    for (const call of [device.enableLocalMode, device.disableLocalMode, device.isInLocalMode]) {
      await expect(call(context.client, MISSING_UUID)).rejects.toBeInstanceOf(DeviceNotFound);
      await expectRefusedBeforeRequest((value) => call(context.client, value));
    }
  });
});

describe('device lock override', () => {
  it('sets RESIN_OVERRIDE_LOCK on the device; the fleet value applies when the device has none', async () => {
    const { app, devices } = await seedFleet(2);
    const [first, second] = devices as [{ id: number; uuid: string }, { id: number; uuid: string }];
    expect(await device.hasLockOverride(context.client, first.uuid)).toBe(false);
    await device.enableLockOverride(context.client, first.uuid);
    expect(await device.hasLockOverride(context.client, first.id)).toBe(true);
    expect(await deviceConfigVariable.get(context.client, first.id, 'RESIN_OVERRIDE_LOCK')).toBe('1');
    expect(await device.hasLockOverride(context.client, second.id)).toBe(false);
    await device.disableLockOverride(context.client, first.id);
    expect(await device.hasLockOverride(context.client, first.id)).toBe(false);

    await context.client.pine.post({
      resource: 'application_config_variable',
      body: { application: app.id, name: 'RESIN_OVERRIDE_LOCK', value: '1' },
    });
    expect(await device.hasLockOverride(context.client, second.uuid)).toBe(true);
    // The device's own '0' wins over its fleet's '1'.
    expect(await device.hasLockOverride(context.client, first.uuid)).toBe(false);
  });

  it('lets a locked simulated device reboot once the override reaches it', async () => {
    const { seeded, simulation } = await liveDevice({ locked: true, pollIntervalMs: 100 });
    try {
      await expect(device.reboot(context.client, seeded.uuid)).rejects.toBeInstanceOf(SupervisorLocked);
      await device.enableLockOverride(context.client, seeded.uuid);
      await vi.waitFor(
        async () => expect(await device.reboot(context.client, seeded.uuid)).toEqual({ Data: 'OK', Error: '' }),
        {
          timeout: 5_000,
          interval: 100,
        },
      );
    } finally {
      await simulation.stop();
    }
  });

  it('raises DeviceNotFound and InvalidParameter', async () => {
    for (const call of [device.enableLockOverride, device.disableLockOverride, device.hasLockOverride]) {
      await expect(call(context.client, MISSING_UUID)).rejects.toBeInstanceOf(DeviceNotFound);
      await expectRefusedBeforeRequest((value) => call(context.client, value));
    }
  });
});

describe('device.getOsVersion', () => {
  it('combines the version and the variant as one semver string', () => {
    const cases: [string | null, string | null, string | null][] = [
      ['balenaOS 2.26.0+rev1', 'prod', '2.26.0+rev1.prod'],
      ['balenaOS 6.0.13', 'dev', '6.0.13+dev'],
      ['balenaOS 2.29.0+rev1.dev', 'dev', '2.29.0+rev1.dev'],
      ['Resin OS 2.0.0.rev1', 'prod', '2.0.0+rev1.prod'],
      ['balenaOS 5.1.0-1700000000000', null, '5.1.0-1700000000000'],
      ['balenaOS 6.1.0', null, '6.1.0'],
      [null, 'prod', null],
      ['', 'prod', null],
      ['not a version', 'prod', null],
    ];
    for (const [os_version, os_variant, expected] of cases) {
      expect(device.getOsVersion({ os_version, os_variant }), String(os_version)).toBe(expected);
    }
  });
});

describe('device metrics and addresses', () => {
  it('reads the metrics, MAC and IP addresses a simulated device reports, metrics changing over time', async () => {
    const { seeded, simulation } = await liveDevice({ pollIntervalMs: 50 });
    try {
      const first = await device.getMetrics(context.client, seeded.uuid);
      expect(Object.keys(first).sort()).toEqual([
        'cpu_id',
        'cpu_temp',
        'cpu_usage',
        'is_undervolted',
        'memory_total',
        'memory_usage',
        'storage_block_device',
        'storage_total',
        'storage_usage',
      ]);
      expect(first.cpu_usage).toBeGreaterThanOrEqual(0);
      expect(first.cpu_usage).toBeLessThanOrEqual(100);
      expect(first.memory_usage).toBeLessThan(first.memory_total as number);
      expect(first.storage_usage).toBeLessThan(first.storage_total as number);
      expect(typeof first.cpu_temp).toBe('number');
      await vi.waitFor(
        async () =>
          expect((await device.getMetrics(context.client, seeded.id)).storage_usage).not.toBe(first.storage_usage),
        { timeout: 5_000, interval: 50 },
      );
      const macs = await device.getMACAddresses(context.client, seeded.id);
      expect(macs).toHaveLength(2);
      for (const mac of macs) expect(mac).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
      const addresses = await device.getLocalIPAddresses(context.client, seeded.uuid);
      expect(addresses.length).toBeGreaterThan(0);
      expect(addresses[0]).toMatch(/^10\.0\.\d+\.\d+$/);
    } finally {
      await simulation.stop();
    }
  });

  it('gives null metrics and no MAC address before a device reports; an offline device has no local IP', async () => {
    const { devices } = await seedFleet(1);
    const [seeded] = devices as [{ id: number; uuid: string }];
    const metrics = await device.getMetrics(context.client, seeded.id);
    expect(metrics.cpu_usage).toBeNull();
    expect(metrics.memory_total).toBeNull();
    expect(await device.getMACAddresses(context.client, seeded.uuid)).toEqual([]);
    await expect(device.getLocalIPAddresses(context.client, seeded.uuid)).rejects.toBeInstanceOf(DeviceOffline);
  });

  it('raises DeviceNotFound and InvalidParameter', async () => {
    for (const call of [device.getMetrics, device.getMACAddresses, device.getLocalIPAddresses]) {
      await expect(call(context.client, MISSING_UUID)).rejects.toBeInstanceOf(DeviceNotFound);
      await expectRefusedBeforeRequest((value) => call(context.client, value));
    }
  });
});

describe('supervisor actions under device', () => {
  it('ping, restart, purge, the service actions, reboot and shutdown reach the simulated supervisor', async () => {
    const { app, release, seeded, simulation } = await liveDevice();
    try {
      context.recorder.reset();
      await expect(device.ping(context.client, seeded.uuid)).resolves.toBeUndefined();
      expect(paths()).toEqual([
        `GET /v7/device(uuid='${seeded.uuid}')`,
        expect.stringMatching(/^GET \/v7\/device/),
        'POST /supervisor/ping',
      ]);
      expect(await device.restartApplication(context.client, seeded.id)).toBe('OK');
      expect(await device.purge(context.client, seeded.id)).toEqual({ Data: 'OK', Error: '' });
      const imageId = release.services[0]?.imageId as number;
      expect(await device.stopService(context.client, seeded.uuid, imageId)).toBe('OK');
      expect(await device.startService(context.client, seeded.id, imageId)).toBe('OK');
      context.recorder.reset();
      expect(await device.restartService(context.client, seeded.id, imageId)).toBe('OK');
      expect(paths()).toContain(`POST /supervisor/v2/applications/${app.id}/restart-service`);
      const state = await device.getSupervisorState(context.client, seeded.uuid);
      expect(state.status).toBe('Idle');
      expect(state.commit).toBe(release.commit);
      expect(await device.reboot(context.client, seeded.uuid)).toEqual({ Data: 'OK', Error: '' });
      await vi.waitFor(async () => expect(await device.isOnline(context.client, seeded.id)).toBe(true), {
        timeout: 5_000,
        interval: 50,
      });
      simulation.setLocked(true);
      await expect(device.reboot(context.client, seeded.id)).rejects.toBeInstanceOf(SupervisorLocked);
      await expect(device.shutdown(context.client, seeded.id)).rejects.toBeInstanceOf(SupervisorLocked);
      await expect(device.purge(context.client, seeded.id)).rejects.toBeInstanceOf(SupervisorLocked);
      expect(await device.shutdown(context.client, seeded.id, { force: true })).toEqual({ Data: 'OK', Error: '' });
      await expect(device.ping(context.client, seeded.id)).rejects.toBeInstanceOf(DeviceOffline);
    } finally {
      await simulation.stop();
    }
  });

  it('an offline device gives DeviceOffline, a missing one DeviceNotFound, bad arguments InvalidParameter', async () => {
    const { devices } = await seedFleet(1);
    const [seeded] = devices as [{ id: number; uuid: string }];
    const actions = [
      (target: string | number) => device.ping(context.client, target),
      (target: string | number) => device.reboot(context.client, target),
      (target: string | number) => device.shutdown(context.client, target),
      (target: string | number) => device.purge(context.client, target),
      (target: string | number) => device.restartApplication(context.client, target),
      (target: string | number) => device.restart(context.client, target),
      (target: string | number) => device.restartService(context.client, target, 5),
      (target: string | number) => device.startService(context.client, target, 5),
      (target: string | number) => device.stopService(context.client, target, 5),
      (target: string | number) => device.getSupervisorState(context.client, target),
    ];
    for (const action of actions) {
      await expect(action(seeded.uuid)).rejects.toBeInstanceOf(DeviceOffline);
      await expect(action(MISSING_UUID)).rejects.toBeInstanceOf(DeviceNotFound);
      await expectRefusedBeforeRequest(action);
    }
    context.recorder.reset();
    for (const imageId of [0, -1, 1.5, Number.NaN, '3' as unknown as number]) {
      await expect(device.restartService(context.client, seeded.id, imageId)).rejects.toBeInstanceOf(InvalidParameter);
      await expect(device.startService(context.client, seeded.id, imageId)).rejects.toBeInstanceOf(InvalidParameter);
      await expect(device.stopService(context.client, seeded.id, imageId)).rejects.toBeInstanceOf(InvalidParameter);
    }
    for (const options of ['yes', { force: 'yes' }] as never[]) {
      await expect(device.reboot(context.client, seeded.id, options)).rejects.toBeInstanceOf(InvalidParameter);
    }
    expect(context.recorder.requests).toHaveLength(0);
  });
});

describe('supervisor target state', () => {
  it('reads the v2 and v3 target state of a device and the v3 state of a fleet', async () => {
    const { app, devices } = await seedFleet(1);
    const [seeded] = devices as [{ id: number; uuid: string }];
    const first = await context.sandbox.seedRelease({ application: app.id, services: ['api'] });
    const v2 = (await device.getSupervisorTargetState(context.client, seeded.id)) as {
      local: { apps: Record<string, { commit: string }> };
    };
    expect(v2.local.apps[String(app.id)]?.commit).toBe(first.commit);
    const v3 = (await device.getSupervisorTargetState(context.client, seeded.uuid, 3)) as Record<
      string,
      { apps: Record<string, { releases: Record<string, unknown> }> }
    >;
    expect(Object.keys(v3[seeded.uuid]?.apps[app.uuid]?.releases ?? {})).toEqual([first.commit]);

    const second = await context.sandbox.seedRelease({ application: app.id, services: ['api'] });
    const fleet = (await device.getSupervisorTargetStateForApp(context.client, app.slug)) as Record<
      string,
      { name: string; apps: Record<string, { releases: Record<string, unknown> }> }
    >;
    expect(Object.keys(fleet)).toEqual([app.uuid]);
    expect(Object.keys(fleet[app.uuid]?.apps[app.uuid]?.releases ?? {})).toEqual([second.commit]);
    const older = (await device.getSupervisorTargetStateForApp(context.client, app.id, first.commit)) as typeof fleet;
    expect(Object.keys(older[app.uuid]?.apps[app.uuid]?.releases ?? {})).toEqual([first.commit]);
    const unknown = await device
      .getSupervisorTargetStateForApp(context.client, app.id, 'a'.repeat(32))
      .catch((caught: unknown) => caught);
    expect(unknown).toBeInstanceOf(RequestError);
    expect((unknown as RequestError).status).toBe(401);
  });

  it('raises the not-found errors and InvalidParameter', async () => {
    await expect(device.getSupervisorTargetState(context.client, MISSING_UUID)).rejects.toBeInstanceOf(DeviceNotFound);
    await expectRefusedBeforeRequest((value) => device.getSupervisorTargetState(context.client, value));
    await expect(device.getSupervisorTargetStateForApp(context.client, 987_654)).rejects.toBeInstanceOf(
      ApplicationNotFound,
    );
    context.recorder.reset();
    await expect(device.getSupervisorTargetState(context.client, 1, 4 as 3)).rejects.toBeInstanceOf(InvalidParameter);
    await expect(device.getSupervisorTargetStateForApp(context.client, '')).rejects.toBeInstanceOf(InvalidParameter);
    await expect(device.getSupervisorTargetStateForApp(context.client, 1, '')).rejects.toBeInstanceOf(InvalidParameter);
    expect(context.recorder.requests).toHaveLength(0);
  });
});

describe('device.deactivate', () => {
  it('deactivates offline devices and refuses an online one', async () => {
    const { devices } = await seedFleet(2, { is_active: true });
    await device.deactivate(
      context.client,
      devices.map((seeded) => seeded.id),
    );
    for (const seeded of devices) expect(await device.getStatus(context.client, seeded.id)).toBe('inactive');
    const { seeded, simulation } = await liveDevice();
    try {
      const error = await device.deactivate(context.client, seeded.uuid).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RequestError);
      expect((error as RequestError).status).toBe(400);
    } finally {
      await simulation.stop();
    }
  });

  it('raises DeviceNotFound and InvalidParameter', async () => {
    await expect(device.deactivate(context.client, MISSING_UUID)).rejects.toBeInstanceOf(DeviceNotFound);
    await expectRefusedBeforeRequest((value) => device.deactivate(context.client, value));
  });
});

describe('device.generateUniqueKey', () => {
  it('gives 32 lowercase hex characters, different each time', () => {
    const keys = new Set(Array.from({ length: 50 }, () => device.generateUniqueKey()));
    expect(keys.size).toBe(50);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('device.pinToSupervisorRelease', () => {
  it('refuses devices whose supervisor or OS is too old, naming the version', async () => {
    const { devices } = await seedFleet(1, { supervisor_version: '6.9.0', os_version: 'balenaOS 2.50.0' });
    const [seeded] = devices as unknown as [{ id: number }];
    const error = await device
      .pinToSupervisorRelease(context.client, seeded.id, '14.0.0')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotSupported);
    expect((error as Error).message).toBe('Incompatible supervisor version: 6.9.0 - must be >= 7.0.0');
    const { devices: older } = await seedFleet(1, { supervisor_version: '9.0.0', os_version: 'balenaOS 2.10.0' });
    const olderError = await device
      .pinToSupervisorRelease(context.client, older[0]?.id as number, '14.0.0')
      .catch((caught: unknown) => caught);
    expect((olderError as Error).message).toBe('Incompatible host OS version: balenaOS 2.10.0 - must be >= 2.12.0');
  });

  it('pins devices of two architectures to the supervisor release of each (balena_os/<arch>-supervisor)', async (test) => {
    const releases = await context.client.pine.get<{
      id: number;
      raw_version: string;
      belongs_to__application: { slug: string }[];
    }>({
      resource: 'release',
      options: {
        $select: ['id', 'raw_version'],
        $expand: { belongs_to__application: { $select: 'slug' } },
        $filter: {
          status: 'success',
          is_final: true,
          is_invalidated: false,
          belongs_to__application: { $any: { $alias: 'a', $expr: { a: { slug: { $endswith: '-supervisor' } } } } },
        },
      },
    });
    // The supervisor fleets belong to the sandbox's OS catalogue; without them there is nothing to pin to.
    if (releases.length === 0) test.skip();
    const version = releases[0]?.raw_version as string;
    const { devices: arm } = await seedFleet(1, PROVISIONED_DEV);
    const amd = await context.sandbox.seedApplication({
      name: uniqueName('supervisor-amd64'),
      deviceType: 'intel-nuc',
    });
    const [nuc] = await context.sandbox.seedDevices({ application: amd.id, count: 1, fields: PROVISIONED_DEV });
    const targets = [arm[0]?.id as number, nuc?.id as number];
    await device.pinToSupervisorRelease(context.client, targets, version);
    const pinned = await context.client.pine.get<{
      should_be_managed_by__release: { raw_version: string; belongs_to__application: { slug: string }[] }[];
    }>({
      resource: 'device',
      options: {
        $select: 'id',
        $filter: { id: { $in: targets } },
        $orderby: 'id asc',
        $expand: {
          should_be_managed_by__release: {
            $select: 'raw_version',
            $expand: { belongs_to__application: { $select: 'slug' } },
          },
        },
      },
    });
    expect(pinned.map((row) => row.should_be_managed_by__release[0]?.raw_version)).toEqual([version, version]);
    expect(pinned.map((row) => row.should_be_managed_by__release[0]?.belongs_to__application[0]?.slug)).toEqual([
      'balena_os/aarch64-supervisor',
      'balena_os/amd64-supervisor',
    ]);
    // An id names one release, of one architecture: the aarch64 one is no release for an amd64 device.
    const byId = releases.find((release) => release.belongs_to__application[0]?.slug === 'balena_os/aarch64-supervisor')
      ?.id as number;
    await expect(device.pinToSupervisorRelease(context.client, nuc?.id as number, byId)).rejects.toBeInstanceOf(
      ReleaseNotFound,
    );
  });

  it('raises ReleaseNotFound for a version no supervisor release has, DeviceNotFound, InvalidParameter', async () => {
    const { devices } = await seedFleet(1, PROVISIONED_DEV);
    const [seeded] = devices as unknown as [{ id: number }];
    await expect(device.pinToSupervisorRelease(context.client, seeded.id, '0.0.1-none')).rejects.toBeInstanceOf(
      ReleaseNotFound,
    );
    await expect(device.pinToSupervisorRelease(context.client, MISSING_UUID, '14.0.0')).rejects.toBeInstanceOf(
      DeviceNotFound,
    );
    await expectRefusedBeforeRequest((value) => device.pinToSupervisorRelease(context.client, value, '14.0.0'));
    context.recorder.reset();
    for (const release of ['', '  ', 0, -2, 1.5, null] as (string | number)[]) {
      await expect(device.pinToSupervisorRelease(context.client, seeded.id, release)).rejects.toBeInstanceOf(
        InvalidParameter,
      );
    }
    expect(context.recorder.requests).toHaveLength(0);
  });
});
