// A sandbox with one registered device, a client logged in as the superuser, and a way to write
// logs as the device does (its own API key, batches of at most 10 lines).
import { randomBytes } from 'node:crypto';
import { type Client, createClient } from '@balena-ts/core';
import { type FaultAction, type FaultMatch, type Sandbox, startSandbox } from '@balena-ts/sandbox';

export interface LogsFixture {
  sandbox: Sandbox;
  client: Client;
  applicationId: number;
  device: { id: number; uuid: string; apiKey: string };
  /** Registers another device of the same fleet. */
  registerDevice(): Promise<{ id: number; uuid: string; apiKey: string }>;
  /** Posts messages as the device, 10 per request, in order. */
  post(messages: string[], uuid?: string, apiKey?: string): Promise<void>;
  /** A client whose requests go to another base URL (a proxy in front of the sandbox). */
  clientFor(apiUrl: string): Promise<Client>;
  /** Makes the sandbox answer reads of a device's logs (history and streams) with `fault`. */
  failLogs(uuid: string, fault: FaultAction & Pick<FaultMatch, 'times'>): void;
  close(): Promise<void>;
}

async function expectOk(response: Response, what: string): Promise<Response> {
  if (!response.ok) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  return response;
}

/**
 * Registers a device of the fleet as a real one does: a provisioning key, then `/device/register` with
 * it. Resolves to the device with its own API key, which log writes need.
 */
export async function registerDeviceAsItself(
  sandbox: Sandbox,
  applicationId: number,
): Promise<{ id: number; uuid: string; apiKey: string }> {
  const keyResponse = await expectOk(
    await fetch(`${sandbox.url}/api-key/application/${applicationId}/provisioning`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${sandbox.superuser.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'provisioning' }),
    }),
    'provisioning key',
  );
  const provisioningKey = (await keyResponse.json()) as string;
  const registered = await expectOk(
    await fetch(`${sandbox.url}/device/register`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${provisioningKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        user: sandbox.superuser.id,
        application: applicationId,
        device_type: 'raspberrypi4-64',
        uuid: randomBytes(16).toString('hex'),
      }),
    }),
    'register',
  );
  const row = (await registered.json()) as { id: number; uuid: string; api_key: string };
  return { id: row.id, uuid: row.uuid, apiKey: row.api_key };
}

/** The path of a device's logs, read and written: `/device/v2/<uuid>/logs`. */
export function logsPathOf(uuid: string): string {
  return `/device/v2/${uuid}/logs`;
}

export async function startLogsFixture(options: { logHeartbeatMs?: number } = {}): Promise<LogsFixture> {
  const sandbox = await startSandbox({ logHeartbeatMs: options.logHeartbeatMs ?? 200 });
  const application = await sandbox.seedApplication({ name: `logs-${randomBytes(3).toString('hex')}` });

  const registerDevice = () => registerDeviceAsItself(sandbox, application.id);

  const device = await registerDevice();

  async function clientFor(apiUrl: string): Promise<Client> {
    const client = createClient({ apiUrl, retry: 0 });
    await client.tokens.set(sandbox.superuser.token);
    return client;
  }

  return {
    sandbox,
    client: await clientFor(sandbox.url),
    applicationId: application.id,
    device,
    registerDevice,
    clientFor,
    failLogs(uuid, fault) {
      sandbox.faults.add({ method: 'GET', path: logsPathOf(uuid), ...fault });
    },
    async post(messages, uuid = device.uuid, apiKey = device.apiKey) {
      for (let index = 0; index < messages.length; index += 10) {
        const batch = messages.slice(index, index + 10).map((message) => ({ message, timestamp: Date.now() }));
        await expectOk(
          await fetch(`${sandbox.url}${logsPathOf(uuid)}`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' },
            body: JSON.stringify(batch),
          }),
          'post logs',
        );
      }
    },
    close: () => sandbox.close(),
  };
}

/** Resolves once `predicate` holds, checking every few milliseconds; rejects after `limitMs`. */
export async function until(predicate: () => boolean, limitMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
