// Every call cancellable and bounded, where it is hard: an abort between the lookup and the write of
// one call, in the middle of a 1,000-device batch, of a log stream and of an OS download, and a
// deadline that passes while a `Retry-After` is waited out. What the server saw is read from a
// recording proxy in front of the sandbox (the requests it received, the sockets the client closed)
// and from the sandbox's own state.
import { login } from '@balena-ts/auth';
import { type Client, createClient, type RequestHooks, TimeoutError, withOptions } from '@balena-ts/core';
import { stream } from '@balena-ts/logs';
import * as application from '@balena-ts/models/application';
import * as device from '@balena-ts/models/device';
import * as deviceEnvVariable from '@balena-ts/models/device-env-variable';
import * as deviceOs from '@balena-ts/models/device-os';
import { type Sandbox, startSandbox } from '@balena-ts/sandbox';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RecordingProxy, startRecordingProxy } from './support/recording-proxy.js';

const BATCH_SIZE = 1_000;
const CONCURRENCY = 10;

let sandbox: Sandbox;
let proxy: RecordingProxy;
let fleet: { id: number };
let devices: { id: number; uuid: string }[];
/** Straight to the sandbox, for the server's state. */
let admin: Client;

async function proxiedClient(hooks?: RequestHooks): Promise<Client> {
  const client = createClient({ apiUrl: proxy.url, retryDelay: 5, hooks });
  await client.tokens.set(sandbox.superuser.token);
  return client;
}

async function variableCount(name: string): Promise<number> {
  return admin.pine.count({ resource: 'device_environment_variable', options: { $filter: { name } } });
}

const pause = (milliseconds: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, milliseconds));

beforeAll(async () => {
  sandbox = await startSandbox({ quiet: true, port: 0 });
  proxy = await startRecordingProxy(sandbox.url, { throttlePath: '/download', throttleMs: 20 });
  fleet = await sandbox.seedApplication({ name: 'cancellation', deviceType: 'raspberrypi4-64' });
  devices = await sandbox.seedDevices({ application: fleet.id, count: BATCH_SIZE, namePrefix: 'cancel' });
  admin = createClient({ apiUrl: sandbox.url });
  await login(admin, { username: sandbox.superuser.email, password: sandbox.superuser.password });
});

afterEach(() => {
  sandbox.faults.clear();
  proxy.onRequest = undefined;
});

afterAll(async () => {
  await proxy?.close();
  await sandbox?.close();
});

describe('an abort between the lookup and the write of one call', () => {
  it('rejects with the reason, and the write is never sent', async () => {
    const device = devices[0]!;
    sandbox.faults.add({ method: 'GET', path: '/v7/device', match: 'prefix', kind: 'delay', delayMs: 800 });
    const controller = new AbortController();
    const client = withOptions(await proxiedClient(), { signal: controller.signal });
    const first = proxy.exchanges.length;
    const call = deviceEnvVariable.set(client, device.uuid, 'LOOKUP_ABORTED', 'x');
    await pause(150);
    controller.abort(new Error('cancelled during the lookup'));
    await expect(call).rejects.toThrow('cancelled during the lookup');
    // The lookup's answer comes back after the abort: still nothing may follow it.
    await pause(1_000);
    const seen = proxy.exchanges.slice(first).map((exchange) => `${exchange.method} ${exchange.url.split('?')[0]}`);
    expect(seen).toEqual([expect.stringMatching(/^GET \/v7\/device/)]);
    expect(proxy.exchanges[first]?.closedEarly).toBe(true);
    expect(await variableCount('LOOKUP_ABORTED')).toBe(0);
  });
});

describe('an abort in the middle of a 1,000-device batch', () => {
  it('stops the writes in flight and queued, sends nothing after, and names how many were written', async () => {
    const ids = devices.map((device) => device.id);
    const controller = new AbortController();
    let sentAfterAbort = 0;
    const client = withOptions(
      await proxiedClient({
        onRequest: () => {
          if (controller.signal.aborted) sentAfterAbort += 1;
        },
      }),
      { signal: controller.signal },
    );
    const reason = new Error('batch cancelled');
    let abortedAt = Number.POSITIVE_INFINITY;
    let posts = 0;
    proxy.onRequest = (exchange) => {
      if (exchange.method !== 'POST' || !exchange.url.startsWith('/v7/device_environment_variable')) return;
      posts += 1;
      if (posts === 100) {
        abortedAt = performance.now();
        controller.abort(reason);
      }
    };
    const first = proxy.exchanges.length;
    const error = (await deviceEnvVariable
      .setForDevices(client, ids, 'BATCH_ABORTED', 'on', { concurrency: CONCURRENCY })
      .catch((caught: unknown) => caught)) as deviceEnvVariable.PartialWriteError;

    expect(error).toBeInstanceOf(deviceEnvVariable.PartialWriteError);
    expect(error.cause).toBe(reason);
    expect(error.written.length + error.notWritten.length).toBe(BATCH_SIZE);
    expect(error.message).toMatch(
      new RegExp(
        `^Wrote device_environment_variable BATCH_ABORTED on ${error.written.length} of 1000 targets; not written: `,
      ),
    );
    expect(error.written.length).toBeGreaterThanOrEqual(100 - CONCURRENCY);
    expect(error.written.length).toBeLessThan(100);
    // The client sent nothing after the abort; the server received at most the requests already on their way.
    expect(sentAfterAbort).toBe(0);
    await pause(300);
    const late = proxy.exchanges.slice(first).filter((exchange) => exchange.receivedAt > abortedAt);
    expect(late.length).toBeLessThan(CONCURRENCY);
    // Every device reported written holds the value; a write cut off in flight may hold it as well.
    const held = await variableCount('BATCH_ABORTED');
    expect(held).toBeGreaterThanOrEqual(error.written.length);
    expect(held - error.written.length).toBeLessThanOrEqual(CONCURRENCY);
  });
});

describe('a deadline over a call of several requests', () => {
  it('bounds the call as a whole: a lookup and a write each within it, together past it, reject with a TimeoutError', async () => {
    const target = devices[1]!;
    // Each request takes 450 ms, well within the 700 ms deadline; the lookup then the write do not.
    sandbox.faults.add({ method: 'GET', path: '/v7/device', match: 'prefix', kind: 'delay', delayMs: 450 });
    sandbox.faults.add({
      method: 'POST',
      path: '/v7/device_environment_variable',
      match: 'prefix',
      kind: 'delay',
      delayMs: 450,
    });
    const client = withOptions(await proxiedClient(), { deadline: 700 });
    const error = await deviceEnvVariable
      .set(client, target.uuid, 'WHOLE_CALL_DEADLINE', 'x')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    // The write went out with the time left (about 250 ms) as its own deadline, and says so.
    expect((error as Error).message).toMatch(
      /^POST http:\/\/127\.0\.0\.1:\d+\/v7\/device_environment_variable did not complete within its deadline of \d+ ms: 1 attempt in \d+ ms/,
    );
  });

  it('refuses a request once the deadline has passed, before sending it', async () => {
    const client = withOptions(await proxiedClient(), { deadline: 100 });
    await pause(150);
    const first = proxy.exchanges.length;
    const error = await application.getAll(client).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toMatch(/^The call's deadline of 100 ms passed \(1\d\d ms since withOptions\)$/);
    expect(client.signal?.aborted).toBe(true);
    expect(proxy.exchanges.length).toBe(first);
  });

  it('leaves a call that ends within it alone, and keeps no timer running after it', async () => {
    const client = withOptions(await proxiedClient(), { deadline: 60_000 });
    await deviceEnvVariable.set(client, devices[2]!.uuid, 'WITHIN_DEADLINE', 'x');
    expect(await variableCount('WITHIN_DEADLINE')).toBe(1);
    expect(client.signal?.aborted).toBe(false);
  });
});

describe('an abort in the middle of a chunked device write', () => {
  it("sends no chunk after the abort and names the devices written and not written, in the caller's form", async () => {
    const CHUNK = 100;
    const targets = devices.slice(0, 350);
    const uuids = targets.map((target) => target.uuid.toUpperCase());
    const controller = new AbortController();
    const base = createClient({ apiUrl: proxy.url, retryDelay: 5, requestBatchSize: CHUNK });
    await base.tokens.set(sandbox.superuser.token);
    const client = withOptions(base, { signal: controller.signal });
    const reason = new Error('rename cancelled');
    let patches = 0;
    proxy.onRequest = (exchange) => {
      if (exchange.method !== 'PATCH' || !exchange.url.startsWith('/v7/device')) return;
      patches += 1;
      // The second chunk's PATCH is on its way: it is answered, then the abort stops the rest.
      if (patches === 2) controller.abort(reason);
    };
    const error = (await device
      .rename(client, uuids, 'chunk-aborted')
      .catch((caught: unknown) => caught)) as device.PartialWriteError;

    expect(error).toBeInstanceOf(device.PartialWriteError);
    expect(error.cause).toBe(reason);
    expect(patches).toBe(2);
    expect(error.written).toEqual(uuids.slice(0, CHUNK));
    expect(error.notWritten).toEqual(uuids.slice(CHUNK));
    expect(error.failures.map((failure) => failure.target)).toEqual(uuids.slice(CHUNK, 2 * CHUNK));
    expect(error.message).toMatch(/^Wrote device device_name on 100 of 350 targets; not written: /);
    const renamed = await admin.pine.count({
      resource: 'device',
      options: { $filter: { device_name: 'chunk-aborted' } },
    });
    // The first chunk was answered; the second reached the server before the abort cut its answer off.
    expect(renamed).toBeGreaterThanOrEqual(CHUNK);
    expect(renamed).toBeLessThanOrEqual(2 * CHUNK);
  });

  it('rethrows a failure before any chunk was written as it is', async () => {
    const controller = new AbortController();
    const base = createClient({ apiUrl: proxy.url, retryDelay: 5, requestBatchSize: 100 });
    await base.tokens.set(sandbox.superuser.token);
    const client = withOptions(base, { signal: controller.signal });
    const reason = new Error('cancelled at the first chunk');
    proxy.onRequest = (exchange) => {
      if (exchange.method === 'PATCH' && exchange.url.startsWith('/v7/device')) controller.abort(reason);
    };
    const ids = devices.slice(0, 250).map((target) => target.id);
    await expect(device.rename(client, ids, 'never-written')).rejects.toBe(reason);
  });
});

describe('an abort in the middle of a log stream', () => {
  it('ends the stream and closes its socket', async () => {
    const device = devices[1]!;
    const simulated = await sandbox.simulateDevice(device.uuid, { logIntervalMs: 0 });
    try {
      await simulated.log('first line');
      const controller = new AbortController();
      const client = withOptions(await proxiedClient(), { signal: controller.signal });
      const first = proxy.exchanges.length;
      const lines: string[] = [];
      const reading = (async () => {
        for await (const line of stream(client, device.uuid, { count: 'all' })) {
          lines.push(line.message);
          controller.abort(new Error('stream cancelled'));
        }
      })();
      await expect(reading).resolves.toBeUndefined();
      // The stream ends at once: no line after the abort.
      expect(lines).toHaveLength(1);
      const logStream = proxy.exchanges
        .slice(first)
        .find((exchange) => exchange.url.startsWith(`/device/v2/${device.uuid}/logs`));
      expect(logStream).toBeDefined();
      await Promise.race([logStream!.closed, pause(2_000)]);
      expect(logStream!.closedEarly).toBe(true);
    } finally {
      await simulated.stop();
    }
  });
});

describe('an abort in the middle of an OS download', () => {
  it('rejects the read with the reason and closes the socket', async () => {
    const controller = new AbortController();
    const client = withOptions(await proxiedClient(), { signal: controller.signal });
    const first = proxy.exchanges.length;
    const image = await deviceOs.download(client, { deviceType: 'raspberrypi4-64' });
    const reader = image.stream.getReader();
    const piece = await reader.read();
    expect(piece.value?.byteLength).toBeGreaterThan(0);
    controller.abort(new Error('download cancelled'));
    await expect(
      (async () => {
        for (;;) if ((await reader.read()).done) return 'finished';
      })(),
    ).rejects.toThrow('download cancelled');
    const download = proxy.exchanges.slice(first).find((exchange) => exchange.url.startsWith('/download'));
    expect(download).toBeDefined();
    await Promise.race([download!.closed, pause(2_000)]);
    expect(download!.closedEarly).toBe(true);
  });
});

describe('a deadline and a Retry-After', () => {
  it('ends the call at once with a TimeoutError when the wait asked for ends past the deadline; the retry is never sent', async () => {
    sandbox.faults.add({ method: 'GET', path: '/v7/application', kind: 'status', status: 503, retryAfter: 5 });
    const client = withOptions(await proxiedClient(), { deadline: 700 });
    const first = proxy.exchanges.length;
    const started = performance.now();
    const error = await application.getAll(client).catch((caught: unknown) => caught);
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).message).toMatch(
      /^GET http:\/\/127\.0\.0\.1:\d+\/v7\/application.* answered 503 and asked to wait 5,000 ms \(Retry-After\), past its deadline of (?:700|69\d) ms: gave up after 1 attempt in \d+ ms$/,
    );
    // Waiting could only have ended at the deadline: the call gives up without waiting.
    expect(elapsed).toBeLessThan(500);
    await pause(200);
    expect(proxy.exchanges.slice(first).filter((exchange) => exchange.url.startsWith('/v7/application'))).toHaveLength(
      1,
    );
  });

  it('ends the call at the deadline when the retry after a Retry-After wait hangs, its socket closed', async () => {
    sandbox.faults.add({ method: 'GET', path: '/v7/application', kind: 'status', status: 503, retryAfter: 1 });
    const client = withOptions(await proxiedClient(), { deadline: 1_500 });
    const first = proxy.exchanges.length;
    let hangs = 0;
    proxy.onRequest = (exchange) => {
      // The retry arrives after the wait: from then on the API hangs.
      if (exchange.url.startsWith('/v7/application') && hangs++ === 0) {
        sandbox.faults.add({ method: 'GET', path: '/v7/application', kind: 'hang' });
      }
    };
    const started = performance.now();
    const error = await application.getAll(client).catch((caught: unknown) => caught);
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).message).toMatch(
      /did not complete within its deadline of 1,[45]\d\d ms: 2 attempts in 1,[45]\d\d ms \(each attempt may take 30,000 ms\)$/,
    );
    expect(elapsed).toBeGreaterThanOrEqual(1_490);
    expect(elapsed).toBeLessThan(2_500);
    const sent = proxy.exchanges.slice(first).filter((exchange) => exchange.url.startsWith('/v7/application'));
    expect(sent).toHaveLength(2);
    await Promise.race([sent[1]!.closed, pause(2_000)]);
    expect(sent[1]!.closedEarly).toBe(true);
  });
});
