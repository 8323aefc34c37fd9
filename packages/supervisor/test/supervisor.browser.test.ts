// @balena-ts/supervisor in Chromium, through the balena API's supervisor proxy of the sandbox,
// against simulated devices. A page has no environment variables, so 'auto' means the proxy.
import { type Client, createClient, DeviceOffline, InvalidOption, SupervisorLocked } from '@balena-ts/core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { getDeviceState, ping, reboot } from '../src/index.js';
import type { SupervisorBrowserSandbox } from './browser/global-setup.js';

const sandbox: SupervisorBrowserSandbox = inject('supervisorSandbox');
let client: Client;

/** Polls `check` until it settles the way `wanted` says; returns the last outcome. */
async function waitFor(
  check: () => Promise<unknown>,
  wanted: (outcome: { value?: unknown; error?: unknown }) => boolean,
  limitMs = 10_000,
): Promise<{ value?: unknown; error?: unknown }> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const outcome = await check().then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    if (wanted(outcome) || Date.now() > deadline) return outcome;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

beforeAll(async () => {
  // No configureSupervisor: without `process` the endpoint must default to the proxy.
  client = createClient({ apiUrl: sandbox.url, retry: 0 });
  await client.tokens.set(sandbox.token);
});

describe('@balena-ts/supervisor in Chromium', () => {
  it('runs in Chromium, where there is no process', () => {
    expect(navigator.userAgent).toContain('Chrome');
    expect((globalThis as { process?: unknown }).process).toBeUndefined();
  });

  it('pings the device through the proxy, by uuid and by id', async () => {
    expect(await ping(client, sandbox.device.uuid, sandbox.applicationId)).toBe('OK');
    expect(await ping(client, sandbox.device.id, String(sandbox.applicationId))).toBe('OK');
  });

  it('reads the device state through the proxy', async () => {
    const state = await getDeviceState(client, sandbox.applicationId, sandbox.device.uuid);
    expect(state.api_port).toBe(48484);
    expect(state.status).toBe('Idle');
    expect(state.commit).toBe(sandbox.commit);
    expect(state.update_pending).toBe(false);
  });

  it('refuses a proxied call without a device or an app id with InvalidOption', async () => {
    await expect(ping(client)).rejects.toBeInstanceOf(InvalidOption);
    await expect(ping(client, sandbox.device.uuid)).rejects.toBeInstanceOf(InvalidOption);
  });

  it('reboots the device: it answers OK, goes offline, then comes back', async () => {
    expect(await reboot(client, sandbox.device.uuid, sandbox.applicationId)).toEqual({ Data: 'OK', Error: '' });
    // While a supervisor shuts down it may refuse a call or two before the device leaves the VPN
    // (a real one does too): what must come is DeviceOffline.
    const down = await waitFor(
      () => ping(client, sandbox.device.uuid, sandbox.applicationId),
      (outcome) => outcome.error instanceof DeviceOffline,
    );
    expect(down.error).toBeInstanceOf(DeviceOffline);
    const back = await waitFor(
      () => ping(client, sandbox.device.uuid, sandbox.applicationId),
      (outcome) => outcome.value === 'OK',
    );
    expect(back.value).toBe('OK');
  });

  it('maps the 423 of a locked device to SupervisorLocked, and force overrides the lock', async () => {
    const uuid = sandbox.lockedDevice.uuid;
    await expect(reboot(client, uuid, sandbox.applicationId)).rejects.toBeInstanceOf(SupervisorLocked);
    expect(await reboot(client, uuid, sandbox.applicationId, true)).toEqual({ Data: 'OK', Error: '' });
  });
});
