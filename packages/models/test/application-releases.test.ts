import {
  ApplicationNotFound,
  createClient,
  InvalidOption,
  InvalidParameter,
  MissingOption,
  ReleaseNotFound,
  RequestError,
  SupervisorLocked,
} from '@balena-ts/core';
import * as application from '@balena-ts/models/application';
import { describe, expect, it } from 'vitest';
import { uniqueName, useTestContext } from './helpers/sandbox.js';

const context = useTestContext();

async function seedApp(prefix = 'fleet') {
  return context.sandbox.seedApplication({ name: uniqueName(prefix) });
}

describe('application releases', () => {
  it('pins to a release, tracks the latest again, and freezes', async () => {
    const seeded = await seedApp();
    const older = await context.sandbox.seedRelease({ application: seeded.id });
    const newer = await context.sandbox.seedRelease({ application: seeded.id });
    await application.setToRelease(context.client, seeded.slug, older.commit);
    let app = await application.get(context.client, seeded.id, {
      $select: ['should_track_latest_release', 'should_be_running__release'],
    });
    expect(app.should_track_latest_release).toBe(false);
    expect(app.should_be_running__release).toEqual({ __id: older.id });
    expect(await application.getTargetReleaseHash(context.client, seeded.id)).toBe(older.commit);
    expect(await application.isTrackingLatestRelease(context.client, seeded.id)).toBe(false);

    await application.enableRollingUpdates(context.client, seeded.id);
    app = await application.get(context.client, seeded.id, {
      $select: ['should_track_latest_release', 'should_be_running__release'],
    });
    expect(app.should_track_latest_release).toBe(true);
    expect(app.should_be_running__release).toEqual({ __id: newer.id });

    await application.disableRollingUpdates(context.client, seeded.slug);
    expect(await application.isTrackingLatestRelease(context.client, seeded.id)).toBe(false);
    expect(await application.getTargetReleaseHash(context.client, seeded.id)).toBe(newer.commit);
  });

  it('raises ReleaseNotFound for an unknown or foreign commit and InvalidParameter for an empty one', async () => {
    const seeded = await seedApp();
    const elsewhere = await seedApp();
    const foreign = await context.sandbox.seedRelease({ application: elsewhere.id });
    await expect(application.pinToRelease(context.client, seeded.id, 'abc123')).rejects.toBeInstanceOf(ReleaseNotFound);
    await expect(application.pinToRelease(context.client, seeded.id, foreign.commit)).rejects.toBeInstanceOf(
      ReleaseNotFound,
    );
    await expect(application.trackLatestRelease(context.client, 'admin/none')).rejects.toBeInstanceOf(
      ApplicationNotFound,
    );
    for (const reader of [
      application.disableRollingUpdates,
      application.isTrackingLatestRelease,
      application.getTargetReleaseHash,
    ]) {
      await expect(reader(context.client, 'admin/none')).rejects.toBeInstanceOf(ApplicationNotFound);
    }
  });

  it('rejects an empty or non-string hash before any request, even for a slug', async () => {
    const seeded = await seedApp();
    context.recorder.reset();
    for (const hash of ['', '  ', 42, undefined] as never[]) {
      await expect(application.pinToRelease(context.client, seeded.slug, hash)).rejects.toBeInstanceOf(
        InvalidParameter,
      );
    }
    await expect(application.pinToRelease(context.client, '', 'abc')).rejects.toBeInstanceOf(InvalidParameter);
    expect(context.recorder.requests).toHaveLength(0);
  });

  it('pins by id and tracks the latest release with two requests each, as the official SDK does', async () => {
    const seeded = await seedApp();
    const release = await context.sandbox.seedRelease({ application: seeded.id });
    context.recorder.reset();
    await application.pinToRelease(context.client, seeded.id, release.commit);
    expect(context.recorder.requests.map((request) => request.method)).toEqual(['GET', 'PATCH']);
    context.recorder.reset();
    await application.trackLatestRelease(context.client, seeded.id);
    expect(context.recorder.requests.map((request) => request.method)).toEqual(['GET', 'PATCH']);
    expect(await application.isTrackingLatestRelease(context.client, seeded.slug)).toBe(true);
  });

  it('getTargetReleaseHash is undefined for an application without releases', async () => {
    const seeded = await seedApp();
    expect(await application.getTargetReleaseHash(context.client, seeded.id)).toBeUndefined();
  });
});

describe('application keys, config, restart and URLs', () => {
  it('generates a provisioning key that can register a device', async () => {
    const seeded = await seedApp();
    const key = await application.generateProvisioningKey(context.client, seeded.slug, { name: 'line 2' });
    expect(typeof key).toBe('string');
    expect(key.length).toBeGreaterThanOrEqual(16);
    const uuid = 'a1'.repeat(16);
    const anonymous = createClient({ apiUrl: context.sandbox.url, retry: false });
    const registered = await anonymous.request<{ id: number; uuid: string }>('/device/register', {
      method: 'POST',
      token: key,
      body: { user: 1, application: seeded.id, uuid, device_type: 'raspberrypi4-64' },
    });
    expect(registered.uuid).toBe(uuid);
    const device = await context.client.pine.get<{ belongs_to__application: { __id: number } }>({
      resource: 'device',
      id: { uuid },
      options: { $select: 'belongs_to__application' },
    });
    expect(device?.belongs_to__application).toEqual({ __id: seeded.id });
    await expect(application.generateProvisioningKey(context.client, 'admin/none')).rejects.toBeInstanceOf(
      ApplicationNotFound,
    );
  });

  it('gets a config.json for the newest OS without a version', async () => {
    const seeded = await seedApp();
    const config = await application.getConfig(context.client, seeded.slug);
    expect(config.applicationId).toBe(seeded.id);
    expect(config.deviceType).toBe('raspberrypi4-64');
    await expect(application.getConfig(context.client, 'admin/none')).rejects.toBeInstanceOf(ApplicationNotFound);
  });

  it('getConfig takes the seed options, and checks them before any request', async () => {
    const seeded = await seedApp();
    const config = await application.getConfig(context.client, seeded.id, {
      version: '6.0.13',
      network: 'wifi',
      wifiSsid: 'office',
      appUpdatePollInterval: 10,
    });
    expect(config.applicationId).toBe(seeded.id);
    expect(config.appUpdatePollInterval).toBe(10 * 60_000);
    context.recorder.reset();
    await expect(application.getConfig(context.client, seeded.slug, { network: 'wifi' })).rejects.toBeInstanceOf(
      MissingOption,
    );
    await expect(
      application.getConfig(context.client, seeded.slug, { network: 'lte' as 'wifi' }),
    ).rejects.toBeInstanceOf(InvalidOption);
    await expect(application.getConfig(context.client, seeded.slug, { version: '' })).rejects.toBeInstanceOf(
      InvalidOption,
    );
    await expect(application.getConfig(context.client, '')).rejects.toBeInstanceOf(InvalidParameter);
    expect(context.recorder.requests).toHaveLength(0);
  });

  it('restart resolves the application first', async () => {
    await expect(application.restart(context.client, 'admin/none')).rejects.toBeInstanceOf(ApplicationNotFound);
    await expect(application.restart(context.client, 0)).rejects.toBeInstanceOf(InvalidParameter);
  });

  it('restart restarts the containers of every online device with one POST after the lookup', async () => {
    const seeded = await seedApp();
    const [member] = await context.sandbox.seedDevices({ application: seeded.id, count: 1 });
    const simulation = await context.sandbox.simulateDevice((member as { uuid: string }).uuid);
    try {
      context.recorder.reset();
      expect(await application.restart(context.client, seeded.slug)).toBeUndefined();
      expect(context.recorder.requests.map((request) => `${request.method} ${new URL(request.url).pathname}`)).toEqual([
        'GET /v7/application',
        `POST /application/${seeded.id}/restart`,
      ]);
    } finally {
      await simulation.stop();
    }
  });

  it('restart raises SupervisorLocked when a device holds an update lock (423)', async () => {
    const seeded = await seedApp();
    const [member] = await context.sandbox.seedDevices({ application: seeded.id, count: 1 });
    const simulation = await context.sandbox.simulateDevice((member as { uuid: string }).uuid, { locked: true });
    try {
      const error = await application.restart(context.client, seeded.id).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SupervisorLocked);
      expect((error as SupervisorLocked).cause).toBeInstanceOf(RequestError);
      expect(((error as SupervisorLocked).cause as RequestError).status).toBe(423);
    } finally {
      await simulation.stop();
    }
  });

  it('builds the dashboard URL from the API URL', () => {
    const url = application.getDashboardUrl(context.client, 42);
    expect(url).toBe(new URL('/apps/42', context.client.config.dashboardUrl).toString());
    expect(application.getDashboardUrl(context.client, '42' as never)).toBe(url);
    for (const invalid of [Number.NaN, 0, -1, 1.5, ' 42', '042']) {
      expect(() => application.getDashboardUrl(context.client, invalid as number)).toThrow(InvalidParameter);
    }
  });
});
