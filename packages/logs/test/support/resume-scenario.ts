// The reliability scenario of the brief: a device writes 10,000 lines while the subscriber's
// connection is dropped mid-line 10 times; the subscriber must receive exactly those lines, in order.
import type { LogTransport } from '../../src/index.js';
import { subscribe } from '../../src/index.js';
import { mqttTransport } from '../../src/mqtt.js';
import { sseTransport } from '../../src/sse.js';
import { startCuttingProxy } from './cutting-proxy.js';
import { type LogsFixture, until } from './logs-sandbox.js';

export const TOTAL_LINES = 10_000;
export const DROPS = 10;

export interface ResumeOutcome {
  expected: string[];
  received: string[];
  drops: number;
  reconnects: number;
  errors: unknown[];
}

/** Who drops the connection: the sandbox's `drop-stream` fault (HTTP streams) or a TCP proxy (MQTT). */
export type Kind = 'ndjson' | 'sse' | 'mqtt';

interface Dropper {
  transport: LogTransport | undefined;
  /** Called before each tenth of the lines is posted. */
  beforeBatch(): void;
  drops(): number;
  close(): Promise<void>;
}

async function dropperFor(kind: Kind, fixture: LogsFixture, uuid: string): Promise<Dropper> {
  if (kind === 'mqtt') {
    const proxy = await startCuttingProxy(Number(new URL(fixture.sandbox.mqttUrl).port));
    return {
      transport: mqttTransport({ url: proxy.url.replace('http:', 'mqtt:') }),
      beforeBatch: () => proxy.armCut(),
      drops: () => proxy.cuts(),
      close: () => proxy.close(),
    };
  }
  // Each stream the subscriber opens is cut in the middle of one of its lines, ten times over.
  // SSE writes three lines per event (id, event, data), so its cut comes after as many events.
  const fault = fixture.sandbox.faults.add({
    method: 'GET',
    path: `/device/v2/${uuid}/logs`,
    kind: 'drop-stream',
    afterLines: kind === 'sse' ? 2_400 : 800,
    times: DROPS,
  });
  return {
    transport: kind === 'sse' ? sseTransport() : undefined,
    beforeBatch: () => undefined,
    drops: () => fault.fired,
    close: async () => fault.remove(),
  };
}

export async function runResumeScenario(fixture: LogsFixture, kind: Kind): Promise<ResumeOutcome> {
  const device = await fixture.registerDevice();
  const dropper = await dropperFor(kind, fixture, device.uuid);
  const received: string[] = [];
  const errors: unknown[] = [];
  let reconnects = 0;
  const subscription = subscribe(
    fixture.client,
    device.uuid,
    (line) => received.push(line.message),
    (e) => errors.push(e),
    0,
    { transport: dropper.transport, reconnectDelayMs: 20, onReconnect: () => reconnects++ },
  );
  try {
    // The first keep-alive (200 ms) has passed: the stream is open before the device writes.
    await new Promise((resolve) => setTimeout(resolve, 400));
    const expected = Array.from({ length: TOTAL_LINES }, (_, index) => `line ${index + 1} ${'x'.repeat(index % 50)}`);
    const perBatch = TOTAL_LINES / DROPS;
    for (let from = 0; from < TOTAL_LINES; from += perBatch) {
      dropper.beforeBatch();
      await fixture.post(expected.slice(from, from + perBatch), device.uuid, device.apiKey);
      // The server keeps a device's last 1000 lines (as balena does): lines written while the
      // subscriber reconnects are recoverable only while fewer than that follow them. Each batch
      // waits for the subscriber to catch up, so that a slow reconnection (a loaded machine) never
      // loses lines to retention.
      await until(() => received.length >= from + perBatch, 30_000, `the lines of batch ${from / perBatch + 1}`);
    }
    await until(() => received.length >= TOTAL_LINES && dropper.drops() >= DROPS, 30_000, 'every line and drop');
    // Anything extra (a repeat) would arrive right after the last line.
    await new Promise((resolve) => setTimeout(resolve, 200));
    return { expected, received, drops: dropper.drops(), reconnects, errors };
  } finally {
    subscription.unsubscribe();
    await dropper.close();
  }
}
