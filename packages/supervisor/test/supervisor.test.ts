// Every supervisor function against the sandbox's simulated devices, through the API's proxy and
// straight to the device's local supervisor (as code running on the device calls it).
import {
  type Client,
  DeviceNotFound,
  DeviceOffline,
  InvalidOption,
  InvalidParameter,
  NetworkError,
  RequestError,
  SupervisorLocked,
} from '@balena-ts/core';
import type { SimulatedDevice } from '@balena-ts/sandbox';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  blink,
  configureSupervisor,
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
  stopApplication,
  stopService,
  update,
} from '../src/index.js';
import { eventually, gone, type SupervisorFixture, startSupervisorFixture } from './support/supervisor-sandbox.js';

let fixture: SupervisorFixture;

beforeAll(async () => {
  fixture = await startSupervisorFixture(3);
});

afterAll(async () => {
  await fixture?.close();
});

type Mode = 'proxy' | 'device';

describe.each<Mode>(['proxy', 'device'])('through %s', (mode) => {
  let client: Client;
  let device: SimulatedDevice;
  // Through the proxy every call names its device and app; on the device they can be left out.
  let uuid: string | undefined;
  let appId: number | undefined;

  beforeAll(async () => {
    device = fixture.devices[mode === 'proxy' ? 0 : 1]!;
    client = mode === 'proxy' ? await fixture.apiClient() : await fixture.deviceClient(device);
    uuid = mode === 'proxy' ? device.uuid : undefined;
    appId = mode === 'proxy' ? fixture.applicationId : undefined;
  });

  test('ping and blink answer OK', async () => {
    expect(await ping(client, uuid, appId)).toBe('OK');
    expect(await blink(client, uuid, appId)).toBe('OK');
  });

  test('getDeviceState answers the supervisor state', async () => {
    const state = await getDeviceState(client, appId, uuid);
    expect(state.api_port).toBe(48484);
    expect(state.supervisor_version).toBe('17.0.0');
    expect(state.status).toBe('Idle');
    expect(typeof state.update_pending).toBe('boolean');
  });

  test('purge and restart', async () => {
    expect(await purge(client, appId, uuid)).toEqual({ Data: 'OK', Error: '' });
    expect(await restart(client, appId, uuid)).toBe('OK');
  });

  test('stopService, startService and restartService by image id', async () => {
    expect(await stopService(client, uuid, fixture.imageId)).toBe('OK');
    expect(await startService(client, uuid, fixture.imageId)).toBe('OK');
    expect(await restartService(client, uuid, fixture.imageId)).toBe('OK');
    await expect(restartService(client, uuid, fixture.imageId + 1000)).rejects.toMatchObject({ status: 404 });
    await expect(restartService(client, uuid, 0)).rejects.toBeInstanceOf(InvalidParameter);
  });

  test('update, forced or not', async () => {
    expect(await update(client, uuid, appId)).toBeUndefined();
    expect(await update(client, uuid, appId, true)).toBeUndefined();
    await expect(update(client, uuid, appId, 'yes' as unknown as boolean)).rejects.toBeInstanceOf(InvalidParameter);
  });

  test('the deprecated single-container calls still work', async () => {
    const info = await getApplicationInfo(client, appId, uuid);
    expect(info.appId).toBe(fixture.applicationId);
    expect(typeof info.containerId).toBe('string');
    const stopped = await stopApplication(client, appId, uuid);
    expect(typeof stopped.containerId).toBe('string');
    const started = await startApplication(client, appId, uuid);
    expect(typeof started.containerId).toBe('string');
  });

  test('a locked device: the lockable actions raise SupervisorLocked, the others pass, force overrides', async () => {
    device.setLocked(true);
    try {
      await expect(reboot(client, uuid, appId)).rejects.toBeInstanceOf(SupervisorLocked);
      await expect(shutdown(client, uuid, appId)).rejects.toBeInstanceOf(SupervisorLocked);
      await expect(purge(client, appId, uuid)).rejects.toBeInstanceOf(SupervisorLocked);
      await expect(restart(client, appId, uuid)).rejects.toBeInstanceOf(SupervisorLocked);
      await expect(stopService(client, uuid, fixture.imageId)).rejects.toBeInstanceOf(SupervisorLocked);
      await expect(restartService(client, uuid, fixture.imageId)).rejects.toBeInstanceOf(SupervisorLocked);
      await expect(stopApplication(client, appId, uuid)).rejects.toBeInstanceOf(SupervisorLocked);
      const locked = await restart(client, appId, uuid).catch((error: unknown) => error);
      expect((locked as SupervisorLocked).cause).toBeInstanceOf(RequestError);
      expect(((locked as SupervisorLocked).cause as RequestError).status).toBe(423);
      expect(await ping(client, uuid, appId)).toBe('OK');
      expect(await startService(client, uuid, fixture.imageId)).toBe('OK');
      expect(await update(client, uuid, appId)).toBeUndefined();
      expect(await reboot(client, uuid, appId, true)).toEqual({ Data: 'OK', Error: '' });
      await gone(() => ping(client, uuid, appId));
    } finally {
      device.setLocked(false);
    }
    expect(await eventually(() => ping(client, uuid, appId))).toBe('OK');
  });

  test('reboot takes the device away and back', async () => {
    expect(await reboot(client, uuid, appId)).toEqual({ Data: 'OK', Error: '' });
    const expected = mode === 'proxy' ? DeviceOffline : NetworkError;
    const away = await gone(
      () => ping(client, uuid, appId),
      (error) => error instanceof expected,
    );
    expect(away).toBeInstanceOf(expected);
    expect(await eventually(() => ping(client, uuid, appId))).toBe('OK');
  });

  test('an offline device: DeviceOffline through the proxy, a network error on the device', async () => {
    await device.goOffline();
    try {
      if (mode === 'proxy') {
        const error = await blink(client, uuid, appId).catch((thrown: unknown) => thrown);
        expect(error).toBeInstanceOf(DeviceOffline);
        expect((error as DeviceOffline).message).toContain(device.uuid);
        await expect(getDeviceState(client, appId, uuid)).rejects.toBeInstanceOf(DeviceOffline);
      } else {
        await expect(blink(client, uuid, appId)).rejects.toBeInstanceOf(NetworkError);
      }
    } finally {
      await device.goOnline();
    }
  });

  test('shutdown, then the device is started again', async () => {
    expect(await shutdown(client, uuid, appId)).toEqual({ Data: 'OK', Error: '' });
    await gone(() => ping(client, uuid, appId));
    await device.goOnline();
    expect(await eventually(() => ping(client, uuid, appId))).toBe('OK');
  });

  test('regenerateSupervisorApiKey returns the new key', async () => {
    const oldKey = device.supervisorApiKey;
    const newKey = await regenerateSupervisorApiKey(client, appId, uuid);
    expect(newKey).toMatch(/^[0-9a-f]{32}$/);
    expect(newKey).not.toBe(oldKey);
    expect(device.supervisorApiKey).toBe(newKey);
    if (mode === 'device') {
      // The old key no longer opens the local supervisor.
      await expect(blink(client)).rejects.toMatchObject({ status: 401 });
      configureSupervisor(client, {
        localSupervisor: { address: device.supervisorUrl, apiKey: newKey, appId: fixture.applicationId },
      });
      expect(await blink(client)).toBe('OK');
    }
  });
});

describe('arguments through the proxy', () => {
  let client: Client;

  beforeAll(async () => {
    client = await fixture.apiClient();
  });

  test('a missing deviceUuid or appId raises InvalidOption, before any request', async () => {
    const device = fixture.devices[2]!;
    const before = fixture.sandbox.requestCount();
    await expect(blink(client)).rejects.toBeInstanceOf(InvalidOption);
    await expect(blink(client, device.uuid)).rejects.toBeInstanceOf(InvalidOption);
    await expect(purge(client, undefined, device.uuid)).rejects.toBeInstanceOf(InvalidOption);
    await expect(restart(client, fixture.applicationId)).rejects.toBeInstanceOf(InvalidOption);
    await expect(restartService(client, undefined, fixture.imageId)).rejects.toBeInstanceOf(InvalidOption);
    await expect(getApplicationInfo(client, fixture.applicationId)).rejects.toBeInstanceOf(InvalidOption);
    expect(fixture.sandbox.requestCount()).toBe(before);
  });

  test('an app id the device does not belong to raises InvalidOption', async () => {
    const other = await fixture.sandbox.seedApplication({ name: 'elsewhere' });
    await expect(ping(client, fixture.devices[2]!.uuid, other.id)).rejects.toThrow(/does not belong/);
  });

  test('a numeric device id and a string app id work (the Python SDK reference passed ids as strings)', async () => {
    const device = fixture.devices[2]!;
    expect(await ping(client, device.id, String(fixture.applicationId))).toBe('OK');
  });

  test('an unknown device is DeviceNotFound; a malformed one InvalidParameter', async () => {
    await expect(ping(client, 'a'.repeat(32), fixture.applicationId)).rejects.toBeInstanceOf(DeviceNotFound);
    await expect(ping(client, 'short', fixture.applicationId)).rejects.toBeInstanceOf(InvalidParameter);
    await expect(ping(client, fixture.devices[2]!.uuid, 'nine')).rejects.toBeInstanceOf(InvalidParameter);
  });

  test('a supervisor older than 7.0.0 refuses the service actions', async () => {
    const device = fixture.devices[2]!;
    await fetch(`${fixture.sandbox.url}/v7/device(${device.id})`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${fixture.sandbox.superuser.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ supervisor_version: '6.6.0' }),
    });
    await expect(startService(client, device.uuid, fixture.imageId)).rejects.toThrow(
      /Incompatible supervisor version 6.6.0/,
    );
    await fetch(`${fixture.sandbox.url}/v7/device(${device.id})`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${fixture.sandbox.superuser.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ supervisor_version: '17.0.0' }),
    });
    expect(await startService(client, device.uuid, fixture.imageId)).toBe('OK');
  });
});
