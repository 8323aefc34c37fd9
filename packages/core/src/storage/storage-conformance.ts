import type { KeyValueStorage } from './key-value-storage.js';

/**
 * The parts of a test runner the conformance suite uses (vitest's, jest's or node:test's fit), so
 * that core does not depend on a test runner.
 */
export interface ConformanceTestApi {
  /** Groups tests. */
  describe: (name: string, fn: () => void) => void;
  /** Declares a test. */
  it: (name: string, fn: () => Promise<void> | void) => void;
  /** Makes an assertion (`toBe`, `toEqual`, `toContain` are used). */
  // biome-ignore lint/suspicious/noExplicitAny: each runner has its own matcher type.
  expect: (value: unknown) => any;
  /** Runs before each test, when the runner has it. */
  beforeEach?: (fn: () => Promise<void> | void) => void;
}

const ONE_MEGABYTE = 1024 * 1024;
const CONCURRENT_WRITES = 100;
const TRICKY_KEYS: readonly string[] = [
  'a/b',
  'a_b',
  '../escape',
  '..',
  '.',
  'with space',
  'with  space',
  'ünïcödé-キー',
  'emoji-🔑',
  'UPPER',
  'upper',
  'token.tmp',
  'a%2Fb',
];

/**
 * Declares the tests every {@link KeyValueStorage} must pass: missing keys, round trips,
 * overwrites, removal, clear, unicode / empty / 1 MB values, tricky keys kept apart, and 100
 * concurrent writes of one key ending with one of the written values.
 *
 * @param name - the storage's name, used for the test group
 * @param create - makes a fresh, empty storage for each test
 * @param t - the test runner's `describe`, `it`, `expect` (and optional `beforeEach`)
 * @example
 * ```ts
 * import { describe, expect, it } from 'vitest';
 * import { runStorageConformance } from '@balena-ts/core/testing';
 * runStorageConformance('file storage', () => createFileStorage({ dataDirectory: tmp() }), { describe, it, expect });
 * ```
 */
export function runStorageConformance(
  name: string,
  create: () => Promise<KeyValueStorage> | KeyValueStorage,
  t: ConformanceTestApi,
): void {
  const { describe, it, expect } = t;
  describe(`KeyValueStorage conformance: ${name}`, () => {
    it('answers undefined for a missing key', async () => {
      const storage = await create();
      expect(await storage.get('missing')).toBe(undefined);
    });

    it('returns what was set', async () => {
      const storage = await create();
      await storage.set('greeting', 'hello');
      expect(await storage.get('greeting')).toBe('hello');
    });

    it('overwrites a value', async () => {
      const storage = await create();
      await storage.set('k', 'first');
      await storage.set('k', 'second');
      expect(await storage.get('k')).toBe('second');
    });

    it('removes a value and keeps the others', async () => {
      const storage = await create();
      await storage.set('gone', '1');
      await storage.set('kept', '2');
      await storage.remove('gone');
      expect(await storage.get('gone')).toBe(undefined);
      expect(await storage.get('kept')).toBe('2');
    });

    it('removes a missing key without failing', async () => {
      const storage = await create();
      await storage.remove('never-set');
      expect(await storage.get('never-set')).toBe(undefined);
    });

    it('clears every value', async () => {
      const storage = await create();
      await storage.set('a', '1');
      await storage.set('b', '2');
      await storage.clear();
      expect(await storage.get('a')).toBe(undefined);
      expect(await storage.get('b')).toBe(undefined);
      await storage.set('c', '3');
      expect(await storage.get('c')).toBe('3');
    });

    it('keeps unicode, the empty string and a 1 MB value intact', async () => {
      const storage = await create();
      const unicode = 'héllo wörld ✓ 日本語 🔑 \u0000 "quotes" \n newline';
      const large = 'x'.repeat(ONE_MEGABYTE - 3) + 'end';
      await storage.set('unicode', unicode);
      await storage.set('empty', '');
      await storage.set('large', large);
      expect(await storage.get('unicode')).toBe(unicode);
      expect(await storage.get('empty')).toBe('');
      const readLarge = await storage.get('large');
      expect(readLarge?.length).toBe(ONE_MEGABYTE);
      expect(readLarge === large).toBe(true);
    });

    it("keeps keys with '/', '..', spaces and unicode apart", async () => {
      const storage = await create();
      for (const [index, key] of TRICKY_KEYS.entries()) await storage.set(key, `value-${index}`);
      for (const [index, key] of TRICKY_KEYS.entries()) expect(await storage.get(key)).toBe(`value-${index}`);
      expect(await storage.get('escape')).toBe(undefined);
      expect(await storage.get('b')).toBe(undefined);
      await storage.remove('a/b');
      expect(await storage.get('a/b')).toBe(undefined);
      expect(await storage.get('a_b')).toBe(`value-${TRICKY_KEYS.indexOf('a_b')}`);
      expect(await storage.get('a%2Fb')).toBe(`value-${TRICKY_KEYS.indexOf('a%2Fb')}`);
    });

    it(`ends ${CONCURRENT_WRITES} concurrent writes of one key with one of the written values`, async () => {
      const storage = await create();
      const written = Array.from(
        { length: CONCURRENT_WRITES },
        (_, index) => `writer-${index}-${'v'.repeat(index * 10)}`,
      );
      await Promise.all(written.map((value) => storage.set('contended', value)));
      const final = await storage.get('contended');
      expect(written).toContain(final);
    });

    it('stores values as strings', async () => {
      const storage = await create();
      await storage.set('number-like', '42');
      await storage.set('json-like', '{"a":1}');
      const numberLike = await storage.get('number-like');
      expect(typeof numberLike).toBe('string');
      expect(numberLike).toBe('42');
      expect(await storage.get('json-like')).toBe('{"a":1}');
    });
  });
}
