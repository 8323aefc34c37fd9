// The world every reliability file runs in: one sandbox with a small fleet, fault injection in
// front of it, clients with small timeouts and retry delays that count what they send, and a
// direct line to the sandbox (bypassing the faults) to read the server's state.
import { login } from '@balena-ts/auth';
import { type Client, createClient } from '@balena-ts/core';
import { type Sandbox, startSandbox } from '@balena-ts/sandbox';
import { type FaultInjector, startFaultInjection } from './faults.js';

export const DEVICE_COUNT = 12;
/** devices[SUPERVISED_DEVICE] is kept alive by the sandbox's simulator: supervisor actions reach it. */
export const SUPERVISED_DEVICE = 2;
export const LOG_LINES_SEEDED = 5;
/** Per attempt: a hang costs this much before the retry. */
export const CLIENT_TIMEOUT_MS = 400;
export const CLIENT_RETRIES = 2;
export const CLIENT_RETRY_DELAY_MS = 5;

export interface SentRequest {
  method: string;
  url: string;
}

export interface CountingClient {
  client: Client;
  sent: SentRequest[];
  /** How many requests matched method and path (prefix of the path, query ignored). */
  sends(method: string, pathPrefix: string): number;
}

export interface Environment {
  sandbox: Sandbox;
  faults: FaultInjector;
  application: { id: number; slug: string };
  devices: { id: number; uuid: string }[];
  deviceKeys: Map<string, string>;
  newClient(): Promise<CountingClient>;
  /** A request straight to the sandbox as the superuser: the server's state, without faults. */
  admin<T = unknown>(path: string, init?: { method?: string; body?: unknown; token?: string }): Promise<T>;
  /** Writes log lines as the device does (its own device key, straight to the sandbox). */
  writeLogs(uuid: string, messages: string[]): Promise<void>;
  close(): Promise<void>;
}

export async function startEnvironment(): Promise<Environment> {
  const sandbox = await startSandbox({ quiet: true, logHeartbeatMs: 200 });
  const faults = await startFaultInjection(sandbox);
  const application = await sandbox.seedApplication({ name: 'reliability', deviceType: 'raspberrypi4-64' });
  await sandbox.seedRelease({ application: application.id, services: ['main'] });
  const devices = await sandbox.seedDevices({ application: application.id, count: DEVICE_COUNT, namePrefix: 'rel' });
  const deviceKeys = new Map<string, string>();
  const simulated = await sandbox.simulateDevice(devices[SUPERVISED_DEVICE]!.uuid, { logIntervalMs: 0 });

  async function admin<T>(path: string, init: { method?: string; body?: unknown; token?: string } = {}): Promise<T> {
    const response = await fetch(`${sandbox.url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${init.token ?? sandbox.superuser.token}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: HTTP ${response.status} ${text}`);
    return (text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T;
  }

  async function writeLogs(uuid: string, messages: string[]): Promise<void> {
    const device = devices.find((candidate) => candidate.uuid === uuid);
    if (!device) throw new Error(`unknown device ${uuid}`);
    let key = deviceKeys.get(uuid);
    if (!key) {
      key = String(await admin(`/api-key/device/${device.id}/device-key`, { method: 'POST', body: { name: 'logs' } }));
      key = key.replace(/^"|"$/g, '');
      deviceKeys.set(uuid, key);
    }
    for (let start = 0; start < messages.length; start += 10) {
      const batch = messages.slice(start, start + 10).map((message, offset) => ({
        message,
        timestamp: Date.now() + start + offset,
        isSystem: false,
        isStdErr: false,
      }));
      await admin(`/device/v2/${uuid}/logs`, { method: 'POST', body: batch, token: key });
    }
  }

  async function newClient(): Promise<CountingClient> {
    const sent: SentRequest[] = [];
    const countingFetch: typeof fetch = (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      sent.push({ method: (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase(), url });
      return fetch(input, init);
    };
    const client = createClient({
      apiUrl: faults.url,
      timeout: CLIENT_TIMEOUT_MS,
      retry: CLIENT_RETRIES,
      retryDelay: CLIENT_RETRY_DELAY_MS,
      fetch: countingFetch,
    });
    await login(client, { username: sandbox.superuser.email, password: sandbox.superuser.password });
    // A session token issued a minute ago, as in a long run: a refresh then yields a different token
    // (JWTs issued within the same second are identical, and a refused token is never replayed).
    const issuedAtSeconds = Math.floor(Date.now() / 1000) - 60;
    await client.tokens.set(sandbox.issueToken(sandbox.superuser.id, { issuedAtSeconds }));
    sent.length = 0;
    return {
      client,
      sent,
      sends: (method, pathPrefix) =>
        sent.filter((request) => request.method === method && new URL(request.url).pathname.startsWith(pathPrefix))
          .length,
    };
  }

  await writeLogs(
    devices[0]!.uuid,
    Array.from({ length: LOG_LINES_SEEDED }, (_, index) => `seeded ${index}`),
  );

  return {
    sandbox,
    faults,
    application,
    devices,
    deviceKeys,
    newClient,
    admin,
    writeLogs,
    async close() {
      await simulated.stop();
      await faults.close();
      await sandbox.close();
    },
  };
}

/** Fails (instead of waiting for the test timeout) when `work` has not settled by the deadline. */
export async function withinDeadline<T>(work: Promise<T>, deadlineMs: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} hung: still pending after ${deadlineMs} ms`)), deadlineMs);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
