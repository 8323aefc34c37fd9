// What the supervisor functions decide before and after they send: which supervisor versions they
// accept, what their refusals say, how long a container action may take, which errors become
// SupervisorLocked or DeviceOffline, and how the BALENA_* environment is read.
import {
  type Client,
  createClient,
  DeviceOffline,
  InvalidOption,
  InvalidParameter,
  NotLoggedIn,
  NotSupported,
  RequestError,
  SupervisorLocked,
  TimeoutError,
} from '@balena-ts/core';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import {
  blink,
  configureSupervisor,
  forceApiEndpoint,
  getApplicationInfo,
  getDeviceState,
  ping,
  purge,
  reboot,
  regenerateSupervisorApiKey,
  restart,
  restartService,
  shutdown,
  startApplication,
  startService,
  stopService,
  update,
} from '../src/index.js';
import { type SupervisorFixture, startSupervisorFixture } from './support/supervisor-sandbox.js';

const ENV_NAMES = ['BALENA_SUPERVISOR_ADDRESS', 'BALENA_SUPERVISOR_API_KEY', 'BALENA_APP_ID', 'BALENA_DEVICE_UUID'];

let fixture: SupervisorFixture;
let client: Client;

beforeAll(async () => {
  fixture = await startSupervisorFixture(1);
  client = await fixture.apiClient();
});

afterAll(async () => {
  await fixture?.close();
});

afterEach(() => {
  for (const name of ENV_NAMES) delete process.env[name];
  fixture.sandbox.faults.clear();
});

async function setSupervisorVersion(version: string | null): Promise<void> {
  const response = await fetch(`${fixture.sandbox.url}/v7/device(${fixture.devices[0]!.id})`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${fixture.sandbox.superuser.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ supervisor_version: version }),
  });
  expect(response.ok).toBe(true);
}

describe("the device's supervisor version, through the proxy", () => {
  afterAll(async () => {
    await setSupervisorVersion('17.0.0');
  });

  // The service actions need 7.0.0: the first part that differs decides, missing parts are 0, and
  // the version is found inside whatever text surrounds it.
  test.each([
    { version: '7.0.0', accepted: true },
    { version: '7', accepted: true },
    { version: '10.0.0', accepted: true },
    { version: 'v7.0.1_logstream', accepted: true },
    { version: '6.99.99', accepted: false },
    { version: '6', accepted: false },
    { version: 'v6.6.0', accepted: false },
    { version: 'unknown', accepted: false },
  ])('startService with supervisor $version: accepted $accepted', async ({ version, accepted }) => {
    await setSupervisorVersion(version);
    const outcome = startService(client, fixture.devices[0]!.uuid, fixture.imageId);
    if (accepted) expect(await outcome).toBe('OK');
    else await expect(outcome).rejects.toBeInstanceOf(NotSupported);
  });

  test('the refusal names the version, the device, the function and the minimum', async () => {
    await setSupervisorVersion('6.6.0');
    const device = fixture.devices[0]!;
    await expect(startService(client, device.uuid, fixture.imageId)).rejects.toThrow(
      `Incompatible supervisor version 6.6.0 on ${device.uuid}: startService() needs 7.0.0 or later`,
    );
  });

  test('an unknown version is left to the supervisor to judge', async () => {
    await setSupervisorVersion(null);
    expect(await startService(client, fixture.devices[0]!.uuid, fixture.imageId)).toBe('OK');
  });

  test('the single-container calls need 1.8.0', async () => {
    const { uuid } = fixture.devices[0]!;
    await setSupervisorVersion('1.7.9');
    await expect(getApplicationInfo(client, fixture.applicationId, uuid)).rejects.toThrow(
      `Incompatible supervisor version 1.7.9 on ${uuid}: getApplicationInfo() needs 1.8.0 or later`,
    );
    await setSupervisorVersion('1.8.0');
    expect((await getApplicationInfo(client, fixture.applicationId, uuid)).appId).toBe(fixture.applicationId);
    // Parts compare as numbers, each with all its digits: 1.10.0 is newer than 1.8.0.
    await setSupervisorVersion('1.10.0');
    expect((await getApplicationInfo(client, fixture.applicationId, uuid)).appId).toBe(fixture.applicationId);
  });
});

describe('refusals before anything is sent', () => {
  const imageId = () => fixture.imageId;
  test.each([
    { name: 'blink', call: (c: Client) => blink(c) },
    { name: 'getDeviceState', call: (c: Client) => getDeviceState(c) },
    { name: 'ping', call: (c: Client) => ping(c) },
    { name: 'purge', call: (c: Client) => purge(c) },
    { name: 'reboot', call: (c: Client) => reboot(c) },
    { name: 'regenerateSupervisorApiKey', call: (c: Client) => regenerateSupervisorApiKey(c) },
    { name: 'restart', call: (c: Client) => restart(c) },
    { name: 'shutdown', call: (c: Client) => shutdown(c) },
    { name: 'update', call: (c: Client) => update(c) },
    { name: 'restartService', call: (c: Client) => restartService(c, undefined, imageId()) },
    { name: 'startService', call: (c: Client) => startService(c, undefined, imageId()) },
    { name: 'stopService', call: (c: Client) => stopService(c, undefined, imageId()) },
  ])('$name names itself when the proxy lacks its device', async ({ name, call }) => {
    await expect(call(client)).rejects.toThrow(
      `${name}() needs a deviceUuid when it goes through the API's supervisor proxy`,
    );
  });

  test('on the device, the calls whose path or body holds the app id need one', async () => {
    const device = fixture.devices[0]!;
    const local = createClient({ apiUrl: 'http://127.0.0.1:1', retry: 0 });
    configureSupervisor(local, {
      localSupervisor: { address: device.supervisorUrl, apiKey: device.supervisorApiKey },
    });
    const before = fixture.sandbox.requestCount();
    await expect(purge(local)).rejects.toThrow('purge() needs an appId (or BALENA_APP_ID) on the device');
    await expect(stopService(local, undefined, fixture.imageId)).rejects.toThrow(
      'stopService() needs an appId (or BALENA_APP_ID) on the device',
    );
    expect(fixture.sandbox.requestCount()).toBe(before);
    expect(await ping(local)).toBe('OK');
  });

  test('a bad argument is named', async () => {
    const { uuid } = fixture.devices[0]!;
    const appId = fixture.applicationId;
    const parameterOf = (work: Promise<unknown>) =>
      work.then(
        () => undefined,
        (error: unknown) => (error instanceof InvalidParameter ? [error.parameter, error.message] : error),
      );
    expect(await parameterOf(ping(client, 'short', appId))).toEqual(['deviceUuid', expect.any(String)]);
    expect(await parameterOf(ping(client, uuid, 'nine'))).toEqual(['appId', expect.any(String)]);
    expect(await parameterOf(update(client, uuid, appId, 1 as unknown as boolean))).toEqual([
      'force',
      expect.stringContaining('expected a boolean'),
    ]);
    expect(await parameterOf(stopService(client, uuid, -1))).toEqual([
      'imageId',
      expect.stringContaining('expected a positive integer'),
    ]);
    const refused = (() => {
      try {
        configureSupervisor(client, 5 as never);
      } catch (error) {
        return error;
      }
    })();
    expect((refused as InvalidParameter).parameter).toBe('options');
  });

  test('through the proxy, each missing argument is named with the function', async () => {
    const { uuid } = fixture.devices[0]!;
    await expect(ping(client)).rejects.toThrow(
      "ping() needs a deviceUuid when it goes through the API's supervisor proxy",
    );
    await expect(ping(client, uuid)).rejects.toThrow(
      "ping() needs an appId when it goes through the API's supervisor proxy",
    );
    // null reads as left out, as in the Python SDK reference.
    await expect(ping(client, uuid, null as unknown as number)).rejects.toBeInstanceOf(InvalidOption);
    await expect(ping(client, null as unknown as string, fixture.applicationId)).rejects.toBeInstanceOf(InvalidOption);
  });

  test('an app id the device does not belong to is named', async () => {
    const other = await fixture.sandbox.seedApplication({ name: 'not-this-one' });
    const { uuid } = fixture.devices[0]!;
    await expect(ping(client, uuid, other.id)).rejects.toThrow(
      `Device ${uuid} does not belong to application ${other.id}`,
    );
  });

  test('a null force reads as false', async () => {
    const { uuid } = fixture.devices[0]!;
    expect(await update(client, uuid, fixture.applicationId, null as unknown as boolean)).toBeUndefined();
  });

  test('an image id must be a positive safe integer', async () => {
    const { uuid } = fixture.devices[0]!;
    for (const imageId of [-1, 1.5, Number.MAX_SAFE_INTEGER + 1, '7' as unknown as number]) {
      await expect(stopService(client, uuid, imageId)).rejects.toBeInstanceOf(InvalidParameter);
    }
  });

  test('configureSupervisor says what it refuses', () => {
    const local = createClient({ apiUrl: 'http://127.0.0.1:1' });
    expect(() => configureSupervisor(local, { endpoint: 'everywhere' as 'api' })).toThrow(
      'Unknown supervisor endpoint: everywhere (expected auto, device or api)',
    );
    expect(() => configureSupervisor(local, { endpoint: 7 as unknown as 'api' })).toThrow(
      'Unknown supervisor endpoint: a value of type number (expected auto, device or api)',
    );
    expect(() =>
      configureSupervisor(local, {
        localSupervisor: { address: 'http://127.0.0.1:1', apiKey: 5 as unknown as string },
      }),
    ).toThrow('localSupervisor needs an address and an apiKey');
    expect(() => configureSupervisor(local, { onDeprecation: 'no' as unknown as () => void })).toThrow(
      'onDeprecation must be a function',
    );
    expect(() => forceApiEndpoint(local, 1 as unknown as boolean)).toThrow(
      'forceApiEndpoint(endpoint) takes a boolean',
    );
  });

  test("endpoint 'device' without a local supervisor says how to configure one", async () => {
    const local = createClient({ apiUrl: 'http://127.0.0.1:1', retry: 0 });
    configureSupervisor(local, { endpoint: 'device' });
    await expect(ping(local)).rejects.toThrow(
      'The supervisor endpoint is forced to the device, but no local supervisor is configured ' +
        '(BALENA_SUPERVISOR_ADDRESS and BALENA_SUPERVISOR_API_KEY, or configureSupervisor)',
    );
  });
});

describe('how long a call may take', () => {
  // A client that gives up after 300 ms; the proxy answers only after 600 ms.
  async function slowProxy(path: string): Promise<Client> {
    const impatient = createClient({ apiUrl: fixture.sandbox.url, retry: 0, timeout: 300 });
    await impatient.tokens.set(fixture.sandbox.superuser.token);
    configureSupervisor(impatient, { endpoint: 'api', onDeprecation: () => undefined });
    fixture.sandbox.faults.add({ method: 'POST', path, kind: 'delay', delayMs: 600 });
    return impatient;
  }

  test('container actions wait longer than the client timeout; other calls do not', async () => {
    const { uuid } = fixture.devices[0]!;
    const appId = fixture.applicationId;
    expect(await restart(await slowProxy('/supervisor/v1/restart'), appId, uuid)).toBe('OK');
    expect(
      await restartService(
        await slowProxy(`/supervisor/v2/applications/${appId}/restart-service`),
        uuid,
        fixture.imageId,
      ),
    ).toBe('OK');
    const started = await startApplication(await slowProxy(`/supervisor/v1/apps/${appId}/start`), appId, uuid);
    expect(typeof started.containerId).toBe('string');
    await expect(
      getApplicationInfo(await slowProxy(`/supervisor/v1/apps/${appId}`), appId, uuid),
    ).rejects.toBeInstanceOf(TimeoutError);
    await expect(purge(await slowProxy('/supervisor/v1/purge'), appId, uuid)).rejects.toBeInstanceOf(TimeoutError);
  });

  test('on the device too', async () => {
    // A "local supervisor" in front of the sandbox, whose answer to an unknown path is a 404: the
    // call gets that 404 only if it waited past the client's timeout.
    const impatient = createClient({ apiUrl: 'http://127.0.0.1:1', retry: 0, timeout: 300 });
    configureSupervisor(impatient, {
      localSupervisor: { address: `${fixture.sandbox.url}/local`, apiKey: 'key', appId: fixture.applicationId },
    });
    fixture.sandbox.faults.add({ method: 'POST', path: '/local/v1/restart', kind: 'delay', delayMs: 600 });
    await expect(restart(impatient)).rejects.toMatchObject({ status: 404 });
    fixture.sandbox.faults.add({ method: 'POST', path: '/local/v1/purge', kind: 'delay', delayMs: 600 });
    await expect(purge(impatient)).rejects.toBeInstanceOf(TimeoutError);
  });
});

describe('what failures become', () => {
  test('a 423 from a lockable call names the device', async () => {
    const { uuid } = fixture.devices[0]!;
    fixture.sandbox.faults.add({
      method: 'POST',
      path: '/supervisor/v1/purge',
      kind: 'status',
      status: 423,
      body: 'locked',
    });
    await expect(purge(client, fixture.applicationId, uuid)).rejects.toThrow(
      `Supervisor locked: ${uuid} holds an update lock`,
    );
    const device = fixture.devices[0]!;
    device.setLocked(true);
    try {
      const local = await fixture.deviceClient(device);
      const locked = await purge(local).catch((error: unknown) => error);
      expect(locked).toBeInstanceOf(SupervisorLocked);
      expect((locked as Error).message).toBe('Supervisor locked: the local device holds an update lock');
    } finally {
      device.setLocked(false);
    }
  });

  test("DeviceOffline only for the proxy's 404 that says so", async () => {
    const { uuid } = fixture.devices[0]!;
    fixture.sandbox.faults.add({
      method: 'POST',
      path: '/supervisor/ping',
      kind: 'status',
      status: 404,
      body: 'Not here',
    });
    const other = await ping(client, uuid, fixture.applicationId).catch((error: unknown) => error);
    expect(other).not.toBeInstanceOf(DeviceOffline);
    expect(other).toMatchObject({ status: 404 });
    fixture.sandbox.faults.add({
      method: 'POST',
      path: '/supervisor/ping',
      kind: 'status',
      status: 404,
      body: 'no online device(s) found',
    });
    const offline = await ping(client, uuid, fixture.applicationId).catch((error: unknown) => error);
    expect(offline).toBeInstanceOf(DeviceOffline);
    expect((offline as DeviceOffline).message).toBe(`The device is offline: ${uuid}`);
    expect(((offline as DeviceOffline).cause as RequestError).status).toBe(404);
    // From a local supervisor, the same words are only a 404.
    const local = createClient({ apiUrl: 'http://127.0.0.1:1', retry: 0 });
    configureSupervisor(local, { localSupervisor: { address: `${fixture.sandbox.url}/local`, apiKey: 'key' } });
    fixture.sandbox.faults.add({
      method: 'GET',
      path: '/local/ping',
      kind: 'status',
      status: 404,
      body: 'No online device',
    });
    const plain = await ping(local).catch((error: unknown) => error);
    expect(plain).not.toBeInstanceOf(DeviceOffline);
    expect(plain).toBeInstanceOf(RequestError);
  });

  test('only a 404 means offline', async () => {
    const { uuid } = fixture.devices[0]!;
    fixture.sandbox.faults.add({
      method: 'POST',
      path: '/supervisor/ping',
      kind: 'status',
      status: 500,
      body: 'No online device',
    });
    const failed = await ping(client, uuid, fixture.applicationId).catch((error: unknown) => error);
    expect(failed).not.toBeInstanceOf(DeviceOffline);
    expect(failed).toMatchObject({ status: 500 });
  });

  test('through the proxy, a client without a session is NotLoggedIn', async () => {
    const anonymous = createClient({ apiUrl: fixture.sandbox.url, retry: 0 });
    configureSupervisor(anonymous, { endpoint: 'api' });
    await expect(ping(anonymous, fixture.devices[0]!.uuid, fixture.applicationId)).rejects.toBeInstanceOf(NotLoggedIn);
  });

  test("the local supervisor gets its key, never the client's API token", async () => {
    const device = fixture.devices[0]!;
    const loggedIn = await fixture.apiClient();
    configureSupervisor(loggedIn, {
      endpoint: 'device',
      localSupervisor: { address: device.supervisorUrl, apiKey: device.supervisorApiKey },
    });
    expect(await blink(loggedIn)).toBe('OK');
  });

  test("a local supervisor's 401 is a refused key, not a missing login", async () => {
    const device = fixture.devices[0]!;
    const local = createClient({ apiUrl: 'http://127.0.0.1:1', retry: 0 });
    configureSupervisor(local, { localSupervisor: { address: device.supervisorUrl, apiKey: 'wrong' } });
    // (ping needs no key, as on a real supervisor.)
    const refused = await blink(local).catch((error: unknown) => error);
    expect(refused).not.toBeInstanceOf(NotLoggedIn);
    expect(refused).toBeInstanceOf(RequestError);
    expect((refused as RequestError).status).toBe(401);
  });
});

describe('the device lookup', () => {
  test('reads only the fields it needs', async () => {
    const urls: string[] = [];
    const recording = createClient({
      apiUrl: fixture.sandbox.url,
      retry: 0,
      fetch: (input, init) => {
        urls.push(decodeURIComponent(new Request(input, init).url));
        return fetch(input, init);
      },
    });
    await recording.tokens.set(fixture.sandbox.superuser.token);
    configureSupervisor(recording, { endpoint: 'api' });
    expect(await ping(recording, fixture.devices[0]!.uuid, fixture.applicationId)).toBe('OK');
    const lookup = urls.find((url) => url.includes('/device'))!;
    expect(lookup).toContain('$select=id,uuid,supervisor_version');
    expect(lookup).toContain('$expand=belongs_to__application($select=id)');
  });
});

describe('deprecation notices', () => {
  test('each says what to use instead', async () => {
    // A fresh copy of the module, so that every notice is given again.
    vi.resetModules();
    const fresh = await import('../src/index.js');
    const device = fixture.devices[0]!;
    const local = createClient({ apiUrl: 'http://127.0.0.1:1', retry: 0 });
    const notices: string[] = [];
    fresh.configureSupervisor(local, {
      localSupervisor: { address: device.supervisorUrl, apiKey: device.supervisorApiKey, appId: fixture.applicationId },
      onDeprecation: (message) => notices.push(message),
    });
    await fresh.getApplicationInfo(local);
    await fresh.stopApplication(local);
    await fresh.startApplication(local);
    fresh.forceApiEndpoint(local, true);
    await fresh.regenerateSupervisorApiKey(local);
    expect(notices).toEqual([
      '@balena-ts/supervisor: getApplicationInfo() is deprecated: it describes single-container applications only; use getDeviceState or device service details',
      '@balena-ts/supervisor: stopApplication() is deprecated: it handles single-container applications only; use stopService',
      '@balena-ts/supervisor: startApplication() is deprecated: it handles single-container applications only; use startService',
      "@balena-ts/supervisor: forceApiEndpoint() is deprecated: use configureSupervisor(client, { endpoint: 'device' | 'api' })",
      '@balena-ts/supervisor: regenerateSupervisorApiKey() is deprecated: no modern balena SDK offers it and newer supervisors may not',
    ]);
  });
});

describe('the BALENA_* environment', () => {
  function setEnvironment(values: Record<string, string>): void {
    const device = fixture.devices[0]!;
    process.env.BALENA_SUPERVISOR_ADDRESS = device.supervisorUrl;
    process.env.BALENA_SUPERVISOR_API_KEY = device.supervisorApiKey;
    Object.assign(process.env, values);
  }

  test('BALENA_APP_ID is the app of calls that need one', async () => {
    setEnvironment({ BALENA_APP_ID: String(fixture.applicationId) });
    const local = createClient({ apiUrl: 'http://127.0.0.1:1', retry: 0 });
    configureSupervisor(local, { onDeprecation: () => undefined });
    expect((await getApplicationInfo(local)).appId).toBe(fixture.applicationId);
  });

  test('an empty BALENA_APP_ID or BALENA_DEVICE_UUID counts as unset', async () => {
    setEnvironment({ BALENA_APP_ID: '', BALENA_DEVICE_UUID: '' });
    const local = createClient({ apiUrl: 'http://127.0.0.1:1', retry: 0 });
    configureSupervisor(local, { onDeprecation: () => undefined });
    expect(await ping(local)).toBe('OK');
    await expect(getApplicationInfo(local)).rejects.toThrow(
      'getApplicationInfo() needs an appId (or BALENA_APP_ID) on the device',
    );
  });

  test('an address without a key, or a key without an address, is no local supervisor', async () => {
    for (const missing of ['BALENA_SUPERVISOR_ADDRESS', 'BALENA_SUPERVISOR_API_KEY']) {
      setEnvironment({});
      delete process.env[missing];
      const local = createClient({ apiUrl: 'http://127.0.0.1:1', retry: 0 });
      await expect(getDeviceState(local)).rejects.toThrow(/needs a deviceUuid/);
    }
  });
});
