import { afterAll, beforeAll, expect, test } from 'vitest';
import { type LogsFixture, startLogsFixture } from './support/logs-sandbox.js';
import { DROPS, type Kind, runResumeScenario, TOTAL_LINES } from './support/resume-scenario.js';

let fixture: LogsFixture;

beforeAll(async () => {
  fixture = await startLogsFixture();
});

afterAll(async () => {
  await fixture?.close();
});

test.each<Kind>(['ndjson', 'sse', 'mqtt'])(
  `%s: ${TOTAL_LINES} lines through ${DROPS} mid-line drops arrive exactly once, in order`,
  async (kind) => {
    const outcome = await runResumeScenario(fixture, kind);
    expect(outcome.drops).toBe(DROPS);
    expect(outcome.reconnects).toBeGreaterThanOrEqual(DROPS);
    expect(outcome.errors).toEqual([]);
    expect(outcome.received.length).toBe(TOTAL_LINES);
    expect(outcome.received).toEqual(outcome.expected);
  },
  60_000,
);
