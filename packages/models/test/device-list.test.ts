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

describe(`for await over a ${FLEET_SIZE}-device fleet`, () => {
  it('reads one page at a time, lazily, and sees every device once', async () => {
    collectGarbage();
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    context.recorder.reset();
    const seen = new Set<number>();
    let requestsAtFirstDevice = -1;
    // Full rows (every field), so that holding them all would show.
    for await (const row of device.getAllByApplication(context.client, fleet.slug)) {
      if (requestsAtFirstDevice === -1) requestsAtFirstDevice = context.recorder.requests.length;
      seen.add(row.id);
      if (seen.size % 250 === 0) {
        // Live memory only: collect first, so transient garbage does not count as held memory.
        collectGarbage();
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      }
    }
    const pages = context.recorder.requests.filter((request) => request.url.includes('/v7/device?'));
    console.log(
      `for await: ${seen.size} full device rows, ${context.recorder.requests.length} requests (${pages.length} pages), ` +
        `live heap baseline ${megabytes(baseline)}, peak ${megabytes(peak)} (+${megabytes(peak - baseline)}, including the 10,000-id Set of the test)`,
    );
    expect(seen.size).toBe(FLEET_SIZE);
    // One lookup of the slug, then the first page only: nothing is read ahead.
    expect(requestsAtFirstDevice).toBe(2);
    expect(pages).toHaveLength(FLEET_SIZE / PAGE_SIZE + 1);
    expect(pages.every((request) => request.url.includes(`$top=${PAGE_SIZE}`))).toBe(true);
  });

  it('await gives the same devices in one array, ordered by name', async () => {
    collectGarbage();
    const baseline = process.memoryUsage().heapUsed;
    const rows = await device.getAllByApplication(context.client, fleet.id);
    collectGarbage();
    console.log(
      `await: ${rows.length} full device rows held in one array, heap +${megabytes(process.memoryUsage().heapUsed - baseline)}`,
    );
    expect(rows).toHaveLength(FLEET_SIZE);
    expect(new Set(rows.map((row) => row.id)).size).toBe(FLEET_SIZE);
    const names = rows.map((row) => row.device_name);
    for (let index = 1; index < names.length; index += 1) {
      expect((names[index - 1] as string) <= (names[index] as string)).toBe(true);
    }
  });

  it('pages() yields pages of at most 1,000 rows', async () => {
    const sizes: number[] = [];
    for await (const page of device.getAllByApplication(context.client, fleet.id, { $select: ['id'] }).pages()) {
      sizes.push(page.length);
    }
    expect(sizes).toEqual(Array(FLEET_SIZE / PAGE_SIZE).fill(PAGE_SIZE));
  });
});
