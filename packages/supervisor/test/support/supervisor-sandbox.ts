// A sandbox with a release (one service, so the single-container endpoints answer) and simulated
// devices, plus clients for the two endpoint modes.
import { type Client, createClient } from '@balena-ts/core';
import { type Sandbox, type SimulatedDevice, startSandbox } from '@balena-ts/sandbox';
import { configureSupervisor } from '../../src/index.js';

export interface SupervisorFixture {
  sandbox: Sandbox;
  applicationId: number;
  imageId: number;
  devices: SimulatedDevice[];
  /** A client of the superuser that goes through the API's proxy. */
  apiClient(): Promise<Client>;
  /** A client configured as code running on `device` would be (its local supervisor, app and uuid). */
  deviceClient(device: SimulatedDevice): Promise<Client>;
  close(): Promise<void>;
}

export async function startSupervisorFixture(deviceCount: number): Promise<SupervisorFixture> {
  const sandbox = await startSandbox();
  const applicationId = (await sandbox.seedApplication({ name: 'supervised' })).id;
  const release = await sandbox.seedRelease({ application: applicationId, services: ['main'] });
  const fleet = await sandbox.simulateFleet({
    application: applicationId,
    count: deviceCount,
    rebootDelayMs: 300,
    downloadStepMs: 1,
    logIntervalMs: 0,
  });
  const apiClient = async (): Promise<Client> => {
    const client = createClient({ apiUrl: sandbox.url, retry: 0 });
    await client.tokens.set(sandbox.superuser.token);
    configureSupervisor(client, { endpoint: 'api', onDeprecation: () => undefined });
    return client;
  };
  return {
    sandbox,
    applicationId,
    imageId: release.services[0]!.imageId,
    devices: fleet.devices,
    apiClient,
    async deviceClient(device) {
      // No API at all (nothing listens on port 1): on the device, the supervisor key is all it needs.
      const client = createClient({ apiUrl: 'http://127.0.0.1:1', retry: 0 });
      configureSupervisor(client, {
        endpoint: 'auto',
        localSupervisor: {
          address: device.supervisorUrl,
          apiKey: device.supervisorApiKey,
          appId: String(applicationId),
          deviceUuid: device.uuid,
        },
        onDeprecation: () => undefined,
      });
      return client;
    },
    close: () => sandbox.close(),
  };
}

/**
 * Resolves once `check` throws an error `isGone` accepts: the device has gone away (reboot and
 * shutdown act after answering). Between the supervisor stopping and the VPN noticing, the proxy may
 * fail otherwise for a moment, as a real one does; those errors are waited through.
 */
export async function gone(
  check: () => Promise<unknown>,
  isGone: (error: unknown) => boolean = () => true,
  limitMs = 5_000,
): Promise<unknown> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    try {
      await check();
    } catch (error) {
      if (isGone(error)) return error;
    }
    if (Date.now() > deadline) throw new Error('The device did not go away');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Retries `check` until it stops throwing (a device coming back from a reboot). */
export async function eventually<T>(check: () => Promise<T>, limitMs = 10_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}
