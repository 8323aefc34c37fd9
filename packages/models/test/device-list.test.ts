import { once } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import { type Client, createClient, paginate } from '@balena-ts/core';
import * as device from '@balena-ts/models/device';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RecordingFetch, recordingFetch } from './helpers/sandbox.js';

const FLEET_SIZE = 10_000;
const PAGE_SIZE = 1_000;

// The sandbox runs in a worker thread: its own heap, so the figures below are the client's alone.
let worker: Worker;
let context: { client: Client; recorder: RecordingFetch };
let fleet: { id: number; slug: string };

beforeAll(async () => {
  worker = new Worker(new URL('./helpers/sandbox-worker.mjs', import.meta.url), {
    workerData: { name: 'big-fleet', count: FLEET_SIZE },
  });
  const [ready] = (await once(worker, 'message')) as [{ url: string; token: string; application: typeof fleet }];
  const recorder = recordingFetch();
  const client = createClient({ apiUrl: ready.url, fetch: recorder.fetch });
  await client.tokens.set(ready.token);
  context = { client, recorder };
  fleet = ready.application;
});

afterAll(async () => {
  worker?.postMessage('close');
  if (worker) await once(worker, 'message');
  await worker?.terminate();
});

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function collectGarbage(): void {
  gc();
  gc();
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The fleet's ids in the order the device lists promise (name, then id for equal names), read
 * with that order spelled out, so that no test depends on another having run.
 */
let expectedOrder: number[];

beforeAll(async () => {
  const rows = await paginate<{ id: number }>(context.client, {
    resource: 'device',
    options: {
      $select: 'id',
      $filter: { belongs_to__application: fleet.id },
      $orderby: [{ device_name: 'asc' }, { id: 'asc' }],
    },
    pageSize: FLEET_SIZE,
  }).toArray();
  expectedOrder = rows.map((row) => row.id);
});

/** What the last measured reader returned, kept reachable until its size has been measured. */
const retained: { value?: unknown } = {};

/** How much the live heap grows while `read` runs, sampled every 250 rows after a collection. */
async function liveHeapGrowth(read: (sample: () => void) => Promise<unknown>): Promise<number> {
  collectGarbage();
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  let rows = 0;
  retained.value = await read(() => {
    rows += 1;
    if (rows % 250 !== 0) return;
    // Live memory only: collect first, so transient garbage does not count as held memory.
    collectGarbage();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  });
  // What the reader returned is still referenced (by `retained`), so holding it is measured.
  collectGarbage();
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  retained.value = undefined;
  return peak - baseline;
}

describe(`for await over a ${FLEET_SIZE}-device fleet`, () => {
  it('pageSize reads one page per request, ordered by name then id', async () => {
    context.recorder.reset();
    const sizes: number[] = [];
    const rows: { id: number; device_name: string }[] = [];
    const list = device.streamAllByApplication(context.client, fleet.id, {
      $select: ['id', 'device_name'],
      pageSize: 2_500,
    });
    for await (const page of list.pages()) {
      sizes.push(page.length);
      rows.push(...page);
    }
    expect(sizes).toEqual([2_500, 2_500, 2_500, 2_500]);
    // Four full pages, then the empty one that ends the list.
    expect(context.recorder.requests.map((request) => request.url.includes('$top=2500'))).toEqual(Array(5).fill(true));
    for (let index = 1; index < rows.length; index += 1) {
      const [before, after] = [rows[index - 1]!, rows[index]!];
      const ordered =
        before.device_name < after.device_name || (before.device_name === after.device_name && before.id < after.id);
      expect(ordered, `row ${index}: ${before.device_name}#${before.id} then ${after.device_name}#${after.id}`).toBe(
        true,
      );
    }
    expect(rows.map((row) => row.id)).toEqual(expectedOrder);
  });

  it('reads the whole fleet in one streamed request, row by row, with a flat heap', async () => {
    context.recorder.reset();
    const seen: number[] = [];
    let requestsAtFirstDevice = -1;
    // Full rows (every field), so that holding them all would show.
    const growth = await liveHeapGrowth(async (sample) => {
      for await (const row of device.streamAllByApplication(context.client, fleet.slug)) {
        if (requestsAtFirstDevice === -1) requestsAtFirstDevice = context.recorder.requests.length;
        seen.push(row.id);
        sample();
      }
    });
    const listings = context.recorder.requests.filter((request) => request.url.includes('/v7/device?'));
    console.log(
      `for await: ${seen.length} full device rows, ${context.recorder.requests.length} requests (${listings.length} listing), ` +
        `live heap +${megabytes(growth)} (including the 10,000 ids the test keeps)`,
    );
    expect(seen).toEqual(expectedOrder);
    // One lookup of the slug, then the one listing request.
    expect(requestsAtFirstDevice).toBe(2);
    expect(context.recorder.requests).toHaveLength(2);
    expect(listings).toHaveLength(1);
    expect(listings[0]?.url).not.toContain('$top');
    expect(growth).toBeLessThan(4 * 1024 * 1024);
  });

  it('getAllByApplication is a real Promise of the same devices in one array from one request, ordered by name', async () => {
    context.recorder.reset();
    const pending = device.getAllByApplication(context.client, fleet.id);
    expect(pending).toBeInstanceOf(Promise);
    const rows = await pending;
    // A numeric id needs no lookup: the listing is the only request.
    expect(context.recorder.requests).toHaveLength(1);
    expect(rows.map((row) => row.id)).toEqual(expectedOrder);
  });

  it('holding the 10,000 rows in one array costs several times what streaming them does', async () => {
    const streamed = await liveHeapGrowth(async (sample) => {
      for await (const _row of device.streamAllByApplication(context.client, fleet.id)) sample();
    });
    const held = await liveHeapGrowth(async () => device.getAllByApplication(context.client, fleet.id));
    console.log(`streamed: heap +${megabytes(streamed)}; held in one array: heap +${megabytes(held)}`);
    expect(streamed).toBeLessThan(held / 4);
  });

  it('pages() yields the streamed rows in arrays of 1,000 from one request', async () => {
    context.recorder.reset();
    const sizes: number[] = [];
    for await (const page of device.streamAllByApplication(context.client, fleet.id, { $select: ['id'] }).pages()) {
      sizes.push(page.length);
    }
    expect(sizes).toEqual(Array(FLEET_SIZE / PAGE_SIZE).fill(PAGE_SIZE));
    expect(context.recorder.requests).toHaveLength(1);
  });

  it('stops reading when the loop breaks, and the client keeps working', async () => {
    let count = 0;
    for await (const _row of device.streamAll(context.client, { $select: ['id'] })) {
      count += 1;
      if (count === 10) break;
    }
    expect(count).toBe(10);
    const again = await device.getAllByApplication(context.client, fleet.id, { $select: ['id'], $top: 3, $skip: 5 });
    expect(again.map((row) => row.id)).toEqual(expectedOrder.slice(5, 8));
  });

  it('checks that an application given by id exists only when the list is empty', async () => {
    context.recorder.reset();
    const missing = 987_654;
    await expect(device.getAllByApplication(context.client, missing)).rejects.toThrow(/987654/);
    expect(context.recorder.requests).toHaveLength(2);
    const iterated = await (async () => {
      for await (const _row of device.streamAllByApplication(context.client, missing)) {
        // never reached
      }
    })().catch((caught: unknown) => caught);
    expect((iterated as Error).name).toBe('ApplicationNotFound');
  });
});
