// The reliability scenario of the brief: a device writes 10,000 lines while the subscriber's
// connection is cut mid-line 10 times; the subscriber must receive exactly those lines, in order.
import type { LogTransport } from '../../src/index.js';
import { subscribe } from '../../src/index.js';
import { startCuttingProxy } from './cutting-proxy.js';
import { type LogsFixture, until } from './logs-sandbox.js';

export const TOTAL_LINES = 10_000;
export const CUTS = 10;

export interface ResumeOutcome {
  expected: string[];
  received: string[];
  cuts: number;
  reconnects: number;
  errors: unknown[];
}

export async function runResumeScenario(fixture: LogsFixture, transport?: LogTransport): Promise<ResumeOutcome> {
  const device = await fixture.registerDevice();
  const proxy = await startCuttingProxy(Number(new URL(fixture.sandbox.url).port));
  const client = await fixture.clientFor(proxy.url);
  const received: string[] = [];
  const errors: unknown[] = [];
  let reconnects = 0;
  const subscription = subscribe(
    client,
    device.uuid,
    (line) => received.push(line.message),
    (e) => errors.push(e),
    0,
    {
      transport,
      reconnectDelayMs: 20,
      onReconnect: () => reconnects++,
    },
  );
  try {
    // The first keep-alive (200 ms) has passed: the stream is open before the device writes.
    await new Promise((resolve) => setTimeout(resolve, 400));
    const expected = Array.from({ length: TOTAL_LINES }, (_, index) => `line ${index + 1} ${'x'.repeat(index % 50)}`);
    const perCut = TOTAL_LINES / CUTS;
    for (let from = 0; from < TOTAL_LINES; from += perCut) {
      proxy.armCut();
      await fixture.post(expected.slice(from, from + perCut), device.uuid, device.apiKey);
      await until(() => proxy.cuts() > from / perCut, 10_000, 'the cut');
    }
    await until(() => received.length >= TOTAL_LINES, 30_000, 'every line');
    // Anything extra (a repeat) would arrive right after the last line.
    await new Promise((resolve) => setTimeout(resolve, 200));
    return { expected, received, cuts: proxy.cuts(), reconnects, errors };
  } finally {
    subscription.unsubscribe();
    await proxy.close();
  }
}
