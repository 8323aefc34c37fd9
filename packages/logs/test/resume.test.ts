import { afterAll, beforeAll, expect, test } from 'vitest';
import { sseTransport } from '../src/sse.js';
import { type LogsFixture, startLogsFixture } from './support/logs-sandbox.js';
import { CUTS, runResumeScenario, TOTAL_LINES } from './support/resume-scenario.js';

let fixture: LogsFixture;

beforeAll(async () => {
  fixture = await startLogsFixture();
});

afterAll(async () => {
  await fixture?.close();
});

test(`NDJSON: ${TOTAL_LINES} lines through ${CUTS} mid-line cuts arrive exactly once, in order`, async () => {
  const outcome = await runResumeScenario(fixture);
  expect(outcome.cuts).toBe(CUTS);
  expect(outcome.reconnects).toBeGreaterThanOrEqual(CUTS);
  expect(outcome.errors).toEqual([]);
  expect(outcome.received.length).toBe(TOTAL_LINES);
  expect(outcome.received).toEqual(outcome.expected);
}, 60_000);

test(`SSE: ${TOTAL_LINES} lines through ${CUTS} mid-line cuts arrive exactly once, in order`, async () => {
  const outcome = await runResumeScenario(fixture, sseTransport());
  expect(outcome.cuts).toBe(CUTS);
  expect(outcome.reconnects).toBeGreaterThanOrEqual(CUTS);
  expect(outcome.errors).toEqual([]);
  expect(outcome.received.length).toBe(TOTAL_LINES);
  expect(outcome.received).toEqual(outcome.expected);
}, 60_000);
