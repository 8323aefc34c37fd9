import {
  ApplicationNotFound,
  createClient,
  DeviceNotFound,
  DeviceNotWebAccessible,
  DeviceOffline,
  InvalidDeviceType,
  InvalidParameter,
  NotLoggedIn,
  RequestError,
  SupervisorLocked,
} from '@balena-ts/core';
import * as device from '@balena-ts/models/device';
import { describe, expect, it } from 'vitest';
import { seedFleet as seedFleetIn, uniqueName, useTestContext } from './helpers/sandbox.js';

const context = useTestContext();
const seedFleet = (count: number, deviceType?: string, fields?: Record<string, unknown>) =>
  seedFleetIn(context, count, deviceType, fields);

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
    const error = await device.identify(context.client, seeded.uuid).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).status).toBe(404);
    // restart runs @balena-ts/supervisor's call, which names the proxy's "no online device" answer.
    await expect(device.restart(context.client, seeded.uuid)).rejects.toBeInstanceOf(DeviceOffline);
    for (const action of [device.identify, device.restart]) {
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
