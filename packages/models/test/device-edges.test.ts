// @ts-nocheck
// The device model's edges: the parameter and reason each refusal names, the values an argument
// check lets through (null options, `{}`), version boundaries, the label a partial write names, the
// device URL domain's lookup (once per client, without credentials, again after a failure), the
// fields of the keys a device key and a registration make, and the fields each reader asks for.
import {
  ApplicationNotFound,
  createClient,
  DeviceNotFound,
  DeviceNotWebAccessible,
  DeviceOffline,
  IncompatibleApplication,
  InvalidDeviceType,
  RequestError,
} from '@balena-ts/core';
import * as device from '@balena-ts/models/device';
import * as deviceConfigVariable from '@balena-ts/models/device-config-variable';
import { describe, expect, it } from 'vitest';
import { expectRefusedBeforeRequest, failureOf } from './helpers/refusal.js';
import { seedFleet as seedFleetIn, uniqueName, useTestContext } from './helpers/sandbox.js';

const context = useTestContext();

// Synchronous functions (the dashboard URL) are refused by a throw, the others by a rejection.
const expectRefusal = (call: () => unknown, parameter: string, reason: string) =>
  expectRefusedBeforeRequest(context.recorder, call as () => Promise<unknown>, parameter, reason, failureOf);
const seedFleet = (count: number, deviceType?: string, fields?: Record<string, unknown>) =>
  seedFleetIn(context, count, deviceType, fields);

const PROVISIONED_DEV = {
  os_version: 'balenaOS 6.0.13',
  os_variant: 'dev',
  supervisor_version: '17.0.0',
  last_connectivity_event: '2026-01-01T00:00:00.000Z',
};

function paths(): string[] {
  return context.recorder.requests.map((request) => `${request.method} ${new URL(request.url).pathname}`);
}

describe('device refusals name their parameter and reason', () => {
  it('list options, names, devices, uuids, releases and versions', async () => {
    await expectRefusal(() => device.getAll(context.client, 'x' as never), 'options', 'OData options are an object');
    await expectRefusal(() => device.getByName(context.client, 5 as never), 'name', 'expected a device name');
    await expectRefusal(() => device.getByName(context.client, ''), 'name', 'expected a device name');
    await expectRefusal(
      () => device.getLocalModeSupport(null as never),
      'device',
      'expected a device with its OS and supervisor fields',
    );
    await expectRefusal(
      () => device.getOsVersion(null as never),
      'device',
      'expected a device with os_version and os_variant',
    );
    await expectRefusal(() => device.register(context.client, 1, 'abc'), 'uuid', 'expected 32 or 62 hex characters');
    await expectRefusal(
      () => device.pinToRelease(context.client, 1, ''),
      'fullReleaseHashOrId',
      'expected a commit or a positive integer release id',
    );
    await expectRefusal(
      () => device.pinToSupervisorRelease(context.client, 1, ' '),
      'supervisorVersionOrId',
      'expected a supervisor version or a release id',
    );
    await expectRefusal(() => device.getSupervisorTargetState(context.client, 1, 4 as 3), 'version', 'expected 2 or 3');
    for (const release of ['', 5] as string[]) {
      await expectRefusal(
        () => device.getSupervisorTargetStateForApp(context.client, 1, release),
        'release',
        'expected the uuid of a release',
      );
    }
  });

  it('supervisor options and service actions', async () => {
    await expectRefusal(() => device.reboot(context.client, 1, 'yes' as never), 'options', 'expected an object');
    await expectRefusal(
      () => device.shutdown(context.client, 1, { force: 'yes' } as never),
      'options.force',
      'expected a boolean',
    );
    for (const action of [device.restartService, device.startService, device.stopService]) {
      await expectRefusal(
        () => action(context.client, '', 5),
        'uuidOrId',
        'expected a full uuid (32 or 62 hex characters) or an id',
      );
    }
  });

  it('the dashboard URL takes a hex uuid only', async () => {
    for (const uuid of ['', '   ', 5, 'zz12', '12zz', 'not-hex'] as string[]) {
      await expectRefusal(() => device.getDashboardUrl(context.client, uuid), 'uuid', 'expected a device uuid');
    }
    expect(device.getDashboardUrl(context.client, 'ABC123')).toBe(
      new URL('/devices/abc123/summary', context.client.config.dashboardUrl).toString(),
    );
  });

  it('device names, notes and locations', async () => {
    for (const name of [5, '', '   '] as string[]) {
      await expectRefusal(() => device.rename(context.client, 1, name), 'newName', 'a device needs a name');
    }
    await expectRefusal(() => device.setNote(context.client, 1, 5 as never), 'note', 'expected a string');
    for (const location of [null, {}, { latitude: '' }, { latitude: 'north' }]) {
      await expectRefusal(
        () => device.setCustomLocation(context.client, 1, location as never),
        'location.latitude',
        'expected a number',
      );
    }
    await expectRefusal(
      () => device.setCustomLocation(context.client, 1, { latitude: 1, longitude: '' }),
      'location.longitude',
      'expected a number',
    );
  });
});

describe('device arguments that are let through', () => {
  it('null list options read the whole list', async () => {
    const { app, devices } = await seedFleet(2);
    const all = await device.getAll(context.client, null as never);
    expect(all.map((row) => row.id)).toEqual(expect.arrayContaining(devices.map((seeded) => seeded.id)));
    const fleet = await device.getAllByApplication(context.client, app.id, null as never);
    expect(fleet.map((row) => row.id).sort()).toEqual(devices.map((seeded) => seeded.id).sort());
  });

  it('reboot and shutdown take null options and a force left undefined or null', async () => {
    const { devices } = await seedFleet(1);
    const [seeded] = devices as [{ id: number; uuid: string }];
    for (const options of [null, {}, { force: undefined }, { force: null }] as never[]) {
      await expect(device.reboot(context.client, seeded.id, options)).rejects.toBeInstanceOf(DeviceOffline);
      await expect(device.shutdown(context.client, seeded.uuid, options)).rejects.toBeInstanceOf(DeviceOffline);
    }
  });

  it('setToRelease with no release (undefined, null, empty) tracks the fleet release again', async () => {
    const { app, devices } = await seedFleet(1);
    const [seeded] = devices as [{ id: number; uuid: string }];
    const release = await context.sandbox.seedRelease({ application: app.id });
    for (const none of [undefined, null, ''] as string[]) {
      await device.setToRelease(context.client, seeded.id, release.commit);
      expect(await device.isTrackingApplicationRelease(context.client, seeded.id)).toBe(false);
      await device.setToRelease(context.client, seeded.id, none);
      expect(await device.isTrackingApplicationRelease(context.client, seeded.id)).toBe(true);
    }
  });

  it('the fleet target state of no particular release takes null', async () => {
    const { app } = await seedFleet(0);
    const release = await context.sandbox.seedRelease({ application: app.id, services: ['api'] });
    const state = (await device.getSupervisorTargetStateForApp(context.client, app.id, null as never)) as Record<
      string,
      { apps: Record<string, { releases: Record<string, unknown> }> }
    >;
    expect(Object.keys(state[app.uuid]?.apps[app.uuid]?.releases ?? {})).toEqual([release.commit]);
  });

  it('a custom location given as numbers is stored as text', async () => {
    const { devices } = await seedFleet(1);
    const [seeded] = devices as [{ id: number; uuid: string }];
    await device.setCustomLocation(context.client, seeded.id, { latitude: 0, longitude: -1.5 });
    const row = await device.get(context.client, seeded.id, { $select: ['custom_latitude', 'custom_longitude'] });
    expect(row).toEqual({ custom_latitude: '0', custom_longitude: '-1.5' });
  });
});

describe('device lists of a fleet given by id', () => {
  it('pages() of a missing fleet raises ApplicationNotFound', async () => {
    const error = await (async () => {
      for await (const _page of device.streamAllByApplication(context.client, 987_654).pages()) {
        // never reached
      }
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApplicationNotFound);
  });

  it('an empty fleet given by id is checked once; by slug it is not', async () => {
    const { app } = await seedFleet(0);
    context.recorder.reset();
    expect(await device.getAllByApplication(context.client, app.id)).toEqual([]);
    expect(paths()).toEqual(['GET /v7/device', `GET /v7/application(${app.id})`]);
    context.recorder.reset();
    expect(await device.getAllByApplication(context.client, app.slug)).toEqual([]);
    expect(paths()).toEqual(['GET /v7/application', 'GET /v7/device']);
    const pages: unknown[] = [];
    for await (const page of device.streamAllByApplication(context.client, app.id).pages()) pages.push(page);
    expect(pages).toEqual([]);
  });
});

describe('device messages', () => {
  it('the offline and not web accessible errors name the device as given', async () => {
    const { devices } = await seedFleet(1);
    const [seeded] = devices as [{ id: number; uuid: string }];
    const offline = await failureOf(() => device.getLocalIPAddresses(context.client, seeded.uuid));
    expect(offline).toBeInstanceOf(DeviceOffline);
    expect((offline as Error).message).toBe(`The device is offline: ${seeded.uuid}`);
    const offlineById = await failureOf(() => device.getLocalIpAddress(context.client, seeded.id));
    expect((offlineById as Error).message).toBe(`The device is offline: ${seeded.id}`);
    const hidden = await failureOf(() => device.getDeviceUrl(context.client, seeded.id));
    expect(hidden).toBeInstanceOf(DeviceNotWebAccessible);
    expect((hidden as Error).message).toBe(`Device is not web accessible: ${seeded.id}`);
  });

  it('the incompatible move and registration name both sides', async () => {
    const arm = await seedFleet(1, 'raspberrypi3');
    const amd = await context.sandbox.seedApplication({ name: uniqueName('nuc'), deviceType: 'intel-nuc' });
    const [seeded] = arm.devices as [{ id: number; uuid: string }];
    const moved = await failureOf(() => device.move(context.client, seeded.id, amd.id));
    expect(moved).toBeInstanceOf(IncompatibleApplication);
    expect((moved as Error).message).toBe(
      `Incompatible application: ${amd.id} (amd64) cannot run device ${seeded.uuid} (armv7hf)`,
    );
    const registered = await failureOf(() =>
      device.register(context.client, arm.app.id, device.generateUuid(), 'generic-amd64'),
    );
    expect(registered).toBeInstanceOf(InvalidDeviceType);
    expect((registered as Error).message).toBe(
      'Incompatible device type: generic-amd64 (amd64) cannot join an application for raspberrypi3 (armv7hf)',
    );
  });

  it("a missing device's key keeps the API's 404 as its cause", async () => {
    const error = await failureOf(() => device.generateDeviceKey(context.client, 876_543));
    expect(error).toBeInstanceOf(DeviceNotFound);
    expect((error as Error).cause).toBeInstanceOf(RequestError);
    expect(((error as Error).cause as RequestError).status).toBe(404);
  });
});

describe('device addresses and connectivity', () => {
  it('a device heard from over the API heartbeat alone is online', async () => {
    const { devices } = await seedFleet(1, undefined, {
      is_connected_to_vpn: false,
      api_heartbeat_state: 'online',
      heartbeat_at_ms: Date.now(),
      ip_address: '10.0.0.7',
    });
    const [seeded] = devices as [{ id: number; uuid: string }];
    expect(await device.isOnline(context.client, seeded.id)).toBe(true);
    expect(await device.getLocalIpAddress(context.client, seeded.id)).toEqual(['10.0.0.7']);
  });

  it('an online device without addresses has none, and blanks between addresses are skipped', async () => {
    const { devices } = await seedFleet(2, undefined, { is_connected_to_vpn: true, ip_address: null });
    const [bare, spaced] = devices as [{ id: number; uuid: string }, { id: number; uuid: string }];
    expect(await device.getLocalIpAddress(context.client, bare.id)).toEqual([]);
    expect(await device.getLocalIPAddresses(context.client, bare.id)).toEqual([]);
    await context.client.pine.patch({ resource: 'device', id: spaced.id, body: { ip_address: '10.0.0.2  10.0.0.3 ' } });
    expect(await device.getLocalIpAddress(context.client, spaced.id)).toEqual(['10.0.0.2', '10.0.0.3']);
    expect(await device.getLocalIPAddresses(context.client, spaced.id)).toEqual(['10.0.0.2', '10.0.0.3']);
  });
});

describe('device versions', () => {
  it('local mode starts at balenaOS 2.0.0 and supervisor 4.0.0 exactly', () => {
    expect(device.getLocalModeSupport({ ...PROVISIONED_DEV, os_version: 'balenaOS 2.0.0' }).supported).toBe(true);
    expect(device.getLocalModeSupport({ ...PROVISIONED_DEV, supervisor_version: '4.0.0' }).supported).toBe(true);
  });

  it('a variant already in the pre-release part is not added again', () => {
    for (const version of ['2.0.0-dev', '5.1.0-1700000000000.dev']) {
      expect(device.getOsVersion({ os_version: `balenaOS ${version}`, os_variant: 'dev' })).toBe(version);
    }
  });
});

describe('device lock override', () => {
  it('disabling stores 0, and only the override variable counts', async () => {
    const { devices } = await seedFleet(1);
    const [seeded] = devices as [{ id: number; uuid: string }];
    await deviceConfigVariable.set(context.client, seeded.id, 'RESIN_SUPERVISOR_LOCAL_MODE', '1');
    expect(await device.hasLockOverride(context.client, seeded.id)).toBe(false);
    await device.disableLockOverride(context.client, seeded.id);
    expect(await deviceConfigVariable.get(context.client, seeded.id, 'RESIN_OVERRIDE_LOCK')).toBe('0');
  });
});

describe('the device URL domain', () => {
  it('is read from /config once per client, without credentials, and read again after a failure', async () => {
    const { devices } = await seedFleet(1);
    const [seeded] = devices as [{ id: number; uuid: string }];
    await device.enableDeviceUrl(context.client, seeded.id);
    const sent: { path: string; authorization: string | null }[] = [];
    const client = createClient({
      apiUrl: context.sandbox.url,
      retry: false,
      fetch: (input, init) => {
        const request = new Request(input, init);
        sent.push({ path: new URL(request.url).pathname, authorization: request.headers.get('authorization') });
        return fetch(input, init);
      },
    });
    await client.tokens.set(context.sandbox.superuser.token);
    context.sandbox.faults.add({ method: 'GET', path: '/config', kind: 'status', status: 500 });
    await expect(device.getDeviceUrl(client, seeded.id)).rejects.toBeInstanceOf(RequestError);
    const url = await device.getDeviceUrl(client, seeded.uuid);
    expect(url).toMatch(new RegExp(`^https://${seeded.uuid}\\.[a-z0-9.-]+$`));
    expect(await device.getDeviceUrl(client, seeded.id)).toBe(url);
    const configs = sent.filter((request) => request.path === '/config');
    expect(configs).toEqual([
      { path: '/config', authorization: null },
      { path: '/config', authorization: null },
    ]);
  });
});

describe('partial writes name what was written', () => {
  /** A client whose second write (PATCH or DELETE of devices) the sandbox answers with a 500, two devices a request. */
  async function failingSecondWrite(method: 'PATCH' | 'DELETE') {
    let writes = 0;
    const client = createClient({
      apiUrl: context.sandbox.url,
      retry: false,
      requestBatchSize: 2,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (new Request(input, init).method === method && ++writes === 1) {
          context.sandbox.faults.add({ method, path: '/v7/device', kind: 'status', status: 500 });
        }
        return response;
      },
    });
    await client.tokens.set(context.sandbox.superuser.token);
    return client;
  }

  it('remove, move and pinToRelease', async () => {
    const { app, devices } = await seedFleet(4);
    const ids = devices.map((seeded) => seeded.id);
    const release = await context.sandbox.seedRelease({ application: app.id });
    const pinned = await failureOf(async () => device.pinToRelease(await failingSecondWrite('PATCH'), ids, release.id));
    expect((pinned as Error).message).toMatch(/^Wrote device is_pinned_on__release on 2 of 4 targets/);
    const other = await context.sandbox.seedApplication({ name: uniqueName('moved') });
    const unpinned = (await seedFleet(4)).devices.map((seeded) => seeded.id);
    const moved = await failureOf(async () => device.move(await failingSecondWrite('PATCH'), unpinned, other.id));
    expect((moved as Error).message).toMatch(/^Wrote device belongs_to__application on 2 of 4 targets/);
    const removed = await failureOf(async () => device.remove(await failingSecondWrite('DELETE'), ids));
    expect((removed as Error).message).toMatch(/^Wrote device removal on 2 of 4 targets/);
  });
});

describe('device keys record what they were made with', () => {
  /** The API keys of an actor, oldest first. */
  function keysOf(actor: number) {
    return context.client.pine.get<{ name: string | null; description: string | null; expiry_date: string | null }>({
      resource: 'api_key',
      options: {
        $select: ['name', 'description', 'expiry_date'],
        $filter: { is_of__actor: actor },
        $orderby: 'id asc',
      },
    });
  }

  it("a device key's name, description and expiry date", async () => {
    const { devices } = await seedFleet(1);
    const [seeded] = devices as [{ id: number; uuid: string }];
    const { actor } = await device.get(context.client, seeded.id, { $select: 'actor' });
    const expiry = '2030-01-02T03:04:05.000Z';
    await device.generateDeviceKey(context.client, seeded.uuid, 'dated', 'with an expiry', expiry);
    await device.generateDeviceKey(context.client, seeded.id, 'undated');
    const keys = (await keysOf((actor as { __id: number }).__id)).filter((key) => key.name !== null);
    expect(keys).toEqual([
      { name: 'dated', description: 'with an expiry', expiry_date: expiry },
      { name: 'undated', description: null, expiry_date: null },
    ]);
  });

  it('registering makes a short-lived provisioning key that says what made it', async () => {
    const app = await context.sandbox.seedApplication({ name: uniqueName('provisioned') });
    const before = Date.now();
    await device.register(context.client, app.id, device.generateUuid());
    const [row] = await context.client.pine.get<{ actor: { __id: number } }>({
      resource: 'application',
      options: { $select: 'actor', $filter: { id: app.id } },
    });
    const keys = await keysOf(row?.actor.__id as number);
    expect(keys.map((key) => key.description)).toEqual(['Created by balena-ts to register a device']);
    const expiresAt = Date.parse(keys[0]?.expiry_date as string);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 10 * 60 * 1000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 10 * 60 * 1000);
  });
});

describe('device.pinToSupervisorRelease versions', () => {
  /** A supervisor release of the sandbox's aarch64 supervisor fleet (the default device type's). */
  async function aarch64SupervisorRelease() {
    const [release] = await context.client.pine.get<{ id: number; raw_version: string }>({
      resource: 'release',
      options: {
        $top: 1,
        $select: ['id', 'raw_version'],
        $filter: {
          status: 'success',
          is_final: true,
          is_invalidated: false,
          belongs_to__application: {
            $any: { $alias: 'a', $expr: { a: { slug: 'balena_os/aarch64-supervisor' } } },
          },
        },
      },
    });
    return release;
  }

  async function pinnedRelease(id: number): Promise<number | undefined> {
    const row = await device.get(context.client, id, { $select: 'should_be_managed_by__release' });
    return (row.should_be_managed_by__release as { __id: number } | null)?.__id;
  }

  it('pins at the minimum versions exactly, and when a version is not reported or has no number', async (test) => {
    const release = await aarch64SupervisorRelease();
    if (release === undefined) test.skip();
    const fields = [
      { supervisor_version: '7.0.0', os_version: 'balenaOS 2.12.0' },
      { supervisor_version: '17.0.0', os_version: null },
      { supervisor_version: '17.0.0', os_version: 'balenaOS' },
      { supervisor_version: null, os_version: 'balenaOS 6.0.13' },
    ];
    for (const versions of fields) {
      const { devices } = await seedFleet(1, undefined, versions);
      const [seeded] = devices as [{ id: number; uuid: string }];
      await device.pinToSupervisorRelease(context.client, seeded.id, release?.id as number);
      expect(await pinnedRelease(seeded.id), JSON.stringify(versions)).toBe(release?.id);
    }
  });
});

describe('device readers ask for the fields they read', () => {
  it('each lookup selects its fields rather than reading whole rows', async () => {
    const { app, devices } = await seedFleet(1, undefined, { is_connected_to_vpn: true, is_web_accessible: true });
    const [seeded] = devices as [{ id: number; uuid: string }];
    const { client } = context;
    const id = seeded.id;
    const lockFilter = "$select=value;$filter=name eq 'RESIN_OVERRIDE_LOCK'";
    // [reader, index of the request, its $select, its $expand]
    const cases: [string, () => Promise<unknown>, number, string, string | null][] = [
      ['getName', () => device.getName(client, id), 0, 'device_name', null],
      [
        'getApplicationName',
        () => device.getApplicationName(client, id),
        0,
        'id',
        'belongs_to__application($select=app_name)',
      ],
      ['has', () => device.has(client, id), 0, 'id', null],
      ['getMACAddresses', () => device.getMACAddresses(client, id), 0, 'mac_address', null],
      ['getLocalIPAddresses', () => device.getLocalIPAddresses(client, id), 0, 'is_connected_to_vpn,ip_address', null],
      [
        'isTrackingApplicationRelease',
        () => device.isTrackingApplicationRelease(client, id),
        0,
        'is_pinned_on__release',
        null,
      ],
      [
        'getTargetReleaseHash',
        () => device.getTargetReleaseHash(client, id),
        0,
        'id',
        'should_be_running__release($select=commit)',
      ],
      ['getStatus', () => device.getStatus(client, id), 0, 'overall_status', null],
      ['getProgress', () => device.getProgress(client, id), 0, 'overall_progress', null],
      ['isOnline', () => device.isOnline(client, id), 0, 'is_connected_to_vpn,api_heartbeat_state', null],
      [
        'getLocalIpAddress',
        () => device.getLocalIpAddress(client, id),
        0,
        'is_connected_to_vpn,api_heartbeat_state,ip_address',
        null,
      ],
      ['hasDeviceUrl', () => device.hasDeviceUrl(client, id), 0, 'is_web_accessible', null],
      ['getDeviceUrl', () => device.getDeviceUrl(client, id), 0, 'uuid,is_web_accessible', null],
      [
        'hasLockOverride',
        () => device.hasLockOverride(client, id),
        0,
        'id',
        `device_config_variable(${lockFilter}),belongs_to__application($select=id;$expand=application_config_variable(${lockFilter}))`,
      ],
      [
        'enableLocalMode',
        () => device.enableLocalMode(client, id),
        0,
        'id,os_version,os_variant,supervisor_version,last_connectivity_event',
        null,
      ],
      ['getSupervisorTargetState', () => device.getSupervisorTargetState(client, id), 0, 'uuid', null],
      ['getSupervisorTargetStateForApp', () => device.getSupervisorTargetStateForApp(client, app.id), 0, 'uuid', null],
      ['identify', () => device.identify(client, id), 0, 'uuid', null],
      ['ping', () => device.ping(client, id), 0, 'uuid', 'belongs_to__application($select=id)'],
      ['getDeviceSlug', () => device.getDeviceSlug(client, 'Raspberry Pi 3'), 0, 'slug', null],
      ['getDisplayName', () => device.getDisplayName(client, 'raspberrypi3'), 0, 'name', null],
      [
        'getManifestByApplication',
        () => device.getManifestByApplication(client, app.id),
        0,
        'id',
        'is_for__device_type($select=slug)',
      ],
      ['getSupportedDeviceTypes', () => device.getSupportedDeviceTypes(client), 0, 'name', null],
      [
        'pinToSupervisorRelease (devices)',
        () => device.pinToSupervisorRelease(client, id, 1),
        0,
        'id,uuid,supervisor_version,os_version',
        'is_of__device_type($select=is_of__cpu_architecture)',
      ],
      ['pinToSupervisorRelease (release)', () => device.pinToSupervisorRelease(client, id, 1), 1, 'id', null],
      ['getAllByApplication (empty fleet check)', () => device.getAllByApplication(client, 987_654), 1, 'id', null],
    ];
    for (const [name, call, index, select, expand] of cases) {
      context.recorder.reset();
      await call().catch(() => undefined);
      const request = context.recorder.requests[index];
      expect(request?.method, name).toBe('GET');
      const query = new URL(request?.url as string).searchParams;
      expect([query.get('$select'), query.get('$expand')], name).toEqual([select, expand]);
    }
  });
});
