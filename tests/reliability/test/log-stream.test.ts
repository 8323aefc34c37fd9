// A live log subscription under faults on its stream: cut mid-line, refused, reset, hung, rate
// limited. Expected: it reconnects by itself and delivers every line exactly once, in order, both
// the lines that were already there and the lines written while it runs; it reports no error.
import { type LogLine, subscribe } from '@balena-ts/logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Environment, startEnvironment } from './support/environment.js';
import type { FaultAction } from './support/faults.js';
import { createTally } from './support/tally.js';

const DEADLINE_MS = 15_000;
const LINES_BEFORE = 4;
const LINES_LIVE = 4;

const STREAM_FAULTS: { name: string; fault: FaultAction; times: number }[] = [
  { name: 'a stream cut mid-line (twice)', fault: { kind: 'stream-cut', afterLines: 2 }, times: 2 },
  { name: '503 on connect', fault: { kind: 'status', status: 503 }, times: 1 },
  { name: '502 on connect, twice', fault: { kind: 'status', status: 502 }, times: 2 },
  {
    name: '429 with Retry-After on connect',
    fault: { kind: 'status', status: 429, headers: { 'retry-after': '1' } },
    times: 1,
  },
  { name: 'connection reset on connect', fault: { kind: 'reset' }, times: 1 },
  { name: 'a hang on connect', fault: { kind: 'hang' }, times: 1 },
  { name: 'a 401 on connect (token refused once)', fault: { kind: 'status', status: 401 }, times: 1 },
];

// Devices 0 (seeded logs) and 2 (simulated) are used elsewhere; each case gets its own device.
const FIRST_STREAM_DEVICE = 4;

let environment: Environment;
const tally = createTally();

beforeAll(async () => {
  environment = await startEnvironment();
});
afterAll(async () => {
  tally.flush();
  await environment?.close();
});

/** Resolves once `predicate` holds, polling; rejects with `what` when the deadline passes. */
async function until(predicate: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + DEADLINE_MS;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`hung: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('log stream: subscribe', () => {
  it.each(STREAM_FAULTS.map((entry, index) => ({ ...entry, index })))(
    'delivers every line exactly once through $name',
    ({ fault, times, index }) =>
      tally.guard(async () => {
        const uuid = environment.devices[FIRST_STREAM_DEVICE + index]!.uuid;
        const before = Array.from({ length: LINES_BEFORE }, (_, line) => `before ${index}.${line}`);
        const live = Array.from({ length: LINES_LIVE }, (_, line) => `live ${index}.${line}`);
        await environment.writeLogs(uuid, before);
        const { client } = await environment.newClient();
        const handle = environment.faults.add({ ...fault, method: 'GET', path: `/device/v2/${uuid}/logs`, times });
        const received: LogLine[] = [];
        const errors: unknown[] = [];
        tally.operations++;
        const subscription = subscribe(
          client,
          uuid,
          (line) => received.push(line),
          (error) => errors.push(error),
          'all',
          { reconnectDelayMs: 10, maxReconnectDelayMs: 100, heartbeatIntervalMs: 1_000 },
        );
        try {
          await until(() => received.length >= LINES_BEFORE, 'the lines written before subscribing');
          await environment.writeLogs(uuid, live);
          await until(() => received.length >= LINES_BEFORE + LINES_LIVE, 'the lines written while subscribed');
          // A late duplicate would arrive right after: give it a chance to show up.
          await new Promise((resolve) => setTimeout(resolve, 100));
        } finally {
          subscription.unsubscribe();
          handle.remove();
          tally.faults += handle.fired;
        }
        expect(handle.fired).toBe(times);
        expect(received.map((line) => line.message)).toEqual([...before, ...live]);
        expect(errors).toEqual([]);
      }),
  );
});
