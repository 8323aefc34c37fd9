// The identifier table (`IDENTIFIER_CASES` of @balena-ts/core/testing) against every public function of models, logs
// and supervisor that takes a device, a row id or a release: a refused value must give a typed
// InvalidParameter naming the parameter before any request; an accepted one must get past the
// check (a result, or another error such as DeviceNotFound).
import { type Client, InvalidParameter } from '@balena-ts/core';
import { IDENTIFIER_CASES } from '@balena-ts/core/testing';
import { type Sandbox, startSandbox } from '@balena-ts/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callWithinDeadline, recordingClient, type SeededRows, seedRows, validArgument } from './support/calls.js';
import { describeValue } from './support/hostile-values.js';
import { identifierKind } from './support/identifier-table.js';
import { publicFunctions } from './support/public-functions.js';

const PARALLEL_CALLS = 16;
const PACKAGES_UNDER_TEST = /^@balena-ts\/(models|logs|supervisor)\b/;
const HOUR_MS = 3_600_000;

// Arguments that the shared guess (support/calls.ts) gets wrong for this purpose: here every other
// argument must pass its own check, or a refusal of the identifier could not be told from it.
const VALID_OTHER_ARGUMENTS: Record<string, unknown> = {
  expiryTimestamp: Date.now() + HOUR_MS,
  location: { latitude: 1, longitude: 2 },
  isInvalidated: true,
  knownIssueList: 'none',
  force: false,
  imageId: 1,
};

// Supervisor calls may leave the device out (they then go to the local supervisor), so an absent
// device is an InvalidOption about the missing proxy target, not a malformed identifier.
const ABSENT = [undefined, null];

function otherArgument(entry: string, name: string, client: Client): unknown {
  // Config variable names need the BALENA_ prefix, which environment variable names may not have.
  if (name === 'name' && entry.endsWith('-config-variable')) return 'BALENA_IDENTIFIER_TABLE';
  return name in VALID_OTHER_ARGUMENTS ? VALID_OTHER_ARGUMENTS[name] : validArgument(name, client, rows);
}

const targets = (await publicFunctions())
  .filter((entry) => PACKAGES_UNDER_TEST.test(entry.entry))
  .flatMap((entry) =>
    entry.parameters.flatMap((parameter, index) => {
      const kind = identifierKind(entry.entry, parameter);
      return kind === undefined ? [] : [{ ...entry, parameter, index, kind, label: `${entry.id}(${parameter})` }];
    }),
  );

let sandbox: Sandbox;
let rows: SeededRows;

beforeAll(async () => {
  sandbox = await startSandbox({ quiet: true, logHeartbeatMs: 200 });
  rows = await seedRows(sandbox);
});

afterAll(async () => {
  await sandbox?.close();
});

describe.each(targets)('$label', (target) => {
  it(`follows the identifier table for a ${target.kind}`, async () => {
    const wrong: string[] = [];
    for (let start = 0; start < IDENTIFIER_CASES.length; start += PARALLEL_CALLS) {
      const batch = IDENTIFIER_CASES.slice(start, start + PARALLEL_CALLS).filter(
        ({ value }) => !(target.entry === '@balena-ts/supervisor' && ABSENT.includes(value as null)),
      );
      await Promise.all(
        batch.map(async ({ label, value, accepted }) => {
          const sentUrls: string[] = [];
          const client = await recordingClient(sandbox, sentUrls);
          const args = target.parameters.map((name) => otherArgument(target.entry, name, client));
          args[target.index] = value;
          const outcome = await callWithinDeadline(target.fn, args);
          const error = outcome.kind === 'typed error' ? outcome.error : undefined;
          // Some functions name the parameter after what it may hold (`uuidOrIdOrArray`): the value tells.
          const refused =
            error instanceof InvalidParameter &&
            (error.parameter === target.parameter || Object.is(error.value, value));
          if (outcome.kind === 'failure') wrong.push(`${label}: ${outcome.reason}`);
          else if (accepted[target.kind] && refused)
            wrong.push(`${label}: refused (${(error as Error).message.slice(0, 100)}), but the table accepts it`);
          else if (!accepted[target.kind] && !refused) {
            const what = error instanceof Error ? `${error.name} (${error.message.slice(0, 100)})` : 'a result';
            wrong.push(`${label} = ${describeValue(value)}: accepted (${what}), but the table refuses it`);
          } else if (!accepted[target.kind] && sentUrls.length > 0) {
            wrong.push(`${label}: refused after ${sentUrls.length} request(s), e.g. ${sentUrls[0]}`);
          }
        }),
      );
    }
    expect(wrong).toEqual([]);
  });
});

describe('the identifier enumeration', () => {
  it('found the functions of every package that take an identifier', () => {
    const entries = new Set(targets.map((target) => target.entry));
    for (const expected of [
      '@balena-ts/models/device',
      '@balena-ts/models/key',
      '@balena-ts/logs',
      '@balena-ts/supervisor',
    ]) {
      expect(entries.has(expected), expected).toBe(true);
    }
    const kinds = new Set(targets.map((target) => target.kind));
    expect([...kinds].sort()).toEqual(['device', 'release', 'rowId']);
  });
});
