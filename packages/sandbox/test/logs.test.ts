// The logs endpoints: device writes, history reads, NDJSON and SSE streams (MQTT: logs-mqtt.test.ts).
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Sandbox, SandboxUser } from '../src/index.js';
import { startSandbox } from '../src/index.js';

const HEARTBEAT_MS = 150;

let sandbox: Sandbox;
let device: { id: number; uuid: string; api_key: string };
let otherUser: SandboxUser;

async function call(path: string, init: RequestInit & { token?: string } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('Authorization', `Bearer ${init.token}`);
  if (init.body !== undefined) headers.set('Content-Type', 'application/json');
  return fetch(`${sandbox.url}${path}`, { ...init, headers });
}

async function registerDevice(applicationId: number): Promise<{ id: number; uuid: string; api_key: string }> {
  const keyResponse = await call(`/api-key/application/${applicationId}/provisioning`, {
    method: 'POST',
    token: sandbox.superuser.token,
    body: JSON.stringify({ name: 'provisioning' }),
  });
  const provisioningKey = (await keyResponse.json()) as string;
  const registered = await call('/device/register', {
    method: 'POST',
    token: provisioningKey,
    body: JSON.stringify({
      user: sandbox.superuser.id,
      application: applicationId,
      device_type: 'raspberrypi4-64',
      uuid: randomBytes(16).toString('hex'),
    }),
  });
  expect(registered.status).toBe(201);
  return (await registered.json()) as { id: number; uuid: string; api_key: string };
}

function postLogs(uuid: string, token: string, body: unknown): Promise<Response> {
  return call(`/device/v2/${uuid}/logs`, { method: 'POST', token, body: JSON.stringify(body) });
}

/** Reads a streamed body line by line (raw lines: heartbeats are empty strings). */
function lineReader(response: Response): { next(): Promise<string>; cancel(): Promise<void> } {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  return {
    async next() {
      for (;;) {
        const newline = buffer.indexOf('\n');
        if (newline >= 0) {
          const line = buffer.slice(0, newline);
          buffer = buffer.slice(newline + 1);
          return line;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffer += value;
      }
    },
    cancel: () => reader.cancel(),
  };
}

beforeAll(async () => {
  sandbox = await startSandbox({ logHeartbeatMs: HEARTBEAT_MS });
  const application = await sandbox.seedApplication({ name: 'logs-fleet' });
  device = await registerDevice(application.id);
  otherUser = await sandbox.createUser();
});

afterAll(async () => {
  await sandbox.close();
});

describe('POST /device/v2/:uuid/logs', () => {
  test('the device writes a batch of 10: 201 with an empty body', async () => {
    const batch = Array.from({ length: 10 }, (_, index) => ({
      message: `line ${index + 1}`,
      timestamp: 1_700_000_000_000 + index,
      isStdErr: index === 9,
      serviceId: index === 0 ? 7 : undefined,
    }));
    const response = await postLogs(device.uuid, device.api_key, batch);
    expect(response.status).toBe(201);
    expect(await response.text()).toBe('');
    expect(response.headers.get('content-type')).toBeNull();
  });

  test('11 lines: 400 with balena message', async () => {
    const batch = Array.from({ length: 11 }, (_, index) => ({ message: `x${index}`, timestamp: 1 }));
    const response = await postLogs(device.uuid, device.api_key, batch);
    expect(response.status).toBe(400);
    expect(await response.json()).toBe('Batches cannot include more than 10 logs');
  });

  test('an object instead of an array: 400 with no body', async () => {
    const response = await postLogs(device.uuid, device.api_key, { message: 'no', timestamp: 1 });
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('');
  });

  test('an empty array: 201', async () => {
    expect((await postLogs(device.uuid, device.api_key, [])).status).toBe(201);
  });

  test('a user JWT: 401 {"error":"API key required"}', async () => {
    const response = await postLogs(device.uuid, sandbox.superuser.token, [{ message: 'me', timestamp: 1 }]);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'API key required' });
  });

  test("another device's key: 404", async () => {
    const application = await sandbox.seedApplication({ name: 'logs-other' });
    const other = await registerDevice(application.id);
    const response = await postLogs(device.uuid, other.api_key, [{ message: 'not mine', timestamp: 1 }]);
    expect(response.status).toBe(404);
    expect(await response.json()).toBe(`No device with uuid ${device.uuid}`);
  });
});

describe('GET /device/v2/:uuid/logs (history)', () => {
  test('all lines, oldest first, with epoch-ms numbers and balena fields', async () => {
    const response = await call(`/device/v2/${device.uuid}/logs`, { token: sandbox.superuser.token });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const lines = (await response.json()) as Record<string, unknown>[];
    expect(lines.map((line) => line.message)).toEqual(Array.from({ length: 10 }, (_, index) => `line ${index + 1}`));
    expect(Object.keys(lines[0]!)).toEqual(['createdAt', 'timestamp', 'isSystem', 'isStdErr', 'serviceId', 'message']);
    expect(Object.keys(lines[1]!)).toEqual(['createdAt', 'timestamp', 'isSystem', 'isStdErr', 'message']);
    expect(lines[0]).toMatchObject({ timestamp: 1_700_000_000_000, isSystem: false, isStdErr: false, serviceId: 7 });
    expect(lines[9]!.isStdErr).toBe(true);
    expect(typeof lines[0]!.createdAt).toBe('number');
    const createdAts = lines.map((line) => line.createdAt as number);
    expect([...createdAts].sort((a, b) => a - b)).toEqual(createdAts);
    expect(new Set(createdAts).size).toBe(createdAts.length);
  });

  test('count=2 keeps the last two, oldest first; count=all keeps everything', async () => {
    const two = await call(`/device/v2/${device.uuid}/logs?count=2`, { token: sandbox.superuser.token });
    expect(((await two.json()) as { message: string }[]).map((line) => line.message)).toEqual(['line 9', 'line 10']);
    const all = await call(`/device/v2/${device.uuid}/logs?count=all`, { token: sandbox.superuser.token });
    expect(((await all.json()) as unknown[]).length).toBe(10);
  });

  test('start (ms or ISO) keeps lines created at or after it', async () => {
    const all = (await (await call(`/device/v2/${device.uuid}/logs`, { token: sandbox.superuser.token })).json()) as {
      createdAt: number;
      message: string;
    }[];
    const fifth = all[4]!.createdAt;
    const byMs = await call(`/device/v2/${device.uuid}/logs?start=${fifth}`, { token: sandbox.superuser.token });
    expect(((await byMs.json()) as unknown[]).length).toBe(6);
    const iso = new Date(fifth).toISOString();
    const byIso = await call(`/device/v2/${device.uuid}/logs?start=${iso}&count=1`, {
      token: sandbox.superuser.token,
    });
    expect(((await byIso.json()) as { message: string }[]).map((line) => line.message)).toEqual(['line 10']);
  });

  test('since=<seq> resumes after a sequence number and adds seq to each line', async () => {
    const response = await call(`/device/v2/${device.uuid}/logs?since=8`, { token: sandbox.superuser.token });
    const lines = (await response.json()) as { seq: number; message: string }[];
    expect(lines.map((line) => [line.seq, line.message])).toEqual([
      [9, 'line 9'],
      [10, 'line 10'],
    ]);
  });

  test('the device can read its own logs', async () => {
    const response = await call(`/device/v2/${device.uuid}/logs?count=1`, { token: device.api_key });
    expect(response.status).toBe(200);
  });

  test('a user who cannot see the device: 404; no credentials: 401; unknown uuid: 404', async () => {
    const hidden = await call(`/device/v2/${device.uuid}/logs`, { token: otherUser.token });
    expect(hidden.status).toBe(404);
    expect(await hidden.json()).toBe(`No device with uuid ${device.uuid}`);
    expect((await call(`/device/v2/${device.uuid}/logs`)).status).toBe(401);
    const unknown = 'f'.repeat(32);
    const missing = await call(`/device/v2/${unknown}/logs`, { token: sandbox.superuser.token });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toBe(`No device with uuid ${unknown}`);
  });

  test('retention keeps the last 1000 lines', async () => {
    const application = await sandbox.seedApplication({ name: 'logs-retention' });
    const chatty = await registerDevice(application.id);
    for (let batch = 0; batch < 101; batch++) {
      const lines = Array.from({ length: 10 }, (_, index) => ({ message: `m${batch * 10 + index}`, timestamp: 1 }));
      expect((await postLogs(chatty.uuid, chatty.api_key, lines)).status).toBe(201);
    }
    const response = await call(`/device/v2/${chatty.uuid}/logs?count=all`, { token: sandbox.superuser.token });
    const lines = (await response.json()) as { message: string }[];
    expect(lines.length).toBe(1000);
    expect(lines[0]!.message).toBe('m10');
    expect(lines.at(-1)!.message).toBe('m1009');
    const capped = await call(`/device/v2/${chatty.uuid}/logs?count=5000`, { token: sandbox.superuser.token });
    expect(((await capped.json()) as unknown[]).length).toBe(1000);
  });
});

describe('GET /device/v2/:uuid/logs?stream=1 (NDJSON)', () => {
  test('history per count, then live lines as posted', async () => {
    const controller = new AbortController();
    const response = await call(`/device/v2/${device.uuid}/logs?stream=1&count=2`, {
      token: sandbox.superuser.token,
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson');
    const lines = lineReader(response);
    const nonEmpty = async () => {
      for (;;) {
        const line = await lines.next();
        if (line !== '') return JSON.parse(line) as { message: string; seq?: number };
      }
    };
    expect((await nonEmpty()).message).toBe('line 9');
    expect((await nonEmpty()).message).toBe('line 10');
    await postLogs(device.uuid, device.api_key, [{ message: 'live 1', timestamp: Date.now() }]);
    const live = await nonEmpty();
    expect(live.message).toBe('live 1');
    expect(live.seq).toBeUndefined();
    controller.abort();
  });

  test('count defaults to 0: live lines only', async () => {
    const controller = new AbortController();
    const response = await call(`/device/v2/${device.uuid}/logs?stream=1`, {
      token: sandbox.superuser.token,
      signal: controller.signal,
    });
    const lines = lineReader(response);
    await postLogs(device.uuid, device.api_key, [{ message: 'live only', timestamp: Date.now() }]);
    let first = await lines.next();
    while (first === '') first = await lines.next();
    expect(JSON.parse(first).message).toBe('live only');
    controller.abort();
  });

  test('a bare "\\n" heartbeat arrives at the configured interval', async () => {
    const controller = new AbortController();
    const response = await call(`/device/v2/${device.uuid}/logs?stream=1`, {
      token: sandbox.superuser.token,
      signal: controller.signal,
    });
    const lines = lineReader(response);
    expect(await lines.next()).toBe('');
    expect(await lines.next()).toBe('');
    controller.abort();
  });

  test('since=<seq> resumes without loss or duplicates and carries seq', async () => {
    const history = (await (
      await call(`/device/v2/${device.uuid}/logs?since=0&count=all`, { token: sandbox.superuser.token })
    ).json()) as { seq: number }[];
    const last = history.at(-1)!.seq;
    const controller = new AbortController();
    const response = await call(`/device/v2/${device.uuid}/logs?stream=1&since=${last - 1}`, {
      token: sandbox.superuser.token,
      signal: controller.signal,
    });
    const lines = lineReader(response);
    let line = await lines.next();
    while (line === '') line = await lines.next();
    expect(JSON.parse(line).seq).toBe(last);
    await postLogs(device.uuid, device.api_key, [{ message: 'after resume', timestamp: Date.now() }]);
    line = await lines.next();
    while (line === '') line = await lines.next();
    expect(JSON.parse(line)).toMatchObject({ seq: last + 1, message: 'after resume' });
    controller.abort();
  });
});

describe('stream lifetime', () => {
  test('deleting the device ends its streams and drops its lines', async () => {
    const application = await sandbox.seedApplication({ name: 'logs-deleted' });
    const doomed = await registerDevice(application.id);
    await postLogs(doomed.uuid, doomed.api_key, [{ message: 'last words', timestamp: 1 }]);
    const response = await call(`/device/v2/${doomed.uuid}/logs?stream=1&count=1`, { token: sandbox.superuser.token });
    const lines = lineReader(response);
    expect(JSON.parse(await lines.next()).message).toBe('last words');
    const deleted = await call(`/v7/device(${doomed.id})`, { method: 'DELETE', token: sandbox.superuser.token });
    expect(deleted.status).toBe(200);
    let ended = false;
    try {
      for (;;) await lines.next();
    } catch (error) {
      ended = (error as Error).message === 'stream ended';
    }
    expect(ended).toBe(true);
  });
});

describe('GET /device/v2/:uuid/logs with Accept: text/event-stream (SSE)', () => {
  /** Reads SSE events (skipping comments and the retry hint). */
  async function nextEvent(lines: ReturnType<typeof lineReader>): Promise<Record<string, string>> {
    const event: Record<string, string> = {};
    for (;;) {
      const line = await lines.next();
      if (line === '') {
        if (event.data !== undefined) return event;
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      event[line.slice(0, colon)] = line.slice(colon + 1).trimStart();
    }
  }

  test('history then live events with id = sequence, and Last-Event-ID resumes', async () => {
    const controller = new AbortController();
    const response = await call(`/device/v2/${device.uuid}/logs?stream=1&count=1`, {
      token: sandbox.superuser.token,
      headers: { Accept: 'text/event-stream' },
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const lines = lineReader(response);
    const first = await nextEvent(lines);
    expect(first.event).toBe('log');
    const firstId = Number(first.id);
    await postLogs(device.uuid, device.api_key, [
      { message: 'sse a', timestamp: Date.now() },
      { message: 'sse b', timestamp: Date.now() },
    ]);
    const a = await nextEvent(lines);
    expect(JSON.parse(a.data!).message).toBe('sse a');
    expect(Number(a.id)).toBe(firstId + 1);
    controller.abort();

    const resumed = new AbortController();
    const again = await call(`/device/v2/${device.uuid}/logs?stream=1`, {
      token: sandbox.superuser.token,
      headers: { Accept: 'text/event-stream', 'Last-Event-ID': a.id! },
      signal: resumed.signal,
    });
    const b = await nextEvent(lineReader(again));
    expect(JSON.parse(b.data!).message).toBe('sse b');
    expect(Number(b.id)).toBe(firstId + 2);
    resumed.abort();
  });

  test('heartbeat comments arrive at the configured interval', async () => {
    const controller = new AbortController();
    const response = await call(`/device/v2/${device.uuid}/logs?stream=1`, {
      token: sandbox.superuser.token,
      headers: { Accept: 'text/event-stream' },
      signal: controller.signal,
    });
    const lines = lineReader(response);
    expect(await lines.next()).toBe('retry: 1000');
    expect(await lines.next()).toBe('');
    expect(await lines.next()).toBe(': keep-alive');
    controller.abort();
  });
});
