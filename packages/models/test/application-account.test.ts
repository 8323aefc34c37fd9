import {
  AmbiguousApplication,
  ApplicationNotFound,
  createClient,
  InvalidParameter,
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

async function hostApplicationId(): Promise<number> {
  const [host] = await context.client.pine.get<{ id: number }>({
    resource: 'application',
    options: { $select: 'id', $filter: { is_host: true }, $top: 1 },
  });
  if (host === undefined) throw new Error('the sandbox has no host application');
  return host.id;
}

async function systemLogs(uuid: string): Promise<string[]> {
  const lines = await context.client.request<{ message: string }[]>(`/device/v2/${uuid}/logs`);
  return lines.map((line) => line.message);
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('application.getAllDirectlyAccessible / getDirectlyAccessible', () => {
  it('lists the fleets of the user, never a public host application', async () => {
    const seeded = await seedApp();
    const apps = await application.getAllDirectlyAccessible(context.client, { $select: ['id', 'is_host'] });
    expect(apps.map((app) => app.id)).toContain(seeded.id);
    expect(apps.every((app) => app.is_host === false)).toBe(true);
  });

  it('gets a fleet of the user by id, slug and uuid, but not a public host application', async () => {
    const seeded = await seedApp();
    for (const identifier of [seeded.id, seeded.slug, seeded.uuid]) {
      const app = await application.getDirectlyAccessible(context.client, identifier, { $select: ['id'] });
      expect(app).toEqual({ id: seeded.id });
    }
    const hostId = await hostApplicationId();
    expect((await application.get(context.client, hostId, { $select: 'id' })).id).toBe(hostId);
    await expect(application.getDirectlyAccessible(context.client, hostId)).rejects.toBeInstanceOf(ApplicationNotFound);
  });

  it('hides the fleets of other organizations from another user', async () => {
    const seeded = await seedApp();
    const stranger = await context.sandbox.createUser();
    const client = createClient({ apiUrl: context.sandbox.url, retry: false });
    await client.tokens.set(stranger.token);
    expect((await application.getAllDirectlyAccessible(client)).map((app) => app.id)).not.toContain(seeded.id);
    await expect(application.getDirectlyAccessible(client, seeded.id)).rejects.toBeInstanceOf(ApplicationNotFound);
  });

  it('refuses bad arguments before any request', async () => {
    context.recorder.reset();
    await expect(application.getDirectlyAccessible(context.client, '')).rejects.toBeInstanceOf(InvalidParameter);
    await expect(application.getDirectlyAccessible(context.client, -1)).rejects.toBeInstanceOf(InvalidParameter);
    await expect(application.getAllDirectlyAccessible(context.client, 5 as never)).rejects.toBeInstanceOf(
      InvalidParameter,
    );
    expect(context.recorder.requests).toHaveLength(0);
  });
});

describe('application.getAppByName', () => {
  it('finds a fleet by its exact name', async () => {
    const seeded = await seedApp();
    const name = seeded.slug.split('/')[1] as string;
    const app = await application.getAppByName(context.client, name, { $select: ['id', 'slug'] });
    expect(app).toEqual({ id: seeded.id, slug: seeded.slug });
    const direct = await application.getAppByName(context.client, name, { $select: 'id' }, 'directly_accessible');
    expect(direct).toEqual({ id: seeded.id });
  });

  it('get() does not take a public application by name (a name denotes one of the user’s fleets), but by id', async () => {
    const hostId = await hostApplicationId();
    const { app_name: name } = await application.get(context.client, hostId, { $select: 'app_name' });
    await expect(application.get(context.client, name)).rejects.toBeInstanceOf(ApplicationNotFound);
    expect((await application.get(context.client, String(hostId), { $select: 'id' })).id).toBe(hostId);
  });

  it('finds a public application by name, unless only directly accessible fleets are asked for', async () => {
    const hostId = await hostApplicationId();
    const { app_name: name } = await application.get(context.client, hostId, { $select: 'app_name' });
    expect((await application.getAppByName(context.client, name, { $select: 'id' })).id).toBe(hostId);
    await expect(application.getAppByName(context.client, name, {}, 'directly_accessible')).rejects.toBeInstanceOf(
      ApplicationNotFound,
    );
  });

  it('raises ApplicationNotFound for an unknown name and AmbiguousApplication for a name in two organizations', async () => {
    await expect(application.getAppByName(context.client, 'no-such-fleet-here')).rejects.toBeInstanceOf(
      ApplicationNotFound,
    );
    const other = await context.sandbox.createUser();
    // An administrator of both organizations sees the fleets of both (a plain member only those granted).
    await context.sandbox.addMembership({
      user: (await context.client.request<{ id: number }>('/user/v1/whoami')).id,
      organization: other.organizationId,
      role: 'administrator',
    });
    const name = uniqueName('twin');
    await context.sandbox.seedApplication({ name });
    await context.sandbox.seedApplication({ name, owner: other.id, organization: other.organizationId });
    await expect(application.getAppByName(context.client, name)).rejects.toBeInstanceOf(AmbiguousApplication);
  });

  it('refuses an empty name or an unknown context before any request', async () => {
    context.recorder.reset();
    await expect(application.getAppByName(context.client, '')).rejects.toBeInstanceOf(InvalidParameter);
    await expect(application.getAppByName(context.client, 'x', {}, 'all' as never)).rejects.toBeInstanceOf(
      InvalidParameter,
    );
    expect(context.recorder.requests).toHaveLength(0);
  });
});

describe('application.rename', () => {
  it('renames a fleet, and its slug follows', async () => {
    const seeded = await seedApp();
    const newName = uniqueName('renamed');
    await application.rename(context.client, seeded.slug, newName);
    const app = await application.get(context.client, seeded.id, { $select: ['app_name', 'slug'] });
    expect(app.app_name).toBe(newName);
    expect(app.slug).toBe(`${seeded.slug.split('/')[0]}/${newName}`.toLowerCase());
  });

  it('raises ApplicationNotFound for a missing fleet and passes on the API refusing a short name', async () => {
    await expect(application.rename(context.client, 999_999, 'valid-name')).rejects.toBeInstanceOf(ApplicationNotFound);
    const seeded = await seedApp();
    const error = await application.rename(context.client, seeded.id, 'ab').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).status).toBe(400);
  });

  it('refuses an empty new name before any request', async () => {
    context.recorder.reset();
    await expect(application.rename(context.client, 1, '')).rejects.toBeInstanceOf(InvalidParameter);
    await expect(application.rename(context.client, '', 'valid-name')).rejects.toBeInstanceOf(InvalidParameter);
    expect(context.recorder.requests).toHaveLength(0);
  });
});

describe('application.willTrackNewReleases', () => {
  it('follows should_track_latest_release', async () => {
    const seeded = await seedApp();
    expect(await application.willTrackNewReleases(context.client, seeded.slug)).toBe(true);
    await context.client.pine.patch({
      resource: 'application',
      id: seeded.id,
      body: { should_track_latest_release: false },
    });
    expect(await application.willTrackNewReleases(context.client, seeded.id)).toBe(false);
  });

  it('raises ApplicationNotFound and InvalidParameter', async () => {
    await expect(application.willTrackNewReleases(context.client, 'admin/none-such')).rejects.toBeInstanceOf(
      ApplicationNotFound,
    );
    await expect(application.willTrackNewReleases(context.client, 0)).rejects.toBeInstanceOf(InvalidParameter);
  });
});

describe('application.getWithDeviceServiceDetails', () => {
  it('returns the fleet with each device grouped by service', async () => {
    const seeded = await seedApp();
    await context.sandbox.seedRelease({ application: seeded.id, services: ['main', 'worker'] });
    const [member] = await context.sandbox.seedDevices({ application: seeded.id, count: 1 });
    const simulation = await context.sandbox.simulateDevice((member as { uuid: string }).uuid);
    try {
      const app = await application.getWithDeviceServiceDetails(context.client, seeded.slug);
      expect(app.id).toBe(seeded.id);
      expect(app.owns__device).toHaveLength(1);
      const [device] = app.owns__device;
      expect(device?.uuid).toBe(member?.uuid);
      expect(Object.keys(device?.current_services ?? {}).sort()).toEqual(['main', 'worker']);
      expect(Object.keys(device?.current_services_by_app ?? {})).toEqual([seeded.slug]);
      expect('image_install' in (device ?? {})).toBe(false);
    } finally {
      await simulation.stop();
    }
  });

  it('raises ApplicationNotFound and InvalidParameter', async () => {
    await expect(application.getWithDeviceServiceDetails(context.client, 999_999)).rejects.toBeInstanceOf(
      ApplicationNotFound,
    );
    await expect(application.getWithDeviceServiceDetails(context.client, '')).rejects.toBeInstanceOf(InvalidParameter);
  });
});

describe('application.purge / reboot / shutdown', () => {
  it('reach every online device of the fleet through the supervisor proxy', async () => {
    const seeded = await seedApp();
    const fleet = await context.sandbox.simulateFleet({ application: seeded.id, count: 2, rebootDelayMs: 50 });
    try {
      context.recorder.reset();
      await application.purge(context.client, seeded.id);
      await application.reboot(context.client, seeded.id);
      expect(context.recorder.requests.map((request) => `${request.method} ${new URL(request.url).pathname}`)).toEqual([
        'POST /supervisor/v1/purge',
        'POST /supervisor/v1/reboot',
      ]);
      for (const device of fleet.devices) {
        await waitFor(async () => {
          const logs = await systemLogs(device.uuid);
          return logs.includes(`Purged data for app ${seeded.id}`) && logs.includes('Rebooting');
        });
      }
      await waitFor(async () => {
        await application.shutdown(context.client, seeded.id, { force: false }).catch(() => undefined);
        const logs = await Promise.all(fleet.devices.map((device) => systemLogs(device.uuid)));
        return logs.every((lines) => lines.includes('Shutting down'));
      });
    } finally {
      await fleet.stop();
    }
  });

  it('raises SupervisorLocked when a device holds an update lock, unless forced', async () => {
    const seeded = await seedApp();
    const fleet = await context.sandbox.simulateFleet({ application: seeded.id, count: 1, locked: true });
    try {
      await expect(application.reboot(context.client, seeded.id)).rejects.toBeInstanceOf(SupervisorLocked);
      await expect(application.purge(context.client, seeded.id)).rejects.toBeInstanceOf(SupervisorLocked);
      await expect(application.reboot(context.client, seeded.id, { force: true })).resolves.toBeUndefined();
    } finally {
      await fleet.stop();
    }
  });

  it('answers the API 404 when no device of the fleet is online', async () => {
    const seeded = await seedApp();
    const error = await application.shutdown(context.client, seeded.id).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).status).toBe(404);
  });

  it('refuses a malformed id or force before any request', async () => {
    context.recorder.reset();
    for (const bad of [0, -1, 1.5, Number.NaN, 'admin/x']) {
      await expect(application.purge(context.client, bad as number)).rejects.toBeInstanceOf(InvalidParameter);
      await expect(application.reboot(context.client, bad as number)).rejects.toBeInstanceOf(InvalidParameter);
    }
    await expect(application.shutdown(context.client, 1, { force: 'yes' as never })).rejects.toBeInstanceOf(
      InvalidParameter,
    );
    expect(context.recorder.requests).toHaveLength(0);
  });
});
