import { once } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import { type Client, createClient } from '@balena-ts/core';
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

/** The ids in the order a paged listing (one $top/$skip page per request) gives them: the reference order. */
let pagedOrder: number[];
/** How much the live heap grew while streaming the fleet, for comparison with holding it. */
let streamedGrowth = Number.POSITIVE_INFINITY;

describe(`for await over a ${FLEET_SIZE}-device fleet`, () => {
  it('pageSize reads one page per request, ordered by name then id', async () => {
    context.recorder.reset();
    const sizes: number[] = [];
    pagedOrder = [];
    const list = device.streamAllByApplication(context.client, fleet.id, { $select: ['id'], pageSize: 2_500 });
    for await (const page of list.pages()) {
      sizes.push(page.length);
      for (const row of page) pagedOrder.push(row.id);
    }
    expect(sizes).toEqual([2_500, 2_500, 2_500, 2_500]);
    // Four full pages, then the empty one that ends the list.
    expect(context.recorder.requests.map((request) => request.url.includes('$top=2500'))).toEqual(Array(5).fill(true));
    expect(new Set(pagedOrder).size).toBe(FLEET_SIZE);
  });

  it('reads the whole fleet in one streamed request, row by row, with a flat heap', async () => {
    collectGarbage();
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    context.recorder.reset();
    const seen: number[] = [];
    let requestsAtFirstDevice = -1;
    // Full rows (every field), so that holding them all would show.
    for await (const row of device.streamAllByApplication(context.client, fleet.slug)) {
      if (requestsAtFirstDevice === -1) requestsAtFirstDevice = context.recorder.requests.length;
      seen.push(row.id);
      if (seen.length % 250 === 0) {
        // Live memory only: collect first, so transient garbage does not count as held memory.
        collectGarbage();
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      }
    }
    const listings = context.recorder.requests.filter((request) => request.url.includes('/v7/device?'));
    console.log(
      `for await: ${seen.length} full device rows, ${context.recorder.requests.length} requests (${listings.length} listing), ` +
        `live heap baseline ${megabytes(baseline)}, peak ${megabytes(peak)} (+${megabytes(peak - baseline)}, including the 10,000 ids the test keeps)`,
    );
    expect(seen).toEqual(pagedOrder);
    // One lookup of the slug, then the one listing request.
    expect(requestsAtFirstDevice).toBe(2);
    expect(context.recorder.requests).toHaveLength(2);
    expect(listings).toHaveLength(1);
    expect(listings[0]?.url).not.toContain('$top');
    streamedGrowth = peak - baseline;
    expect(streamedGrowth).toBeLessThan(4 * 1024 * 1024);
  });

  it('getAllByApplication is a real Promise of the same devices in one array from one request, ordered by name', async () => {
    collectGarbage();
    const baseline = process.memoryUsage().heapUsed;
    context.recorder.reset();
    const pending = device.getAllByApplication(context.client, fleet.id);
    expect(pending).toBeInstanceOf(Promise);
    const rows = await pending;
    collectGarbage();
    const held = process.memoryUsage().heapUsed - baseline;
    console.log(`await: ${rows.length} full device rows held in one array, heap +${megabytes(held)}`);
    // A numeric id needs no lookup: the listing is the only request.
    expect(context.recorder.requests).toHaveLength(1);
    expect(rows.map((row) => row.id)).toEqual(pagedOrder);
    const names = rows.map((row) => row.device_name);
    for (let index = 1; index < names.length; index += 1) {
      expect((names[index - 1] as string) <= (names[index] as string)).toBe(true);
    }
    // Holding the 10,000 rows costs several times what streaming them did.
    expect(streamedGrowth).toBeLessThan(held / 4);
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
    expect(again.map((row) => row.id)).toEqual(pagedOrder.slice(5, 8));
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
