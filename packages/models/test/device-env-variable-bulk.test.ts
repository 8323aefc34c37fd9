// Setting one variable on 1,000 devices: few requests, bounded concurrency, and an honest report
// of what was and was not written when a request fails.
import { type Client, createClient, DeviceNotFound, InvalidParameter } from '@balena-ts/core';
import * as deviceConfigVariable from '@balena-ts/models/device-config-variable';
import * as deviceEnvVariable from '@balena-ts/models/device-env-variable';
import { PartialWriteError } from '@balena-ts/models/device-env-variable';
import * as deviceTag from '@balena-ts/models/device-tag';
import { type Sandbox, startSandbox } from '@balena-ts/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const DEVICE_COUNT = 1_000;
const GATE_TIMEOUT_MS = 5_000;

/** A fetch that counts requests per method, tracks how many are in flight, and can fail chosen POSTs. */
function instrumentedFetch() {
  const state = {
    byMethod: {} as Record<string, number>,
    inFlight: 0,
    maxInFlight: 0,
    posts: 0,
    /** 1-based numbers of the POSTs to fail with a dropped connection (a transport fault, not an API answer). */
    failPosts: new Set<number>(),
    /** Called on every POST, with its 1-based number. */
    onPost: (_count: number) => {},
    /**
     * Requests wait until this many are in flight at once (or GATE_TIMEOUT_MS passes): a pool that
     * runs that many concurrently opens the gate at once; one that does not is seen never to.
     */
    gate: 0,
  };
  let opened = Promise.resolve();
  let open = () => {};
  const wrapped: typeof fetch = async (input, init) => {
    const method = new Request(input, init).method;
    state.byMethod[method] = (state.byMethod[method] ?? 0) + 1;
    if (method === 'POST') {
      state.posts += 1;
      state.onPost(state.posts);
      if (state.failPosts.has(state.posts)) throw new TypeError('fetch failed: connection reset by the test');
    }
    state.inFlight += 1;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    try {
      if (state.gate > 0) {
        if (state.inFlight >= state.gate) {
          state.gate = 0;
          open();
        } else {
          const timeout = new Promise<void>((resolve) => setTimeout(resolve, GATE_TIMEOUT_MS));
          await Promise.race([opened, timeout]);
          // After the timeout too, the gate stays open: it holds one wave of requests, never each.
          state.gate = 0;
          open();
        }
      }
      return await fetch(input, init);
    } finally {
      state.inFlight -= 1;
    }
  };
  return {
    fetch: wrapped,
    state,
    reset() {
      state.byMethod = {};
      state.maxInFlight = 0;
      state.posts = 0;
      state.failPosts = new Set();
      state.onPost = () => {};
      state.gate = 0;
    },
    /** Holds the next requests until `count` are in flight together. */
    holdUntilInFlight(count: number) {
      state.gate = count;
      opened = new Promise<void>((resolve) => {
        open = resolve;
      });
    },
  };
}

let sandbox: Sandbox;
let client: Client;
let instrumented: ReturnType<typeof instrumentedFetch>;
let applicationId: number;
let devices: { id: number; uuid: string }[];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  instrumented = instrumentedFetch();
  client = createClient({ apiUrl: sandbox.url, fetch: instrumented.fetch, retry: false, requestBatchSize: 1_000 });
  await client.tokens.set(sandbox.superuser.token);
  const application = await sandbox.seedApplication({ name: 'bulk-fleet' });
  applicationId = application.id;
  devices = await sandbox.seedDevices({ application: applicationId, count: DEVICE_COUNT });
});

afterAll(async () => {
  await sandbox?.close();
});

async function valuesOf(name: string): Promise<Map<number, string>> {
  const rows = await deviceEnvVariable.getAllByApplication(client, applicationId, {
    $select: ['device', 'value'],
    $filter: { name },
  });
  return new Map(rows.map((row) => [(row.device as { __id: number }).__id, row.value]));
}

async function timed(label: string, work: () => Promise<void>): Promise<void> {
  instrumented.reset();
  const started = performance.now();
  await work();
  const elapsedMs = Math.round(performance.now() - started);
  const total = Object.values(instrumented.state.byMethod).reduce((sum, count) => sum + count, 0);
  console.log(
    `${label}: ${total} requests ${JSON.stringify(instrumented.state.byMethod)}, ` +
      `at most ${instrumented.state.maxInFlight} in flight, ${elapsedMs} ms`,
  );
}

describe('device-env-variable.setForDevices', () => {
  it('creates a variable on 1,000 devices with at most `concurrency` requests in flight', async () => {
    const ids = devices.map((device) => device.id);
    await timed('create on 1,000 devices by id, concurrency 8', () => {
      instrumented.holdUntilInFlight(8);
      return deviceEnvVariable.setForDevices(client, ids, 'MODE', 'eco', { concurrency: 8 });
    });
    // The gate held the first requests until eight were in flight: exactly the concurrency asked for.
    expect(instrumented.state.maxInFlight).toBe(8);
    // Ids are not looked up: one create per device, nothing else.
    expect(instrumented.state.byMethod).toEqual({ POST: DEVICE_COUNT });
    const values = await valuesOf('MODE');
    expect(values.size).toBe(DEVICE_COUNT);
    expect([...values.values()].every((value) => value === 'eco')).toBe(true);
  });

  it('updates the existing rows with one PATCH per chunk, and writes nothing when the value is already there', async () => {
    const uuids = devices.map((device) => device.uuid);
    await timed('update on 1,000 devices by uuid', () =>
      deviceEnvVariable.setForDevices(client, uuids, 'MODE', 'turbo'),
    );
    expect(instrumented.state.byMethod.POST).toBeUndefined();
    expect(instrumented.state.byMethod.PATCH).toBeGreaterThanOrEqual(1);
    expect(instrumented.state.byMethod.PATCH).toBeLessThanOrEqual(3);
    expect(instrumented.state.byMethod.GET).toBeLessThanOrEqual(10);
    const values = await valuesOf('MODE');
    expect([...values.values()].filter((value) => value === 'turbo')).toHaveLength(DEVICE_COUNT);

    await timed('same value again', () => deviceEnvVariable.setForDevices(client, uuids, 'MODE', 'turbo'));
    expect(Object.keys(instrumented.state.byMethod)).toEqual(['GET']);
  });

  it('when requests fail, still writes the others and says which devices were and were not set', async () => {
    const ids = devices.map((device) => device.id);
    instrumented.reset();
    instrumented.state.failPosts = new Set([100, 250, 999]);
    const error = await deviceEnvVariable
      .setForDevices(client, ids, 'FLAKY', 'on', { concurrency: 10 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PartialWriteError);
    const partial = error as PartialWriteError;
    expect(partial.notWritten).toHaveLength(3);
    expect(partial.written).toHaveLength(DEVICE_COUNT - 3);
    expect(partial.failures.map((failure) => failure.target).sort()).toEqual([...partial.notWritten].sort());
    expect(partial.message).toMatch(/on 997 of 1000 targets; not written: /);
    console.log(`partial failure reported: ${partial.message}`);

    const values = await valuesOf('FLAKY');
    expect(values.size).toBe(DEVICE_COUNT - 3);
    for (const id of partial.notWritten) expect(values.has(id as number)).toBe(false);
    for (const id of partial.written) expect(values.get(id as number)).toBe('on');

    await deviceEnvVariable.setForDevices(client, partial.notWritten as number[], 'FLAKY', 'on');
    expect((await valuesOf('FLAKY')).size).toBe(DEVICE_COUNT);
  });

  it('stops the writes in flight and queued when aborted, and lists every device it did not confirm', async () => {
    const ids = devices.slice(0, 200).map((device) => device.id);
    const controller = new AbortController();
    instrumented.reset();
    instrumented.state.onPost = (count) => {
      if (count === 20) controller.abort(new Error('stopped by the test'));
    };
    const error = await deviceEnvVariable
      .setForDevices(client, ids, 'ABORTED', 'x', { concurrency: 4, signal: controller.signal })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PartialWriteError);
    const partial = error as PartialWriteError;
    expect((partial.cause as Error).message).toBe('stopped by the test');
    expect(partial.written.length + partial.notWritten.length).toBe(200);
    expect(partial.notWritten.length).toBeGreaterThanOrEqual(200 - 20);
    // The writes in flight when the signal aborted (at most `concurrency`) were cut off: no request after them.
    expect(instrumented.state.posts).toBeLessThanOrEqual(20 + 3);
    const values = await valuesOf('ABORTED');
    // Every write reported is on the server; a write cut off in flight may have reached it as well.
    for (const id of partial.written) expect(values.has(id as number)).toBe(true);
    expect(values.size - partial.written.length).toBeLessThanOrEqual(4);
  });

  it('checks its arguments and every device before writing anything', async () => {
    for (const concurrency of [0, -1, 1.5, Number.NaN]) {
      instrumented.reset();
      await expect(
        deviceEnvVariable.setForDevices(client, [devices[0]!.id], 'MODE', 'x', { concurrency }),
      ).rejects.toBeInstanceOf(InvalidParameter);
      expect(instrumented.state.byMethod).toEqual({});
    }
    for (const bad of [[], [devices[0]!.id, devices[1]!.uuid], ['short']] as never[]) {
      await expect(deviceEnvVariable.setForDevices(client, bad, 'MODE', 'x')).rejects.toBeInstanceOf(InvalidParameter);
    }
    await expect(deviceEnvVariable.setForDevices(client, [1], 'BALENA_X', 'x')).rejects.toThrow(/reserved/);
    for (const options of [null, 5, 'fast']) {
      await expect(
        deviceEnvVariable.setForDevices(client, [devices[0]!.id], 'MODE', 'x', options as never),
      ).rejects.toBeInstanceOf(InvalidParameter);
    }
    // Uuids are looked up in one batched request: a missing one stops everything before any write.
    instrumented.reset();
    const missingUuid = await deviceEnvVariable
      .setForDevices(client, [devices[0]!.uuid, 'e'.repeat(32)], 'NEVER', 'x')
      .catch((caught: unknown) => caught);
    expect(missingUuid).toBeInstanceOf(DeviceNotFound);
    expect((missingUuid as DeviceNotFound).message).toContain('e'.repeat(32));
    expect(instrumented.state.byMethod).toEqual({ GET: 1 });
    expect((await valuesOf('NEVER')).size).toBe(0);
  });

  it('with ids, writes the devices that exist and reports the missing ones as DeviceNotFound', async () => {
    const present = devices[0]!.id;
    const error = await deviceEnvVariable
      .setForDevices(client, [present, 987_654_321], 'SOME', 'x')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PartialWriteError);
    const partial = error as PartialWriteError;
    expect(partial.written).toEqual([present]);
    expect(partial.notWritten).toEqual([987_654_321]);
    expect(partial.failures[0]?.error).toBeInstanceOf(DeviceNotFound);
    expect(partial.message).toContain('987654321');
    expect([...(await valuesOf('SOME')).keys()]).toEqual([present]);
  });
});

describe('setForDevices of tags and config variables', () => {
  it('looks uuids up with their existing row in one request, and writes nothing the second time', async () => {
    const uuids = devices.slice(0, 20).map((device) => device.uuid);
    await deviceTag.setForDevices(client, uuids, 'room', 'lab');
    await deviceConfigVariable.setForDevices(client, uuids, 'BALENA_SUPERVISOR_POLL_INTERVAL', '600000');
    instrumented.reset();
    await deviceTag.setForDevices(client, uuids, 'room', 'lab');
    await deviceConfigVariable.setForDevices(client, uuids, 'BALENA_SUPERVISOR_POLL_INTERVAL', '600000');
    expect(instrumented.state.byMethod).toEqual({ GET: 2 });
    const tags = await deviceTag.getAllByApplication(client, applicationId, { $filter: { tag_key: 'room' } });
    expect(tags.map((tag) => tag.value)).toEqual(Array(20).fill('lab'));
    instrumented.reset();
    await deviceTag.setForDevices(client, uuids, 'room', 'office');
    expect(instrumented.state.byMethod).toEqual({ GET: 1, PATCH: 1 });
  });
});
