import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApplicationNotFound, createMemoryStorage, NotLoggedIn } from '@balena-ts/core';
import * as application from '@balena-ts/models/application';
import * as device from '@balena-ts/models/device';
import { type Sandbox, startSandbox } from '@balena-ts/sandbox';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Balena, createBalena } from '../src/index.js';
import { PLATFORM as BROWSER_PLATFORM } from '../src/platform-browser.js';

let sandbox: Sandbox;
let dataDirectory: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  dataDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'balena-ts-sdk-'));
});

afterAll(async () => {
  await sandbox?.close();
  fs.rmSync(dataDirectory, { recursive: true, force: true });
});

function newBalena(): Balena {
  return new Balena({ apiUrl: sandbox.url, dataDirectory, retry: false });
}

describe('new Balena() in Node', () => {
  test("logs in and keeps the token in <dataDirectory>, under the API's own key", async () => {
    const balena = newBalena();
    await balena.auth.login({ username: sandbox.superuser.email, password: sandbox.superuser.password });
    expect(await balena.auth.isLoggedIn()).toBe(true);
    expect(await balena.auth.whoAmI()).toBe(sandbox.superuser.username);
    // The CLI's `token` file is balenaCloud's (or the CLI's configured API's), never a sandbox's.
    expect(fs.existsSync(path.join(dataDirectory, 'token'))).toBe(false);
    const [file] = fs.readdirSync(dataDirectory).filter((name) => name.startsWith('balena-ts.token%40'));
    expect(file).toBe(`balena-ts.token%40${encodeURIComponent(sandbox.url).toLowerCase().replaceAll('.', '%2e')}`);
    const token = fs.readFileSync(path.join(dataDirectory, file ?? ''), 'utf8').trim();
    expect(token).toBe(await balena.auth.getToken());

    // A second instance on the same data directory picks the session up.
    expect(await newBalena().auth.getUserId()).toBe(sandbox.superuser.id);
  });

  test('gives the same results as the module functions with the same client', async () => {
    const balena = newBalena();
    await balena.auth.loginWithToken(sandbox.superuser.token);
    const created = await balena.models.application.create(`sdk-fleet-${process.pid}`, 'raspberrypi4-64');
    const uuid = balena.models.device.generateUuid();
    await balena.models.device.register(created.id, uuid);

    expect(await balena.models.application.get(created.id)).toEqual(await application.get(balena.client, created.id));
    const facadeDevice = await balena.models.device.get(uuid);
    expect(facadeDevice).toEqual(await device.get(balena.client, uuid));
    expect(facadeDevice.uuid).toBe(uuid);
    expect((await balena.models.device.getAllByApplication(created.id)).map((row) => row.uuid)).toEqual([uuid]);
  });

  test('writes through the nested paths of the tree', async () => {
    const balena = newBalena();
    await balena.auth.loginWithToken(sandbox.superuser.token);
    const fleet = await balena.models.application.create(`sdk-tree-${process.pid}`, 'raspberrypi4-64');
    await balena.models.environmentVariables.application.create(fleet.id, 'GREETING', 'hello');
    await balena.models.configVariable.applicationConfigVariable.create(fleet.id, 'BALENA_HOST_CONFIG_gpu_mem', '64');
    await balena.models.tag.application.set(fleet.id, 'team', 'blue');

    const variables = await balena.models.environmentVariables.application.getAllByApplication(fleet.id);
    expect(variables.map((row) => [row.name, row.value])).toEqual([['GREETING', 'hello']]);
    expect(
      await balena.models.configVariable.applicationConfigVariable.get(fleet.id, 'BALENA_HOST_CONFIG_gpu_mem'),
    ).toBe('64');
    expect(await balena.models.tag.application.get(fleet.id, 'team')).toBe('blue');
    expect(balena.models.environmentVariables.application.isSystemVariable('BALENA_API_KEY')).toBe(true);
  });

  test("lets the module's errors through unchanged", async () => {
    const balena = newBalena();
    await balena.auth.loginWithToken(sandbox.superuser.token);
    const error = await balena.models.application.get('nobody/no-such-fleet').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApplicationNotFound);
    expect((error as ApplicationNotFound).code).toBe('ApplicationNotFound');
  });

  test('settings come from the options and the platform, through the five settings functions', async () => {
    const balena = newBalena();
    expect(await balena.settings.get('api_endpoint')).toBe(sandbox.url);
    expect(await balena.settings.get('data_directory')).toBe(dataDirectory);
    expect(await balena.settings.has('api_endpoint')).toBe(true);
    const all = await balena.settings.getAll();
    expect(all.api_endpoint).toBe(sandbox.url);
  });

  test('each instance has its own client and session', async () => {
    const first = new Balena({ apiUrl: sandbox.url, storage: createMemoryStorage(), retry: false });
    const second = new Balena({ apiUrl: sandbox.url, storage: createMemoryStorage(), retry: false });
    await first.auth.loginWithToken(sandbox.superuser.token);
    expect(first.client).not.toBe(second.client);
    expect(await first.auth.isLoggedIn()).toBe(true);
    expect(await second.auth.isLoggedIn()).toBe(false);
    await expect(second.auth.getToken()).rejects.toBeInstanceOf(NotLoggedIn);
  });

  test('exposes the client, pine and request for low-level calls', async () => {
    const balena = new Balena({ apiUrl: sandbox.url, storage: createMemoryStorage(), retry: false });
    await balena.auth.loginWithToken(sandbox.superuser.token);
    expect(balena.pine).toBe(balena.client.pine);
    expect(balena.request).toBe(balena.client.request);
    const types = await balena.pine.get<{ slug: string }[]>({
      resource: 'device_type',
      options: { $select: 'slug', $filter: { slug: 'raspberrypi4-64' } },
    });
    expect(types).toEqual([{ slug: 'raspberrypi4-64' }]);
  });

  test('withOptions gives the same tree bound to a derived client: its headers, signal and session', async () => {
    const seen: (string | null)[] = [];
    const balena = new Balena({
      apiUrl: sandbox.url,
      storage: createMemoryStorage(),
      retry: false,
      hooks: { onRequest: ({ headers }) => void seen.push(headers.get('x-request-id')) },
    });
    await balena.auth.loginWithToken(sandbox.superuser.token);
    const tagged = balena.withOptions({ headers: { 'X-Request-Id': 'call-1' } });
    expect(await tagged.auth.whoAmI()).toBe(sandbox.superuser.username);
    await balena.auth.whoAmI();
    expect(seen).toEqual(['call-1', null]);
    expect(tagged.client.tokens).toBe(balena.client.tokens);
    expect(Object.isFrozen(tagged.models.device)).toBe(true);

    const controller = new AbortController();
    controller.abort(new Error('cancelled by the test'));
    const cancelled = balena.withOptions({ signal: controller.signal });
    expect(cancelled.client.signal).toBe(controller.signal);
    const before = seen.length;
    await expect(cancelled.models.application.getAll()).rejects.toThrow('cancelled by the test');
    // Nothing was sent: no hook ran.
    expect(seen.length).toBe(before);
    // Derived again: both signals apply.
    expect(balena.withOptions({ retry: 0 }).withOptions({ signal: controller.signal }).client.signal?.aborted).toBe(
      true,
    );
  });

  test('freezes the tree, so that it cannot be patched by accident', () => {
    const balena = newBalena();
    expect(Object.isFrozen(balena.models)).toBe(true);
    expect(Object.isFrozen(balena.models.device)).toBe(true);
    expect(Object.isFrozen(balena.models.environmentVariables)).toBe(true);
    expect(() => {
      (balena.models.device as unknown as Record<string, unknown>).get = () => undefined;
    }).toThrow(TypeError);
  });

  test('can be subclassed with helpers of your own', async () => {
    class MyBalena extends Balena {
      readonly label = 'mine';
      async deviceNames(fleet: number): Promise<string[]> {
        const devices = await this.models.device.getAllByApplication(fleet, { $select: 'device_name' });
        return devices.map((device) => device.device_name);
      }
    }
    const balena = new MyBalena({ apiUrl: sandbox.url, storage: createMemoryStorage(), retry: false });
    await balena.auth.loginWithToken(sandbox.superuser.token);
    const fleet = await balena.models.application.create(`sdk-subclass-${process.pid}`, 'raspberrypi4-64');
    expect(balena).toBeInstanceOf(Balena);
    expect(balena.label).toBe('mine');
    expect(await balena.deviceNames(fleet.id)).toEqual([]);
  });
});

describe('the browser platform (`#platform` under the `browser` condition)', () => {
  test('works without localStorage (in memory) and logs in the same way', async () => {
    const balena = createBalena(BROWSER_PLATFORM, { apiUrl: sandbox.url, retry: false });
    await balena.auth.login({ username: sandbox.superuser.email, password: sandbox.superuser.password });
    expect(await balena.auth.whoAmI()).toBe(sandbox.superuser.username);
    expect(typeof balena.models.device.getAll).toBe('function');
  });
});
