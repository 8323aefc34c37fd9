import {
  ApplicationNotFound,
  createClient,
  DeviceNotFound,
  DeviceNotWebAccessible,
  DeviceOffline,
  IncompatibleApplication,
  InvalidDeviceType,
  InvalidParameter,
  NotLoggedIn,
  OrganizationNotFound,
  ReleaseNotFound,
  RequestError,
  SupervisorLocked,
} from '@balena-ts/core';
import * as device from '@balena-ts/models/device';
import { describe, expect, it } from 'vitest';
import { uniqueName, useTestContext } from './helpers/sandbox.js';

const context = useTestContext();

async function seedFleet(count: number, deviceType?: string, fields?: Record<string, unknown>) {
  const app = await context.sandbox.seedApplication({ name: uniqueName('fleet'), deviceType });
  const devices = await context.sandbox.seedDevices({ application: app.id, count, fields });
  return { app, devices };
}

const INVALID_IDENTIFIERS = [
  '',
  'abc',
  'a'.repeat(31),
  'g'.repeat(32),
  'a'.repeat(64),
  `${'a'.repeat(30)}'x`,
  0,
  -3,
  2.5,
  Number.NaN,
  null,
  {},
  true,
] as (string | number)[];

describe('device.get and the single-device readers', () => {
  it('gets a device by id and by uuid in any case, narrowing with $select', async () => {
    const { devices } = await seedFleet(1);
    const [seeded] = devices as [{ id: number; uuid: string }];
    const byId = await device.get(context.client, seeded.id, { $select: ['uuid', 'device_name'] });
    expect(byId.uuid).toBe(seeded.uuid);
    expect(Object.keys(byId).sort()).toEqual(['device_name', 'uuid']);
    const byUuid = await device.get(context.client, seeded.uuid.toUpperCase(), { $select: ['id'] });
    expect(byUuid).toEqual({ id: seeded.id });
  });

  it('rejects an empty string, a short uuid and malformed ids before any request', async () => {
    context.recorder.reset();
    for (const identifier of INVALID_IDENTIFIERS) {
      const error = await device.get(context.client, identifier).catch((caught: unknown) => caught);
      expect(error, String(identifier)).toBeInstanceOf(InvalidParameter);
      expect((error as InvalidParameter).message).toContain('uuidOrId');
    }
    expect(context.recorder.requests).toHaveLength(0);
  });

  it('raises DeviceNotFound for a missing id or uuid, and has() answers false', async () => {
    for (const identifier of [987_654, 'f'.repeat(32), 'e'.repeat(62)]) {
      await expect(device.get(context.client, identifier)).rejects.toBeInstanceOf(DeviceNotFound);
      expect(await device.has(context.client, identifier)).toBe(false);
    }
    await expect(device.has(context.client, 'abc')).rejects.toBeInstanceOf(InvalidParameter);
  });

  it('reads the name, application name, status, progress, online state and device URL flag', async () => {
    const { app, devices } = await seedFleet(1);
    const [seeded] = devices as [{ id: number; uuid: string }];
    const name = await device.getName(context.client, seeded.uuid);
    expect(name).toMatch(/\S/);
    expect(await device.getApplicationName(context.client, seeded.id)).toBe(app.slug.split('/')[1]);
    expect(await device.getStatus(context.client, seeded.id)).toBe('configuring');
    expect(await device.getProgress(context.client, seeded.id)).toBeNull();
    expect(await device.isOnline(context.client, seeded.uuid)).toBe(false);
    expect(await device.hasDeviceUrl(context.client, seeded.uuid)).toBe(false);
    for (const reader of [
      device.getName,
      device.getApplicationName,
      device.getStatus,
      device.getProgress,
      device.isOnline,
      device.hasDeviceUrl,
    ]) {
      await expect(reader(context.client, 123_456)).rejects.toBeInstanceOf(DeviceNotFound);
      await expect(reader(context.client, '')).rejects.toBeInstanceOf(InvalidParameter);
    }
  });

  it('finds devices by name, quotes included, and raises DeviceNotFound for none', async () => {
    const { devices } = await seedFleet(1);
    const [seeded] = devices as [{ id: number; uuid: string }];
    const name = uniqueName("O'Brien's pi");
    await device.rename(context.client, seeded.id, name);
    const found = await device.getByName(context.client, name, { $select: ['id'] });
    expect(found).toEqual([{ id: seeded.id }]);
    await expect(device.getByName(context.client, "x') or (1 eq 1")).rejects.toBeInstanceOf(DeviceNotFound);
    await expect(device.getByName(context.client, '')).rejects.toBeInstanceOf(InvalidParameter);
  });

  it('returns local IP addresses of an online device and raises DeviceOffline otherwise', async () => {
    const { devices } = await seedFleet(2, undefined, {});
    const [offline, online] = devices as [{ id: number; uuid: string }, { id: number; uuid: string }];
    await context.client.pine.patch({
      resource: 'device',
      id: online.id,
      body: { is_connected_to_vpn: true, ip_address: '10.0.0.2 192.168.1.5' },
    });
    expect(await device.isOnline(context.client, online.id)).toBe(true);
    expect(await device.getLocalIpAddress(context.client, online.uuid)).toEqual(['10.0.0.2', '192.168.1.5']);
    await expect(device.getLocalIpAddress(context.client, offline.uuid)).rejects.toBeInstanceOf(DeviceOffline);
  });
});

describe('device URLs', () => {
  it('builds the dashboard URL and rejects a non-uuid', () => {
    const uuid = device.generateUuid();
    expect(device.getDashboardUrl(context.client, uuid)).toBe(
      new URL(`/devices/${uuid}/summary`, context.client.config.dashboardUrl).toString(),
    );
    expect(() => device.getDashboardUrl(context.client, '')).toThrow(InvalidParameter);
  });

  it('gets the public URL once enabled, using the deviceUrlsBase option', async () => {
    const { devices } = await seedFleet(1);
    const [seeded] = devices as [{ id: number; uuid: string }];
    const client = createClient({ apiUrl: context.sandbox.url, deviceUrlsBase: 'devices.example.test', retry: false });
    await client.tokens.set(context.sandbox.superuser.token);
    await expect(device.getDeviceUrl(client, seeded.id)).rejects.toBeInstanceOf(DeviceNotWebAccessible);
    await device.enableDeviceUrl(client, seeded.uuid);
    expect(await device.getDeviceUrl(client, seeded.id)).toBe(`https://${seeded.uuid}.devices.example.test`);
    await device.disableDeviceUrl(client, [seeded.uuid]);
    expect(await device.hasDeviceUrl(client, seeded.id)).toBe(false);
  });

  it('reads the device URL domain from GET /config without the option', async () => {
    const { devices } = await seedFleet(1);
    const [seeded] = devices as [{ id: number; uuid: string }];
    await device.enableDeviceUrl(context.client, seeded.id);
    expect(await device.getDeviceUrl(context.client, seeded.id)).toMatch(
      new RegExp(`^https://${seeded.uuid}\\.[a-z0-9.-]+$`),
    );
  });
});

describe('device keys, uuids and registration', () => {
  it('generates 62 lowercase hex characters, differently each time', () => {
    const first = device.generateUuid();
    expect(first).toMatch(/^[0-9a-f]{62}$/);
    expect(device.generateUuid()).not.toBe(first);
  });

  it('generates a device key, and DeviceNotFound for a missing device', async () => {
    const { devices } = await seedFleet(1);
    const seeded = devices[0] as { id: number; uuid: string };
    const key = await device.generateDeviceKey(context.client, seeded.uuid, 'test key');
    expect(typeof key).toBe('string');
    expect(key.length).toBeGreaterThanOrEqual(16);
    const asDevice = createClient({ apiUrl: context.sandbox.url, apiKey: key, retry: false });
    const actor = await asDevice.request<{ actorType: string; actorTypeId: number }>('/actor/v1/whoami');
    expect(actor).toMatchObject({ actorType: 'device', actorTypeId: seeded.id });
    // A device key is not a user: registering needs the user's id.
    await expect(device.register(asDevice, 1, device.generateUuid())).rejects.toBeInstanceOf(NotLoggedIn);
    await expect(device.generateDeviceKey(context.client, 'f'.repeat(32))).rejects.toBeInstanceOf(DeviceNotFound);
    await expect(device.generateDeviceKey(context.client, 876_543)).rejects.toBeInstanceOf(DeviceNotFound);
  });

  it('registers a device that then belongs to the application', async () => {
    const app = await context.sandbox.seedApplication({ name: uniqueName('register') });
    const uuid = device.generateUuid();
    const registration = await device.register(context.client, app.slug, uuid);
    expect(registration.uuid).toBe(uuid);
    expect(registration.id).toBeGreaterThan(0);
    expect(typeof registration.api_key).toBe('string');
    const stored = await device.get(context.client, uuid, { $select: ['belongs_to__application'] });
    expect(stored.belongs_to__application).toEqual({ __id: app.id });
    const error = await device.register(context.client, app.id, uuid).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).status).toBe(409);
  });

  it('refuses a bad uuid, an unknown application and an incompatible device type', async () => {
    const app = await context.sandbox.seedApplication({ name: uniqueName('register'), deviceType: 'raspberrypi3' });
    context.recorder.reset();
    await expect(device.register(context.client, app.id, 'abc')).rejects.toBeInstanceOf(InvalidParameter);
    await expect(device.register(context.client, app.id, device.generateUuid(), '')).rejects.toBeInstanceOf(
      InvalidParameter,
    );
    await expect(device.register(context.client, '', device.generateUuid())).rejects.toBeInstanceOf(InvalidParameter);
    expect(context.recorder.requests).toHaveLength(0);
    await expect(device.register(context.client, app.id, device.generateUuid(), 'toaster-9000')).rejects.toBeInstanceOf(
      InvalidDeviceType,
    );
    await expect(device.register(context.client, 'admin/none', device.generateUuid())).rejects.toBeInstanceOf(
      ApplicationNotFound,
    );
    await expect(
      device.register(context.client, app.id, device.generateUuid(), 'generic-amd64'),
    ).rejects.toBeInstanceOf(InvalidDeviceType);
    const compatible = await device.register(context.client, app.id, device.generateUuid(), 'raspberry-pi');
    expect(compatible.id).toBeGreaterThan(0);
  });
});

describe('device writes', () => {
  it('renames, notes, sets and clears support access', async () => {
    const { devices } = await seedFleet(2);
    const ids = devices.map((seeded) => seeded.id);
    await device.rename(context.client, ids[0] as number, 'kitchen');
    expect(await device.getName(context.client, ids[0] as number)).toBe('kitchen');
    await device.note(context.client, ids, 'line "2" – ünïcode');
    const notes = await context.client.pine.get<{ note: string }>({
      resource: 'device',
      options: { $select: 'note', $filter: { id: { $in: ids } } },
    });
    expect(notes.map((row) => row.note)).toEqual(['line "2" – ünïcode', 'line "2" – ünïcode']);
    await device.setNote(context.client, (devices[1] as { uuid: string }).uuid, '');
    await expect(device.rename(context.client, ids[0] as number, '')).rejects.toBeInstanceOf(InvalidParameter);
    const until = Date.now() + 60_000;
    await device.grantSupportAccess(context.client, ids, until);
    const granted = await context.client.pine.get<{ is_accessible_by_support_until__date: string | null }>({
      resource: 'device',
      options: { $select: 'is_accessible_by_support_until__date', $filter: { id: { $in: ids } } },
    });
    expect(granted.map((row) => new Date(row.is_accessible_by_support_until__date as string).getTime())).toEqual([
      until,
      until,
    ]);
    await device.revokeSupportAccess(context.client, ids);
    const revoked = await context.client.pine.get<{ is_accessible_by_support_until__date: string | null }>({
      resource: 'device',
      options: { $select: 'is_accessible_by_support_until__date', $filter: { id: { $in: ids } } },
    });
    expect(revoked.map((row) => row.is_accessible_by_support_until__date)).toEqual([null, null]);
    context.recorder.reset();
    for (const invalid of [Date.now() - 1, Number.NaN, '2030-01-01']) {
      await expect(device.grantSupportAccess(context.client, ids, invalid as number)).rejects.toBeInstanceOf(
        InvalidParameter,
      );
    }
    await expect(device.setNote(context.client, ids, 42 as never)).rejects.toBeInstanceOf(InvalidParameter);
    expect(context.recorder.requests).toHaveLength(0);
  });

  it('sets and clears a custom location', async () => {
    const { devices } = await seedFleet(1);
    const id = (devices[0] as { id: number }).id;
    const readLocation = () => device.get(context.client, id, { $select: ['custom_latitude', 'custom_longitude'] });
    await device.setCustomLocation(context.client, id, { latitude: 21.032777, longitude: '105.831586' });
    expect(await readLocation()).toEqual({ custom_latitude: '21.032777', custom_longitude: '105.831586' });
    await device.unsetCustomLocation(context.client, id);
    expect(await readLocation()).toEqual({ custom_latitude: '', custom_longitude: '' });
    await expect(
      device.setCustomLocation(context.client, id, { latitude: 'north', longitude: 1 }),
    ).rejects.toBeInstanceOf(InvalidParameter);
  });

  it('rejects [], mixed arrays, empty strings and short uuids in a batch', async () => {
    const { devices } = await seedFleet(1);
    const seeded = devices[0] as { id: number; uuid: string };
    context.recorder.reset();
    for (const selector of [[], '', [seeded.id, seeded.uuid], ['abc'], [seeded.uuid, '']] as never[]) {
      await expect(device.enableDeviceUrl(context.client, selector)).rejects.toBeInstanceOf(InvalidParameter);
    }
    expect(context.recorder.requests).toHaveLength(0);
  });

  it('names the first missing device and writes nothing when one is missing', async () => {
    const { devices } = await seedFleet(2);
    const uuids = devices.map((seeded) => seeded.uuid);
    const missing = 'c'.repeat(32);
    const error = await device
      .remove(context.client, [uuids[0] as string, missing, uuids[1] as string])
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DeviceNotFound);
    expect((error as DeviceNotFound).message).toContain(missing);
    expect(await device.has(context.client, uuids[0] as string)).toBe(true);
    await device.remove(context.client, uuids);
    expect(await device.has(context.client, uuids[0] as string)).toBe(false);
    expect(await device.has(context.client, uuids[1] as string)).toBe(false);
  });

  it('moves devices between compatible applications and refuses incompatible ones', async () => {
    const { devices } = await seedFleet(2, 'raspberrypi3');
    const target = await context.sandbox.seedApplication({ name: uniqueName('target'), deviceType: 'raspberrypi4-64' });
    const amd64 = await context.sandbox.seedApplication({ name: uniqueName('nuc'), deviceType: 'intel-nuc' });
    const ids = devices.map((seeded) => seeded.id);
    await device.move(context.client, ids, target.slug);
    const moved = await context.client.pine.get<{ belongs_to__application: { __id: number } }>({
      resource: 'device',
      options: { $select: 'belongs_to__application', $filter: { id: { $in: ids } } },
    });
    expect(moved.map((row) => row.belongs_to__application.__id)).toEqual([target.id, target.id]);
    await expect(device.move(context.client, ids, amd64.id)).rejects.toBeInstanceOf(IncompatibleApplication);
    await expect(device.move(context.client, ids, 'admin/none')).rejects.toBeInstanceOf(ApplicationNotFound);
    await expect(device.move(context.client, 765_432, target.id)).rejects.toBeInstanceOf(DeviceNotFound);
    context.recorder.reset();
    await expect(device.move(context.client, ids, '')).rejects.toBeInstanceOf(InvalidParameter);
    await expect(device.move(context.client, ids, Number.NaN)).rejects.toBeInstanceOf(InvalidParameter);
    expect(context.recorder.requests).toHaveLength(0);
  });
});

describe('device releases', () => {
  it('pins to a release by commit or id, tracks again, and reports the target', async () => {
    const { app, devices } = await seedFleet(2);
    const release = await context.sandbox.seedRelease({ application: app.id });
    const ids = devices.map((seeded) => seeded.id);
    await device.pinToRelease(context.client, ids, release.commit);
    expect(await device.isTrackingApplicationRelease(context.client, ids[0] as number)).toBe(false);
    expect(await device.getTargetReleaseHash(context.client, ids[1] as number)).toBe(release.commit);
    await device.trackApplicationRelease(context.client, ids);
    expect(await device.isTrackingApplicationRelease(context.client, ids[0] as number)).toBe(true);
    await device.setToRelease(context.client, ids[0] as number, release.id);
    expect(await device.isTrackingApplicationRelease(context.client, ids[0] as number)).toBe(false);
    await device.setToRelease(context.client, ids[0] as number, '');
    expect(await device.isTrackingApplicationRelease(context.client, ids[0] as number)).toBe(true);
  });

  it('raises ReleaseNotFound for a commit of another application', async () => {
    const { devices } = await seedFleet(1);
    const other = await seedFleet(0);
    const foreign = await context.sandbox.seedRelease({ application: other.app.id });
    await expect(
      device.pinToRelease(context.client, (devices[0] as { id: number }).id, foreign.commit),
    ).rejects.toBeInstanceOf(ReleaseNotFound);
    context.recorder.reset();
    for (const invalid of ['', Number.NaN, -1, 1.5, null] as never[]) {
      await expect(
        device.pinToRelease(context.client, (devices[0] as { id: number }).id, invalid),
      ).rejects.toBeInstanceOf(InvalidParameter);
    }
    expect(context.recorder.requests).toHaveLength(0);
    await expect(device.pinToRelease(context.client, 'f'.repeat(32), foreign.commit)).rejects.toBeInstanceOf(
      DeviceNotFound,
    );
  });

  it('pins devices of two applications, each to its own application release of that id', async () => {
    const first = await seedFleet(1);
    const second = await seedFleet(1);
    const release = await context.sandbox.seedRelease({ application: first.app.id });
    const ids = [(first.devices[0] as { id: number }).id, (second.devices[0] as { id: number }).id];
    // The release belongs to the first application only: the second device cannot be pinned to it.
    await expect(device.pinToRelease(context.client, ids, release.id)).rejects.toBeInstanceOf(ReleaseNotFound);
    expect(await device.isTrackingApplicationRelease(context.client, ids[0] as number)).toBe(true);
  });
});

describe('device service details', () => {
  it('groups image installs by application slug and service name, newest first', async () => {
    const { app, devices } = await seedFleet(1);
    const seeded = devices[0] as { id: number; uuid: string };
    const first = await context.sandbox.seedRelease({ application: app.id, services: ['main', 'worker'] });
    const second = await context.sandbox.seedRelease({ application: app.id, services: ['main', 'worker'] });
    const installs = [
      { release: first, service: 0, date: '2026-01-01T00:00:00.000Z', status: 'Running' },
      { release: second, service: 0, date: '2026-02-01T00:00:00.000Z', status: 'Downloading' },
      { release: second, service: 1, date: '2026-02-01T00:00:00.000Z', status: 'Running' },
      { release: first, service: 1, date: '2025-12-01T00:00:00.000Z', status: 'deleted' },
    ];
    for (const install of installs) {
      await context.client.pine.post({
        resource: 'image_install',
        body: {
          device: seeded.id,
          installs__image: install.release.services[install.service]?.imageId,
          is_provided_by__release: install.release.id,
          install_date: install.date,
          status: install.status,
          download_progress: install.status === 'Downloading' ? 40 : null,
        },
      });
    }
    const details = await device.getWithServiceDetails(context.client, seeded.uuid);
    expect(details.uuid).toBe(seeded.uuid);
    expect('image_install' in details).toBe(false);
    const main = details.current_services.main ?? [];
    expect(main.map((entry) => entry.commit)).toEqual([second.commit, first.commit]);
    expect(main[0]).toMatchObject({ status: 'Downloading', download_progress: 40, release_id: second.id });
    expect(details.current_services.worker?.map((entry) => entry.status)).toEqual(['Running']);
    expect(Object.keys(details.current_services_by_app)).toEqual([app.slug]);
    await expect(device.getWithServiceDetails(context.client, 'f'.repeat(62))).rejects.toBeInstanceOf(DeviceNotFound);
  });
});

describe('device types and manifests', () => {
  it('maps display names to slugs and back', async () => {
    expect(await device.getDeviceSlug(context.client, 'Raspberry Pi 3')).toBe('raspberrypi3');
    expect(await device.getDeviceSlug(context.client, 'nuc')).toBe('intel-nuc');
    expect(await device.getDisplayName(context.client, 'raspberrypi3')).toBe('Raspberry Pi 3');
    await expect(device.getDeviceSlug(context.client, 'Toaster')).rejects.toBeInstanceOf(InvalidDeviceType);
    await expect(device.getDisplayName(context.client, '')).rejects.toBeInstanceOf(InvalidParameter);
  });

  it('lists the supported device types by name', async () => {
    const names = await device.getSupportedDeviceTypes(context.client);
    expect(names).toContain('Raspberry Pi 3');
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('gets manifests by slug and by application', async () => {
    const manifest = await device.getManifestBySlug(context.client, 'raspberrypi3');
    expect(manifest.slug).toBe('raspberrypi3');
    const app = await context.sandbox.seedApplication({ name: uniqueName('manifest'), deviceType: 'intel-nuc' });
    expect((await device.getManifestByApplication(context.client, app.id)).slug).toBe('intel-nuc');
    await expect(device.getManifestBySlug(context.client, 'toaster')).rejects.toBeInstanceOf(InvalidDeviceType);
    await expect(device.getManifestByApplication(context.client, 'admin/none')).rejects.toBeInstanceOf(
      ApplicationNotFound,
    );
  });
});

describe('supervisor actions', () => {
  it('identify and restart reach the supervisor proxy, which refuses offline devices', async () => {
    const { devices } = await seedFleet(1);
    const seeded = devices[0] as { id: number; uuid: string };
    for (const action of [device.identify, device.restart]) {
      const error = await action(context.client, seeded.uuid).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RequestError);
      expect((error as RequestError).status).toBe(404);
      await expect(action(context.client, 'f'.repeat(32))).rejects.toBeInstanceOf(DeviceNotFound);
    }
  });
});

describe('an online (simulated) device', () => {
  it('is online and operational, blinks, restarts, and reports its services', async () => {
    const app = await context.sandbox.seedApplication({ name: uniqueName('live') });
    const release = await context.sandbox.seedRelease({ application: app.id, services: ['main', 'worker'] });
    const [seeded] = (await context.sandbox.seedDevices({ application: app.id, count: 1 })) as [
      { id: number; uuid: string },
    ];
    const simulation = await context.sandbox.simulateDevice(seeded.uuid);
    try {
      expect(await device.isOnline(context.client, seeded.uuid)).toBe(true);
      expect(await device.getStatus(context.client, seeded.id)).toBe('operational');
      expect((await device.getLocalIpAddress(context.client, seeded.id)).length).toBeGreaterThan(0);
      context.recorder.reset();
      expect(await device.identify(context.client, seeded.uuid)).toBeUndefined();
      expect(context.recorder.requests.map((request) => `${request.method} ${new URL(request.url).pathname}`)).toEqual([
        `GET /v7/device(uuid='${seeded.uuid}')`,
        'POST /supervisor/v1/blink',
      ]);
      expect(await device.restart(context.client, seeded.id)).toBe('OK');
      const details = await device.getWithServiceDetails(context.client, seeded.uuid);
      expect(Object.keys(details.current_services).sort()).toEqual(['main', 'worker']);
      expect(details.current_services.main?.[0]?.commit).toBe(release.commit);
      expect(Object.keys(details.current_services_by_app)).toEqual([app.slug]);
      simulation.setLocked(true);
      await expect(device.restart(context.client, seeded.uuid)).rejects.toBeInstanceOf(SupervisorLocked);
      await expect(device.restartApplication(context.client, seeded.id)).rejects.toBeInstanceOf(SupervisorLocked);
    } finally {
      await simulation.stop();
    }
  });
});

describe('device lists', () => {
  it('getAllByApplication is awaitable and iterable, by slug, name or id', async () => {
    const { app, devices } = await seedFleet(3);
    const listed = await device.getAllByApplication(context.client, app.slug, { $select: ['id'] });
    expect(listed.map((row) => row.id).sort((a, b) => a - b)).toEqual(devices.map((seeded) => seeded.id));
    const iterated: number[] = [];
    for await (const row of device.getAllByApplication(context.client, app.id, { $select: ['id', 'device_name'] })) {
      iterated.push(row.id);
    }
    expect(iterated.sort((a, b) => a - b)).toEqual(devices.map((seeded) => seeded.id));
    expect(await device.getAllByApplicationId(context.client, app.id)).toHaveLength(3);
    const all = await device.getAll(context.client, { $select: ['id', 'device_name'] });
    expect(all.map((row) => row.id)).toEqual(expect.arrayContaining(devices.map((seeded) => seeded.id)));
    const names = all.map((row) => row.device_name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('getAllByOrganization lists the devices of every application of the organization', async () => {
    const handle = uniqueName('devices-org');
    const organization = await context.client.pine.post<{ id: number }>({
      resource: 'organization',
      body: { name: handle, handle },
    });
    const app = await context.client.pine.post<{ id: number }>({
      resource: 'application',
      body: { app_name: uniqueName('org-fleet'), organization: organization.id, is_for__device_type: 1 },
    });
    const inOrganization = await context.sandbox.seedDevices({ application: app.id, count: 2 });
    const elsewhere = await seedFleet(1);
    const byHandle = await device.getAllByOrganization(context.client, handle, { $select: ['id'] });
    expect(byHandle.map((row) => row.id).sort((a, b) => a - b)).toEqual(inOrganization.map((seeded) => seeded.id));
    const iterated: number[] = [];
    for await (const row of device.getAllByOrganization(context.client, organization.id, { $select: ['id'] })) {
      iterated.push(row.id);
    }
    expect(iterated).not.toContain((elsewhere.devices[0] as { id: number }).id);
    expect(iterated).toHaveLength(2);
    await expect(device.getAllByOrganization(context.client, 'no-such-org')).rejects.toBeInstanceOf(
      OrganizationNotFound,
    );
    context.recorder.reset();
    await expect(device.getAllByOrganization(context.client, '')).rejects.toBeInstanceOf(InvalidParameter);
    expect(context.recorder.requests).toHaveLength(0);
  });

  it('raises ApplicationNotFound for a missing application, by id or slug', async () => {
    await expect(device.getAllByApplication(context.client, 999_999)).rejects.toBeInstanceOf(ApplicationNotFound);
    await expect(device.getAllByApplication(context.client, 'admin/none').toArray()).rejects.toBeInstanceOf(
      ApplicationNotFound,
    );
    await expect(device.getAllByApplication(context.client, '')).rejects.toBeInstanceOf(InvalidParameter);
    const iterate = async () => {
      for await (const row of device.getAllByApplication(context.client, 999_998)) expect(row).toBeUndefined();
    };
    await expect(iterate()).rejects.toBeInstanceOf(ApplicationNotFound);
    const empty = await seedFleet(0);
    expect(await device.getAllByApplication(context.client, empty.app.id)).toEqual([]);
  });
});
