// Fault injection: every kind on a real route, times/spent, matching, and the superuser-only HTTP API.
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Sandbox } from '../src/index.js';
import { startSandbox } from '../src/index.js';

/** The superuser's own fleets (none here): a short answer, without the public host fleets. */
const OWN_FLEETS = '/v7/application?$filter=is_public%20eq%20false';

let sandbox: Sandbox;

function get(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${sandbox.url}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${sandbox.superuser.token}`, ...init.headers },
  });
}

function admin(method: string, path: string, body?: unknown, token = sandbox.superuser.token): Promise<Response> {
  return fetch(`${sandbox.url}/sandbox/v1/faults${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
}

beforeAll(async () => {
  sandbox = await startSandbox();
});

afterEach(() => {
  sandbox.faults.clear();
});

afterAll(async () => {
  await sandbox.close();
});

describe('kinds', () => {
  test('status: 429 with Retry-After in seconds fires `times` times, then is spent', async () => {
    const fault = sandbox.faults.add({
      method: 'GET',
      path: '/v7/application',
      kind: 'status',
      status: 429,
      retryAfter: 3,
      body: 'Too Many Requests',
      times: 2,
    });
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await get('/v7/application');
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBe('3');
      expect(await response.text()).toBe('Too Many Requests');
    }
    expect(fault.fired).toBe(2);
    expect(fault.spent).toBe(true);
    expect((await get('/v7/application')).status).toBe(200);
    expect(fault.fired).toBe(2);
    expect(sandbox.faults.list()).toEqual([
      {
        id: fault.id,
        method: 'GET',
        path: '/v7/application',
        match: 'exact',
        kind: 'status',
        times: 2,
        fired: 2,
        spent: true,
      },
    ]);
  });

  test('status: Retry-After as an HTTP-date, JSON bodies and extra headers', async () => {
    const until = new Date('2030-01-02T03:04:05Z');
    sandbox.faults.add({
      path: '/v7/device',
      kind: 'status',
      status: 503,
      retryAfter: until,
      body: { error: 'busy' },
      headers: { 'X-Fault': 'yes' },
    });
    const response = await get('/v7/device');
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('Wed, 02 Jan 2030 03:04:05 GMT');
    expect(response.headers.get('x-fault')).toBe('yes');
    expect(await response.json()).toEqual({ error: 'busy' });
  });

  test.each([500, 502, 504])('status: %i with an empty body', async (status) => {
    sandbox.faults.add({ path: '/v7/release', kind: 'status', status });
    const response = await get('/v7/release');
    expect(response.status).toBe(status);
    expect(await response.text()).toBe('');
  });

  test('delay: the real answer comes after the others', async () => {
    const fault = sandbox.faults.add({ path: '/v7/application', kind: 'delay', delayMs: 1_000 });
    let delayedSettled = false;
    const delayed = get(OWN_FLEETS).then((response) => {
      delayedSettled = true;
      return response;
    });
    expect((await get('/v7/device')).status).toBe(200);
    expect(delayedSettled).toBe(false);
    const response = await delayed;
    expect(response.status).toBe(200);
    expect(((await response.json()) as { d: unknown[] }).d).toEqual([]);
    expect(fault.fired).toBe(1);
  });

  test('hang: no answer until the client gives up', async () => {
    const fault = sandbox.faults.add({ path: '/v7/application', kind: 'hang' });
    const error = await get('/v7/application', { signal: AbortSignal.timeout(300) }).catch((caught: unknown) => caught);
    expect((error as Error).name).toBe('TimeoutError');
    expect(fault.fired).toBe(1);
    expect((await get('/v7/application')).status).toBe(200);
  });

  test('reset: the connection is destroyed before any byte', async () => {
    sandbox.faults.add({ path: '/v7/application', kind: 'reset' });
    const error = await get('/v7/application').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe('fetch failed');
  });

  test('truncate: real status and headers, then the body is cut', async () => {
    sandbox.faults.add({ path: '/v7/device_type', kind: 'truncate', afterBytes: 20 });
    const response = await get('/v7/device_type?$select=slug');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(Number(response.headers.get('content-length'))).toBeGreaterThan(20);
    await expect(response.text()).rejects.toThrow();
  });

  test('truncate: a body shorter than the limit arrives whole', async () => {
    sandbox.faults.add({ path: '/v7/application', kind: 'truncate', afterBytes: 10_000 });
    const response = await get(OWN_FLEETS);
    expect(await response.json()).toEqual({ d: [] });
  });

  test('malformed-json: 200 with an unfinished JSON body', async () => {
    sandbox.faults.add({ path: '/v7/application', kind: 'malformed-json' });
    const response = await get('/v7/application');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const text = await response.text();
    expect(text).toBe('{"d":[');
    expect(() => JSON.parse(text)).toThrow();
  });

  test('drop-stream: a log stream is cut mid-line after K lines, N times', async () => {
    const application = await sandbox.seedApplication({ name: 'faulty-logs' });
    const key = (await (
      await fetch(`${sandbox.url}/api-key/application/${application.id}/provisioning`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${sandbox.superuser.token}`, 'Content-Type': 'application/json' },
        body: '{}',
      })
    ).json()) as string;
    const device = (await (
      await fetch(`${sandbox.url}/device/register`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          application: application.id,
          device_type: 'raspberrypi4-64',
          uuid: randomBytes(16).toString('hex'),
        }),
      })
    ).json()) as { uuid: string; api_key: string };
    const lines = Array.from({ length: 5 }, (_, index) => ({ message: `line ${index + 1}`, timestamp: 1 }));
    await fetch(`${sandbox.url}/device/v2/${device.uuid}/logs`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${device.api_key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(lines),
    });
    const fault = sandbox.faults.add({
      path: `/device/v2/${device.uuid}/logs`,
      kind: 'drop-stream',
      afterLines: 2,
      times: 2,
    });
    const readAll = async () => {
      const response = await get(`/device/v2/${device.uuid}/logs?stream=1&count=5`);
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let text = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return { text, error: undefined };
          text += value;
          if (text.split('\n').filter((line) => line !== '').length >= 5 && text.endsWith('\n')) {
            await reader.cancel();
            return { text, error: undefined };
          }
        }
      } catch (error) {
        return { text, error };
      }
    };
    for (let attempt = 0; attempt < 2; attempt++) {
      const { text, error } = await readAll();
      expect(error).toBeDefined();
      const [first, second, partial, ...rest] = text.split('\n');
      expect(JSON.parse(first!).message).toBe('line 1');
      expect(JSON.parse(second!).message).toBe('line 2');
      expect(partial!.length).toBeGreaterThan(0);
      expect(() => JSON.parse(partial!)).toThrow();
      expect(rest).toEqual([]);
    }
    expect(fault.fired).toBe(2);
    const whole = await readAll();
    expect(whole.error).toBeUndefined();
    expect(
      whole.text
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line).message),
    ).toEqual(lines.map((line) => line.message));
  });
});

describe('matching', () => {
  test('prefix, regex (string or RegExp) and method', async () => {
    sandbox.faults.add({ path: '/v7/', match: 'prefix', kind: 'status', status: 500, times: null });
    expect((await get('/v7/application')).status).toBe(500);
    expect((await get('/v7/device?$top=1')).status).toBe(500);
    expect((await get('/config/vars')).status).toBe(200);
    sandbox.faults.clear();

    sandbox.faults.add({ path: '^/v7/(device|release)$', match: 'regex', kind: 'status', status: 502, times: 5 });
    sandbox.faults.add({ path: /^\/config\//, kind: 'status', status: 503 });
    expect((await get('/v7/release')).status).toBe(502);
    expect((await get('/v7/application')).status).toBe(200);
    expect((await get('/config/vars')).status).toBe(503);
    sandbox.faults.clear();

    sandbox.faults.add({ method: 'post', path: '/v7/application', kind: 'status', status: 500 });
    expect((await get('/v7/application')).status).toBe(200);
    expect(sandbox.faults.list()[0]!.fired).toBe(0);
  });

  test('without a method, CORS preflights (OPTIONS) pass and leave the fault for the real request', async () => {
    const fault = sandbox.faults.add({ path: '/v7/application', kind: 'status', status: 503 });
    const preflight = await fetch(`${sandbox.url}/v7/application`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(200);
    expect(fault.fired).toBe(0);
    expect((await get('/v7/application')).status).toBe(503);
    sandbox.faults.add({ method: 'OPTIONS', path: '/v7/application', kind: 'status', status: 500 });
    expect((await fetch(`${sandbox.url}/v7/application`, { method: 'OPTIONS' })).status).toBe(500);
  });

  test('the first live fault wins; remove() takes a fault out', async () => {
    const first = sandbox.faults.add({ path: '/v7/application', kind: 'status', status: 500 });
    const second = sandbox.faults.add({ path: '/v7/application', kind: 'status', status: 503 });
    expect((await get('/v7/application')).status).toBe(500);
    expect((await get('/v7/application')).status).toBe(503);
    expect([first.fired, second.fired]).toEqual([1, 1]);
    const third = sandbox.faults.add({ path: '/v7/application', kind: 'status', status: 504 });
    third.remove();
    expect(sandbox.faults.list().map((fault) => fault.id)).toEqual([first.id, second.id]);
    expect((await get('/v7/application')).status).toBe(200);
  });

  test('an invalid spec is refused', () => {
    expect(() => sandbox.faults.add({ path: '/x', kind: 'status', status: 42 })).toThrow(
      'status must be an HTTP status code',
    );
    expect(() => sandbox.faults.add({ path: '', kind: 'hang' })).toThrow('path is required');
    expect(() => sandbox.faults.add({ path: '/x', kind: 'hang', times: 0 })).toThrow(
      'times must be a positive integer',
    );
  });
});

describe('HTTP API /sandbox/v1/faults', () => {
  test('the superuser adds, lists and removes faults', async () => {
    const created = await admin('POST', '', {
      path: '/v7/application',
      kind: 'status',
      status: 429,
      retryAfter: 1,
      times: 1,
    });
    expect(created.status).toBe(201);
    const info = (await created.json()) as { id: number };
    expect(info).toMatchObject({ path: '/v7/application', kind: 'status', times: 1, fired: 0, spent: false });
    expect((await get('/v7/application')).status).toBe(429);
    const listed = (await (await admin('GET', '')).json()) as { id: number; fired: number; spent: boolean }[];
    expect(listed).toEqual([expect.objectContaining({ id: info.id, fired: 1, spent: true })]);
    expect((await admin('DELETE', `/${info.id}`)).status).toBe(200);
    expect(await (await admin('GET', '')).json()).toEqual([]);
    expect((await admin('DELETE', `/${info.id}`)).status).toBe(404);
    await admin('POST', '', { path: '/v7/', match: 'prefix', kind: 'reset', times: null });
    expect((await admin('DELETE', '')).status).toBe(200);
    expect(sandbox.faults.list()).toEqual([]);
  });

  test('faults never apply to the admin API itself', async () => {
    await admin('POST', '', { path: '/sandbox/', match: 'prefix', kind: 'status', status: 500, times: null });
    expect((await admin('GET', '')).status).toBe(200);
  });

  test('an invalid spec: 400 with a message', async () => {
    const response = await admin('POST', '', { path: '/v7/application', kind: 'explode' });
    expect(response.status).toBe(400);
    expect(await response.json()).toBe('Unknown fault kind explode');
  });

  test('only the superuser: other users and guests get 401', async () => {
    const user = await sandbox.createUser();
    expect((await admin('GET', '', undefined, user.token)).status).toBe(401);
    expect((await admin('POST', '', { path: '/v7/application', kind: 'hang' }, user.token)).status).toBe(401);
    expect((await admin('DELETE', '', undefined, '')).status).toBe(401);
    expect(sandbox.faults.list()).toEqual([]);
  });
});
