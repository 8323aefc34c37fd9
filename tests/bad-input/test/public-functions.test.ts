// Every public function, every parameter after the client, driven with hostile values generated
// from the parameter's type (support/hostile-values.ts). Each call must end, within a deadline, in a
// result or a typed BalenaError: never another error, an unhandled rejection or a crash; and no
// request it sends may carry an injected query or path fragment (support/url-check.ts).
import { type Sandbox, startSandbox } from '@balena-ts/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callWithinDeadline, recordingClient, type SeededRows, seedRows, validArgument } from './support/calls.js';
import { describeValue, hostileValues, parameterType } from './support/hostile-values.js';
import { KNOWN_BUGS } from './support/known-bugs.js';
import { publicFunctions } from './support/public-functions.js';
import { findInjection } from './support/url-check.js';

const PARALLEL_CALLS = 16;

const functions = await publicFunctions();

let sandbox: Sandbox;
let rows: SeededRows;
const sentUrls: string[] = [];
const unhandled: unknown[] = [];
const counts = { inputs: 0, functions: 0, failures: 0, knownBugInputs: 0 };
/** Known-bug failures per function, kept for the `it.fails` cases that follow each function. */
const knownFailures = new Map<string, string[]>();
const allFailures = new Map<string, string[]>();
const onUnhandled = (reason: unknown): void => {
  unhandled.push(reason);
};

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  sandbox = await startSandbox({ quiet: true, logHeartbeatMs: 200 });
  rows = await seedRows(sandbox);
});

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  console.log(
    `bad-input: ${counts.inputs} inputs tried, ${counts.functions} functions, ${counts.failures} failures` +
      ` (${counts.knownBugInputs} known-bug inputs in ${knownFailures.size} functions, run as it.fails)`,
  );
  if (process.env.BAD_INPUT_REPORT) {
    const fs = await import('node:fs');
    fs.writeFileSync(process.env.BAD_INPUT_REPORT, JSON.stringify(Object.fromEntries(allFailures), null, 1));
  }
  await sandbox?.close();
});

describe.each(functions.map((entry) => ({ ...entry, label: entry.id })))('$label', (entry) => {
  const positions = entry.parameters.map((name, index) => ({ name, index })).filter(({ name }) => name !== 'client');
  it(`answers ${positions.length === 0 ? 'its one call' : `every hostile value in ${positions.map(({ name }) => name).join(', ')}`}`, async () => {
    counts.functions++;
    const failures: string[] = [];
    const client = await recordingClient(sandbox, sentUrls);
    const baseline = entry.parameters.map((name) => validArgument(name, client, rows));
    const cases: { position: string; value: unknown; args: unknown[] }[] = [];
    for (const { name, index } of positions) {
      for (const value of hostileValues(parameterType(name))) {
        const args = [...baseline];
        args[index] = value;
        cases.push({ position: name, value, args });
      }
    }
    if (cases.length === 0) cases.push({ position: '(none)', value: undefined, args: baseline });

    for (let start = 0; start < cases.length; start += PARALLEL_CALLS) {
      const batch = cases.slice(start, start + PARALLEL_CALLS);
      const outcomes = await Promise.all(
        batch.map(async ({ position, value, args }) => {
          const urlsBefore = sentUrls.length;
          const outcome = await callWithinDeadline(entry.fn, args);
          return { position, value, outcome, urlsBefore };
        }),
      );
      for (const { position, value, outcome } of outcomes) {
        counts.inputs++;
        if (outcome.kind === 'failure') failures.push(`${position} = ${describeValue(value)}: ${outcome.reason}`);
      }
    }
    for (const url of sentUrls.splice(0)) {
      const problem = findInjection(url, sandbox.url);
      if (problem) failures.push(`request ${url.slice(0, 160)}: ${problem}`);
    }
    for (const reason of unhandled.splice(0)) failures.push(`unhandled rejection: ${String(reason).slice(0, 160)}`);
    if (failures.length > 0) allFailures.set(entry.id, failures);
    const known = KNOWN_BUGS[entry.id];
    const expected = known ? failures.filter((failure) => known.pattern.test(failure)) : [];
    const unexpected = failures.filter((failure) => !expected.includes(failure));
    if (expected.length > 0) knownFailures.set(entry.id, expected);
    counts.knownBugInputs += expected.length;
    counts.failures += unexpected.length;
    expect(unexpected).toEqual([]);
  });

  const known = KNOWN_BUGS[entry.id];
  if (known) {
    // Fails today (so `it.fails` passes); turns red once fixed: then delete the KNOWN_BUGS entry.
    it.fails(`[KNOWN BUG, reported] ${known.summary}`, () => {
      expect(knownFailures.get(entry.id) ?? []).toEqual([]);
    });
  }
});

describe('the enumeration', () => {
  it('found the public functions of every package under test', () => {
    const entries = new Set(functions.map((entry) => entry.entry));
    for (const expected of ['@balena-ts/core', '@balena-ts/auth', '@balena-ts/models/device', '@balena-ts/logs']) {
      expect(entries.has(expected), expected).toBe(true);
    }
    expect(functions.length).toBeGreaterThan(150);
  });
});
