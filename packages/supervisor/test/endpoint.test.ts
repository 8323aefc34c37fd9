// How the endpoint is chosen: the BALENA_SUPERVISOR_* environment, forceApiEndpoint, configureSupervisor;
// and the once-per-process deprecation notices.
import { createClient, DeviceOffline, InvalidOption, NetworkError } from '@balena-ts/core';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { blink, configureSupervisor, forceApiEndpoint, getApplicationInfo, ping } from '../src/index.js';
import { type SupervisorFixture, startSupervisorFixture } from './support/supervisor-sandbox.js';

const ENV_NAMES = ['BALENA_SUPERVISOR_ADDRESS', 'BALENA_SUPERVISOR_API_KEY', 'BALENA_APP_ID', 'BALENA_DEVICE_UUID'];

let fixture: SupervisorFixture;

beforeAll(async () => {
  fixture = await startSupervisorFixture(2);
});

afterAll(async () => {
  await fixture?.close();
});

afterEach(() => {
  for (const name of ENV_NAMES) delete process.env[name];
});

function setDeviceEnvironment(index: number): void {
  const device = fixture.devices[index]!;
  process.env.BALENA_SUPERVISOR_ADDRESS = device.supervisorUrl;
  process.env.BALENA_SUPERVISOR_API_KEY = device.supervisorApiKey;
  process.env.BALENA_APP_ID = String(fixture.applicationId);
  process.env.BALENA_DEVICE_UUID = device.uuid;
}

describe('on a device (BALENA_SUPERVISOR_* set)', () => {
  test('calls without a device go to the local supervisor, and need no API', async () => {
    setDeviceEnvironment(0);
    const client = createClient({ apiUrl: 'http://127.0.0.1:1', retry: 0 });
    expect(await ping(client)).toBe('OK');
    expect(await blink(client, fixture.devices[0]!.uuid)).toBe('OK');
  });

  test('a call naming another device goes through the API proxy', async () => {
    setDeviceEnvironment(0);
    const client = await fixture.apiClient();
    configureSupervisor(client, { endpoint: 'auto' });
    await fixture.devices[1]!.goOffline();
    try {
      // Only the proxy knows that device 1 is offline; the local supervisor (device 0) is up.
      await expect(ping(client, fixture.devices[1]!.uuid, fixture.applicationId)).rejects.toBeInstanceOf(DeviceOffline);
    } finally {
      await fixture.devices[1]!.goOnline();
    }
  });

  test('forceApiEndpoint(false) sends even device-less calls to the proxy, which needs the device', async () => {
    setDeviceEnvironment(0);
    const client = createClient({ apiUrl: 'http://127.0.0.1:1', retry: 0 });
    configureSupervisor(client, { onDeprecation: () => undefined });
    forceApiEndpoint(client, false);
    await expect(ping(client)).rejects.toBeInstanceOf(InvalidOption);
    forceApiEndpoint(client, true);
    expect(await ping(client)).toBe('OK');
  });

  test('forceApiEndpoint(true) reaches the local supervisor even for a named device', async () => {
    setDeviceEnvironment(0);
    const client = createClient({ apiUrl: 'http://127.0.0.1:1', retry: 0 });
    configureSupervisor(client, { onDeprecation: () => undefined });
    forceApiEndpoint(client, true);
    expect(await ping(client, fixture.devices[1]!.uuid)).toBe('OK');
  });

  test('localSupervisor: null turns the detection off', async () => {
    setDeviceEnvironment(0);
    const client = createClient({ apiUrl: 'http://127.0.0.1:1', retry: 0 });
    configureSupervisor(client, { localSupervisor: null });
    await expect(ping(client)).rejects.toBeInstanceOf(InvalidOption);
  });
});

describe('off a device', () => {
  test("endpoint 'device' without a local supervisor raises InvalidOption", async () => {
    const client = createClient({ apiUrl: 'http://127.0.0.1:1', retry: 0 });
    configureSupervisor(client, { endpoint: 'device' });
    await expect(ping(client)).rejects.toThrow(/no local supervisor is configured/);
  });

  test('a local supervisor that does not answer is a NetworkError', async () => {
    const client = createClient({ apiUrl: 'http://127.0.0.1:1', retry: 0 });
    configureSupervisor(client, { localSupervisor: { address: 'http://127.0.0.1:1', apiKey: 'k' } });
    await expect(ping(client)).rejects.toBeInstanceOf(NetworkError);
  });

  test('bad options raise InvalidOption', () => {
    const client = createClient({ apiUrl: 'http://127.0.0.1:1' });
    expect(() => forceApiEndpoint(client, 'yes' as unknown as boolean)).toThrow(InvalidOption);
    expect(() => configureSupervisor(client, { endpoint: 'local' as 'device' })).toThrow(InvalidOption);
    expect(() => configureSupervisor(client, { localSupervisor: { address: '', apiKey: 'k' } })).toThrow(InvalidOption);
  });

  test('a local call needing an app id without one raises InvalidOption', async () => {
    const client = createClient({ apiUrl: 'http://127.0.0.1:1', retry: 0 });
    const device = fixture.devices[0]!;
    configureSupervisor(client, {
      localSupervisor: { address: device.supervisorUrl, apiKey: device.supervisorApiKey },
    });
    await expect(getApplicationInfo(client)).rejects.toThrow(/needs an appId/);
  });
});

describe('deprecation notices', () => {
  test('each deprecated function says so once per process, through the hook', async () => {
    // A fresh copy of the module: the tests above already used some deprecated functions.
    vi.resetModules();
    const {
      configureSupervisor,
      forceApiEndpoint,
      getApplicationInfo,
      regenerateSupervisorApiKey,
      startApplication,
      stopApplication,
    } = await import('../src/index.js');
    const device = fixture.devices[0]!;
    const client = createClient({ apiUrl: 'http://127.0.0.1:1', retry: 0 });
    const notices: string[] = [];
    configureSupervisor(client, {
      localSupervisor: { address: device.supervisorUrl, apiKey: device.supervisorApiKey, appId: fixture.applicationId },
      onDeprecation: (message) => notices.push(message),
    });
    for (let round = 0; round < 2; round++) {
      await getApplicationInfo(client);
      await stopApplication(client);
      await startApplication(client);
      forceApiEndpoint(client, true);
    }
    const key = await regenerateSupervisorApiKey(client);
    configureSupervisor(client, {
      localSupervisor: { address: device.supervisorUrl, apiKey: key, appId: fixture.applicationId },
    });
    await regenerateSupervisorApiKey(client);
    expect(notices.map((notice) => notice.split('()')[0])).toEqual([
      '@balena-ts/supervisor: getApplicationInfo',
      '@balena-ts/supervisor: stopApplication',
      '@balena-ts/supervisor: startApplication',
      '@balena-ts/supervisor: forceApiEndpoint',
      '@balena-ts/supervisor: regenerateSupervisorApiKey',
    ]);
    expect(notices[0]).toContain('is deprecated');
  });

  test('without a hook the notice goes to console.warn (once)', async () => {
    vi.resetModules();
    const fresh = await import('../src/index.js');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const client = createClient({ apiUrl: 'http://127.0.0.1:1' });
      fresh.forceApiEndpoint(client, false);
      fresh.forceApiEndpoint(client, false);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]![0])).toMatch(/forceApiEndpoint\(\) is deprecated/);
    } finally {
      warn.mockRestore();
    }
  });
});
