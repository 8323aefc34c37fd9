// balena-sdk 23's documented examples (the @example blocks its DOCUMENTATION.md is generated
// from), run unchanged through `@balena-ts/sdk/compat` against the sandbox: results and errors,
// with balena-sdk's error codes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DeviceNotFound, InvalidParameter } from '@balena-ts/core';
import { type Sandbox, startSandbox } from '@balena-ts/sandbox';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type BalenaSdkCompat, fromSharedOptions, getSdk, setSharedOptions } from '../src/compat.js';

let sandbox: Sandbox;
let dataDirectory: string;
let balena: BalenaSdkCompat;
let fleet: { id: number; slug: string };
let deviceUuid: string;
let releaseCommit: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  dataDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'balena-ts-compat-'));
  balena = getSdk({ apiUrl: sandbox.url, dataDirectory });
  await balena.auth.loginWithToken(sandbox.superuser.token);
  fleet = await balena.models.application.create({
    name: `compat-${process.pid}`,
    deviceType: 'raspberrypi4-64',
    organization: sandbox.superuser.username,
  });
  const [seeded] = await sandbox.seedDevices({ application: fleet.id, count: 1 });
  deviceUuid = seeded?.uuid ?? '';
  releaseCommit = (await sandbox.seedRelease({ application: fleet.id })).commit;
});

afterAll(async () => {
  await sandbox?.close();
  fs.rmSync(dataDirectory, { recursive: true, force: true });
});

async function rejection(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected a rejection');
}

describe('getSdk / setSharedOptions / fromSharedOptions', () => {
  test('fromSharedOptions() builds an SDK from the shared options', async () => {
    setSharedOptions({ apiUrl: sandbox.url, dataDirectory: false });
    const shared = fromSharedOptions();
    expect(await shared.auth.isLoggedIn()).toBe(false);
    await shared.auth.loginWithToken(sandbox.superuser.token);
    expect(await shared.auth.isLoggedIn()).toBe(true);
  });
});

describe('auth', () => {
  test('balena.auth.login(credentials) with email and password, then whoami and getUserInfo', async () => {
    const sdk = getSdk({ apiUrl: sandbox.url, dataDirectory: false });
    await sdk.auth.login({ email: sandbox.superuser.email, password: sandbox.superuser.password });
    expect(await sdk.auth.isLoggedIn()).toBe(true);
    const userInfo = await sdk.auth.getUserInfo();
    expect(userInfo.email).toBe(sandbox.superuser.email);
    expect(await sdk.auth.getActorId()).toBeTypeOf('number');
    await sdk.auth.logout();
    expect(await sdk.auth.isLoggedIn()).toBe(false);
  });

  test('a wrong password is BalenaInvalidLoginCredentials; a call logged out is BalenaNotLoggedIn', async () => {
    const sdk = getSdk({ apiUrl: sandbox.url, dataDirectory: false });
    const wrong = await rejection(sdk.auth.login({ email: sandbox.superuser.email, password: 'not-it' }));
    expect(wrong.code).toBe('BalenaInvalidLoginCredentials');
    expect(wrong).toBeInstanceOf(sdk.errors.BalenaInvalidLoginCredentials);
    const notLoggedIn = await rejection(sdk.auth.getUserInfo());
    expect(notLoggedIn.code).toBe('BalenaNotLoggedIn');
    expect(notLoggedIn.message).toBe('You have to log in');
    expect(notLoggedIn).toBeInstanceOf(sdk.errors.BalenaNotLoggedIn);
  });

  test('balena.auth.twoFactor.isEnabled() and isPassed()', async () => {
    expect(await balena.auth.twoFactor.isEnabled()).toBe(false);
    expect(await balena.auth.twoFactor.isPassed()).toBe(true);
  });
});

describe('models.application', () => {
  test('get by slug and by id, getAll, has', async () => {
    const bySlug = await balena.models.application.get(fleet.slug);
    expect(bySlug.id).toBe(fleet.id);
    expect((await balena.models.application.get(fleet.id)).slug).toBe(fleet.slug);
    expect((await balena.models.application.getAll()).map((row) => row.id)).toContain(fleet.id);
    expect(await balena.models.application.has(fleet.slug)).toBe(true);
    expect(await balena.models.application.has('nobody/nothing-here')).toBe(false);
  });

  test("getAll and get reach public applications, unless the context is 'directly_accessible'", async () => {
    const all = await balena.models.application.getAll({ $select: ['id', 'app_name', 'is_public'] });
    const names = all.map((row) => row.app_name);
    expect(names).toEqual([...names].sort((left, right) => (left < right ? -1 : left > right ? 1 : 0)));
    const publicApp = all.find((row) => row.is_public);
    expect(publicApp).toBeDefined();
    expect(all.map((row) => row.id)).toContain(fleet.id);
    const direct = await balena.models.application.getAll({ $select: ['id', 'is_public'] }, 'directly_accessible');
    expect(direct.map((row) => row.id)).toContain(fleet.id);
    expect(direct.some((row) => row.is_public)).toBe(false);
    const publicId = publicApp?.id ?? 0;
    expect((await balena.models.application.get(publicId, { $select: 'id' })).id).toBe(publicId);
    const error = await rejection(balena.models.application.get(publicId, {}, 'directly_accessible'));
    expect(error.code).toBe('BalenaApplicationNotFound');
    expect(error.message).toBe(`Application not found: ${publicId}`);
    expect((await balena.models.application.get(fleet.id, { $select: 'id' }, 'directly_accessible')).id).toBe(fleet.id);
  });

  test('a missing fleet is BalenaApplicationNotFound, one error with both names', async () => {
    const error = await rejection(balena.models.application.get('nobody/nothing-here'));
    expect(error.code).toBe('BalenaApplicationNotFound');
    expect(error.name).toBe('BalenaApplicationNotFound');
    expect(error.message).toBe('Application not found: nobody/nothing-here');
    expect(error.application).toBe('nobody/nothing-here');
    expect(error).toBeInstanceOf(balena.errors.BalenaApplicationNotFound);
    expect(error).toBeInstanceOf(balena.errors.BalenaError);
    // balena-ts's own field is still there.
    expect(error.value).toBe('nobody/nothing-here');
  });

  test("envVar.set / get / getAllByApplication / remove ('myorganization/myapp', 'VAR', 'newvalue')", async () => {
    await balena.models.application.envVar.set(fleet.slug, 'VAR', 'newvalue');
    expect(await balena.models.application.envVar.get(fleet.slug, 'VAR')).toBe('newvalue');
    const vars = await balena.models.application.envVar.getAllByApplication(fleet.id);
    expect(vars.map((row) => [row.name, row.value])).toEqual([['VAR', 'newvalue']]);
    await balena.models.application.envVar.remove(fleet.slug, 'VAR');
    expect(await balena.models.application.envVar.get(fleet.slug, 'VAR')).toBeUndefined();
  });

  test("configVar.set(999999-style id, 'BALENA_VAR', 'newvalue') and get", async () => {
    await balena.models.application.configVar.set(fleet.id, 'BALENA_VAR', 'newvalue');
    expect(await balena.models.application.configVar.get(fleet.id, 'BALENA_VAR')).toBe('newvalue');
  });

  test("tags.set('myorganization/myapp', 'EDITOR', 'vim'), getAllByApplication, remove", async () => {
    await balena.models.application.tags.set(fleet.slug, 'EDITOR', 'vim');
    const tags = await balena.models.application.tags.getAllByApplication(fleet.slug);
    expect(tags.map((tag) => [tag.tag_key, tag.value])).toEqual([['EDITOR', 'vim']]);
    await balena.models.application.tags.remove(fleet.slug, 'EDITOR');
    expect(await balena.models.application.tags.getAllByApplication(fleet.slug)).toEqual([]);
  });
});

describe('models.device', () => {
  test('get(uuid), getName, getAllByApplication, has', async () => {
    const row = await balena.models.device.get(deviceUuid);
    expect(row.uuid).toBe(deviceUuid);
    expect(await balena.models.device.getName(deviceUuid)).toBe(row.device_name);
    expect((await balena.models.device.getAllByApplication(fleet.slug)).map((d) => d.uuid)).toEqual([deviceUuid]);
    expect(await balena.models.device.has(deviceUuid)).toBe(true);
  });

  test("a missing device is BalenaDeviceNotFound (err.code === 'BalenaDeviceNotFound'), still a DeviceNotFound", async () => {
    const missing = '7cf02a69e4d34c9da573914963cf54fd';
    const error = await rejection(balena.models.device.get(missing));
    expect(error.code).toBe('BalenaDeviceNotFound');
    expect(error.message).toBe(`Device not found: ${missing}`);
    expect(error.device).toBe(missing);
    expect(error).toBeInstanceOf(balena.errors.BalenaDeviceNotFound);
    expect(error).toBeInstanceOf(DeviceNotFound);
  });

  test('a bad argument is BalenaInvalidParameterError with parameterName and suppliedValue', async () => {
    const error = await rejection(balena.models.device.rename(deviceUuid, 42 as unknown as string));
    expect(error.code).toBe('BalenaInvalidParameterError');
    expect(error).toBeInstanceOf(balena.errors.BalenaInvalidParameterError);
    expect(error).toBeInstanceOf(InvalidParameter);
    expect(error.suppliedValue).toBe(42);
    expect(error.message).toMatch(/^Invalid parameter: 42 is not a valid value for parameter '/);
  });

  test("envVar.set('7cf02a6...', 'EDITOR', 'vim'), get, getAllByDevice, remove", async () => {
    await balena.models.device.envVar.set(deviceUuid, 'EDITOR', 'vim');
    expect(await balena.models.device.envVar.get(deviceUuid, 'EDITOR')).toBe('vim');
    const vars = await balena.models.device.envVar.getAllByDevice(deviceUuid);
    expect(vars.map((row) => [row.name, row.value])).toEqual([['EDITOR', 'vim']]);
    await balena.models.device.envVar.remove(deviceUuid, 'EDITOR');
    expect(await balena.models.device.envVar.get(deviceUuid, 'EDITOR')).toBeUndefined();
  });

  test("configVar.set(uuid, 'BALENA_VAR', 'newvalue') and getAllByApplication", async () => {
    await balena.models.device.configVar.set(deviceUuid, 'BALENA_VAR', 'newvalue');
    expect(await balena.models.device.configVar.get(deviceUuid, 'BALENA_VAR')).toBe('newvalue');
    const vars = await balena.models.device.configVar.getAllByApplication(fleet.slug);
    expect(vars.map((row) => row.name)).toContain('BALENA_VAR');
  });

  test("tags.set(uuid, 'EDITOR', 'vim') and getAllByDevice", async () => {
    await balena.models.device.tags.set(deviceUuid, 'EDITOR', 'vim');
    const tags = await balena.models.device.tags.getAllByDevice(deviceUuid);
    expect(tags.map((tag) => [tag.tag_key, tag.value])).toEqual([['EDITOR', 'vim']]);
  });

  test('generateUniqueKey() is a 62-character hex string', () => {
    expect(balena.models.device.generateUniqueKey()).toMatch(/^[0-9a-f]{62}$/);
  });
});

describe('models.device writes', () => {
  test("rename(uuid, 'NewName'), setNote, setCustomLocation, getTargetReleaseHash / pinToRelease / trackApplicationRelease", async () => {
    await balena.models.device.rename(deviceUuid, 'NewName');
    expect(await balena.models.device.getName(deviceUuid)).toBe('NewName');
    await balena.models.device.setNote(deviceUuid, 'My useful note');
    expect((await balena.models.device.get(deviceUuid, { $select: ['note'] })).note).toBe('My useful note');
    await balena.models.device.setCustomLocation(deviceUuid, { latitude: 123, longitude: 456 });
    const located = await balena.models.device.get(deviceUuid, { $select: ['custom_latitude', 'custom_longitude'] });
    expect([located.custom_latitude, located.custom_longitude]).toEqual(['123', '456']);
    await balena.models.device.pinToRelease(deviceUuid, releaseCommit);
    expect(await balena.models.device.getTargetReleaseHash(deviceUuid)).toBe(releaseCommit);
    expect(await balena.models.device.isTrackingApplicationRelease(deviceUuid)).toBe(false);
    await balena.models.device.trackApplicationRelease(deviceUuid);
    expect(await balena.models.device.isTrackingApplicationRelease(deviceUuid)).toBe(true);
  });

  test('getLocalIPAddresses of an offline device is refused, as on balena-sdk', async () => {
    const error = await rejection(balena.models.device.getLocalIPAddresses(deviceUuid));
    expect(error.message).toMatch(/offline/i);
  });

  test('getApplicationName(uuid) and getDashboardUrl(uuid)', async () => {
    expect(await balena.models.device.getApplicationName(deviceUuid)).toBe(fleet.slug.split('/')[1]);
    expect(balena.models.device.getDashboardUrl(deviceUuid)).toContain(`/devices/${deviceUuid}/summary`);
  });

  test('getDashboardUrl of a bad uuid throws (synchronously, as balena-sdk) BalenaInvalidParameterError', () => {
    expect(() => balena.models.device.getDashboardUrl({} as unknown as string)).toThrowError(
      expect.objectContaining({ code: 'BalenaInvalidParameterError' }),
    );
  });
});

describe('models.application writes', () => {
  test('pinToRelease(slug, commit), isTrackingLatestRelease, trackLatestRelease, getTargetReleaseHash', async () => {
    await balena.models.application.pinToRelease(fleet.slug, releaseCommit);
    expect(await balena.models.application.getTargetReleaseHash(fleet.slug)).toBe(releaseCommit);
    expect(await balena.models.application.isTrackingLatestRelease(fleet.slug)).toBe(false);
    await balena.models.application.trackLatestRelease(fleet.slug);
    expect(await balena.models.application.isTrackingLatestRelease(fleet.slug)).toBe(true);
  });

  test('create({ name, deviceType, organization }) of an unknown device type is refused', async () => {
    const error = await rejection(
      balena.models.application.create({
        name: 'compat-bad',
        deviceType: 'no-such-board',
        organization: fleet.slug.split('/')[0] as string,
      }),
    );
    expect(error.code).toMatch(/^Balena/);
  });
});

describe('models.release', () => {
  test('get(commit), getAllByApplication, tags.set', async () => {
    const row = await balena.models.release.get(releaseCommit);
    expect(row.commit).toBe(releaseCommit);
    expect((await balena.models.release.getAllByApplication(fleet.slug)).map((r) => r.commit)).toContain(releaseCommit);
    await balena.models.release.tags.set(releaseCommit, 'EDITOR', 'vim');
    const tags = await balena.models.release.tags.getAllByRelease(releaseCommit);
    expect(tags.map((tag) => [tag.tag_key, tag.value])).toEqual([['EDITOR', 'vim']]);
  });

  test('a missing release is BalenaReleaseNotFound', async () => {
    const error = await rejection(balena.models.release.get(999_999));
    expect(error.code).toBe('BalenaReleaseNotFound');
    expect(error).toBeInstanceOf(balena.errors.BalenaReleaseNotFound);
  });
});

describe('models.service and models.image', () => {
  test('service.getAllByApplication and image.get of the seeded release', async () => {
    const services = await balena.models.service.getAllByApplication(fleet.slug);
    expect(services.length).toBeGreaterThan(0);
    const release = await balena.models.release.getWithImageDetails(releaseCommit);
    const imageId = release.images[0]?.id;
    expect(imageId).toBeTypeOf('number');
    expect((await balena.models.image.get(imageId as number)).id).toBe(imageId);
  });

  test("service.var.set({ application, service_name }, 'VAR', 'newvalue'), get, getAllByService; device.serviceVar", async () => {
    const [svc] = await balena.models.service.getAllByApplication(fleet.id);
    const serviceId = svc?.id as number;
    await balena.models.service.var.set(serviceId, 'VAR', 'newvalue');
    expect(await balena.models.service.var.get(serviceId, 'VAR')).toBe('newvalue');
    expect((await balena.models.service.var.getAllByService(serviceId)).map((row) => row.name)).toEqual(['VAR']);
    await balena.models.service.var.remove(serviceId, 'VAR');
    expect(await balena.models.service.var.get(serviceId, 'VAR')).toBeUndefined();
    await balena.models.device.serviceVar.set(deviceUuid, serviceId, 'VAR', 'override');
    expect(await balena.models.device.serviceVar.get(deviceUuid, serviceId, 'VAR')).toBe('override');
    await balena.models.device.serviceVar.remove(deviceUuid, serviceId, 'VAR');
    expect(await balena.models.device.serviceVar.get(deviceUuid, serviceId, 'VAR')).toBeUndefined();
  });

  test('a missing image is BalenaImageNotFound', async () => {
    const error = await rejection(balena.models.image.get(999_999));
    expect(error.code).toBe('BalenaImageNotFound');
  });
});

describe('models.key and models.apiKey', () => {
  test("key.create('Main', 'ssh-rsa ...'), getAll, get, remove", async () => {
    const publicKey =
      'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl compat@example.com';
    const created = await balena.models.key.create('Main', publicKey);
    expect(created.title).toBe('Main');
    expect((await balena.models.key.getAll()).map((row) => row.id)).toContain(created.id);
    expect((await balena.models.key.get(created.id)).public_key).toBe(publicKey);
    await balena.models.key.remove(created.id);
    const error = await rejection(balena.models.key.get(created.id));
    expect(error.code).toBe('BalenaKeyNotFound');
  });

  test('apiKey.create({ name, description }) returns the key; getAllNamedUserApiKeys lists it; update; revoke', async () => {
    const key = await balena.models.apiKey.create({ name: 'compat-key', description: 'from compat' });
    expect(key).toBeTypeOf('string');
    const named = await balena.models.apiKey.getAllNamedUserApiKeys();
    const row = named.find((entry) => entry.name === 'compat-key');
    expect(row).toBeDefined();
    await balena.models.apiKey.update(row?.id as number, { description: 'updated description' });
    const updated = (await balena.models.apiKey.getAllNamedUserApiKeys()).find((entry) => entry.id === row?.id);
    expect(updated?.description).toBe('updated description');
    await balena.models.apiKey.revoke(row?.id as number);
    expect((await balena.models.apiKey.getAllNamedUserApiKeys()).map((entry) => entry.id)).not.toContain(row?.id);
  });
});

describe('models.config and models.os', () => {
  test('config.getAll() and getDeviceTypes()', async () => {
    const config = await balena.models.config.getAll();
    // balena-sdk deletes `deviceTypes` from /config's answer; getDeviceTypes() reads them.
    expect(config).not.toHaveProperty('deviceTypes');
    expect(config).toHaveProperty('deployment');
    const deviceTypes = await balena.models.config.getDeviceTypes();
    expect(deviceTypes.map((type) => type.slug)).toContain('raspberrypi4-64');
  });

  test("config.getDeviceTypeManifestBySlug('raspberry-pi') of an unknown slug is BalenaInvalidDeviceType", async () => {
    const manifest = await balena.models.config.getDeviceTypeManifestBySlug('raspberrypi4-64');
    expect(manifest.slug).toBe('raspberrypi4-64');
    const error = await rejection(balena.models.config.getDeviceTypeManifestBySlug('no-such-board'));
    expect(error.code).toMatch(/^Balena/);
  });

  test("os.isArchitectureCompatibleWith('aarch64', 'armv7hf') and not the other way round", () => {
    expect(balena.models.os.isArchitectureCompatibleWith('aarch64', 'armv7hf')).toBe(true);
    expect(balena.models.os.isArchitectureCompatibleWith('armv7hf', 'aarch64')).toBe(false);
    expect(balena.models.os.isArchitectureCompatibleWith('amd64', 'amd64')).toBe(true);
  });

  test("os.getConfig(fleet, { version: '2.12.7+rev1.prod' }) returns the fleet's config", async () => {
    const config = await balena.models.os.getConfig(fleet.slug, { version: '2.12.7+rev1.prod' });
    expect(config).toHaveProperty('applicationId', fleet.id);
  });
});

describe('models.billing and models.creditBundle', () => {
  test('billing.getPlan(orgId), getAccount of a free organization, creditBundle.getAllByOrg(orgId)', async () => {
    const org = sandbox.superuser.username;
    const plan = await balena.models.billing.getPlan(org);
    expect(plan.billing.totalCostCents).toBe('0');
    // A free organization has no billing account: balena answers 404, a BalenaRequestError.
    const error = await rejection(balena.models.billing.getAccount(org));
    expect(error.code).toBe('BalenaRequestError');
    expect(error.statusCode).toBe(404);
    expect(error).toBeInstanceOf(balena.errors.BalenaRequestError);
    expect(Array.isArray(await balena.models.creditBundle.getAllByOrg(org))).toBe(true);
  });
});

describe('logs, settings, pine, utils', () => {
  test("logs.history(uuid) resolves to lines; logs.subscribe(uuid) to an emitter with 'line' and unsubscribe", async () => {
    expect(Array.isArray(await balena.logs.history(deviceUuid))).toBe(true);
    const subscription = await balena.logs.subscribe(deviceUuid);
    const lines: unknown[] = [];
    subscription.on('line', (line: never) => lines.push(line));
    subscription.unsubscribe();
    expect(lines).toEqual([]);
  });

  test('a bad device to logs.history is BalenaInvalidParameterError', async () => {
    const error = await rejection(balena.logs.history({} as unknown as string));
    expect(error.code).toBe('BalenaInvalidParameterError');
  });

  test("settings.get('apiUrl') and getAll()", async () => {
    const apiUrl = await balena.settings.get('apiUrl');
    expect(String(apiUrl).replace(/\/$/, '')).toBe(sandbox.url.replace(/\/$/, ''));
    const all = await balena.settings.getAll();
    expect(all).toHaveProperty('apiUrl', apiUrl);
    expect(all).toHaveProperty('dataDirectory', dataDirectory);
  });

  test("pine.get({ resource: 'application', id }) reads a row", async () => {
    const row = await balena.pine.get<{ id: number; app_name: string }>({
      resource: 'application',
      id: fleet.id,
      options: { $select: ['id', 'app_name'] },
    });
    expect(row?.id).toBe(fleet.id);
  });

  test('utils.mergePineOptions merges $select lists', () => {
    expect(balena.utils.mergePineOptions({ $select: ['id'] }, { $select: ['name'] })).toEqual({
      $select: ['id', 'name'],
    });
  });

  test("request.send({ method: 'GET', url: '/config' }) answers statusCode and body", async () => {
    const response = await balena.request.send({ method: 'GET', url: '/config' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toHaveProperty('deployment');
    expect(response.headers['content-type']).toMatch(/json/);
  });

  test('request.send of a missing resource is a BalenaRequestError with statusCode', async () => {
    const error = await rejection(balena.request.send({ url: '/v7/no_such_resource' }));
    expect(error.code).toBe('BalenaRequestError');
    expect(error.statusCode).toBe(error.status);
    expect(error.statusCode).toBeGreaterThanOrEqual(400);
    expect(String(error.message)).toMatch(/^Request error: /);
  });

  test('interceptors: a request interceptor adds a header, response and responseError observe', async () => {
    const sdk = getSdk({ apiUrl: sandbox.url, dataDirectory: false });
    await sdk.auth.loginWithToken(sandbox.superuser.token);
    const seen: string[] = [];
    sdk.interceptors.push({
      request: (options) => ({ ...options, headers: { ...options.headers, 'x-compat': 'yes' } }),
      response: (response) => {
        seen.push(`response ${response.statusCode}`);
        return response;
      },
      responseError: (error) => {
        seen.push(`responseError ${(error as Error & { code?: string }).code}`);
        throw error;
      },
    });
    // A second interceptor sees the headers the first one set, as they are sent.
    sdk.interceptors.push({
      request: (options) => {
        seen.push(`x-compat ${options.headers['x-compat']}`);
        return options;
      },
    });
    expect(await sdk.models.application.has(fleet.slug)).toBe(true);
    expect(seen).toContain('x-compat yes');
    expect(seen).toContain('response 200');
    const error = await rejection(sdk.request.send({ url: '/v7/no_such_resource' }));
    expect(error.code).toBe('BalenaRequestError');
    expect(seen.some((entry) => entry.startsWith('responseError BalenaRequestError'))).toBe(true);
    sdk.interceptors = [];
    seen.length = 0;
    await sdk.models.application.has(fleet.slug);
    expect(seen).toEqual([]);
  });

  test('version is a string', () => {
    expect(balena.version).toBeTypeOf('string');
  });
});
