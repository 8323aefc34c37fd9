// runStorageConformance must fail a storage that breaks its contract: each broken storage here is
// caught by the conformance test named for what it breaks, and a correct storage passes every test.
import { describe, expect, it } from 'vitest';
import { createMemoryStorage, type KeyValueStorage } from '../src/index.js';
import { runStorageConformance } from '../src/testing.js';

interface Collected {
  name: string;
  run: () => Promise<void> | void;
}

/** The conformance tests as a list, run with vitest's expect but outside vitest's own tests. */
function conformanceTests(create: () => KeyValueStorage): Collected[] {
  const tests: Collected[] = [];
  runStorageConformance('probe', create, {
    describe: (_name, fn) => fn(),
    it: (name, run) => tests.push({ name, run }),
    expect,
  });
  return tests;
}

async function failing(create: () => KeyValueStorage): Promise<string[]> {
  const failed: string[] = [];
  for (const test of conformanceTests(create)) {
    try {
      await test.run();
    } catch {
      failed.push(test.name);
    }
  }
  return failed;
}

function broken(overrides: (inner: KeyValueStorage) => Partial<KeyValueStorage>): () => KeyValueStorage {
  return () => {
    const inner = createMemoryStorage();
    return { ...inner, ...overrides(inner) } as KeyValueStorage;
  };
}

describe('runStorageConformance', () => {
  it('lists its tests, and a correct storage passes them all', async () => {
    const names = conformanceTests(createMemoryStorage).map((test) => test.name);
    expect(names).toHaveLength(10);
    expect(await failing(createMemoryStorage)).toEqual([]);
  });

  it.each([
    [
      'answers null for a missing key',
      broken((inner) => ({ get: async (key) => (await inner.get(key)) ?? (null as never) })),
      'answers undefined for a missing key',
    ],
    [
      'answers "" for a missing key',
      broken((inner) => ({ get: async (key) => (await inner.get(key)) ?? '' })),
      'answers undefined for a missing key',
    ],
    [
      'keeps the first value',
      broken((inner) => ({
        set: async (key, value) => {
          if ((await inner.get(key)) === undefined) await inner.set(key, value);
        },
      })),
      'overwrites a value',
    ],
    ['removes nothing', broken(() => ({ remove: async () => {} })), 'removes a value and keeps the others'],
    [
      'removes everything',
      broken((inner) => ({ remove: async () => inner.clear() })),
      'removes a value and keeps the others',
    ],
    [
      'fails on a missing key',
      broken((inner) => ({
        remove: async (key) => {
          if ((await inner.get(key)) === undefined) throw new Error('ENOENT');
          await inner.remove(key);
        },
      })),
      'removes a missing key without failing',
    ],
    [
      'creates a missing key on remove',
      broken((inner) => ({ remove: async (key) => inner.set(key, 'x') })),
      'removes a missing key without failing',
    ],
    ['clears nothing', broken(() => ({ clear: async () => {} })), 'clears every value'],
    ['clears the first key only', broken((inner) => ({ clear: async () => inner.remove('a') })), 'clears every value'],
    [
      'breaks after clear',
      broken((inner) => {
        let cleared = false;
        return {
          clear: async () => {
            cleared = true;
            await inner.clear();
          },
          set: async (key, value) => {
            if (!cleared) await inner.set(key, value);
          },
        };
      }),
      'clears every value',
    ],
    [
      'drops non-ASCII characters',
      broken((inner) => ({ set: (key, value) => inner.set(key, value.replace(/[^\x20-\x7e]/g, '')) })),
      'keeps unicode, the empty string and a 1 MB value intact',
    ],
    [
      'drops NUL',
      broken((inner) => ({ set: (key, value) => inner.set(key, value.replaceAll('\u0000', '')) })),
      'keeps unicode, the empty string and a 1 MB value intact',
    ],
    [
      'loses newlines',
      broken((inner) => ({ set: (key, value) => inner.set(key, value.replaceAll('\n', ' ')) })),
      'keeps unicode, the empty string and a 1 MB value intact',
    ],
    [
      'keeps 64 KB of a value',
      broken((inner) => ({ set: (key, value) => inner.set(key, value.slice(0, 65_536)) })),
      'keeps unicode, the empty string and a 1 MB value intact',
    ],
    [
      'changes the middle of a long value',
      broken((inner) => ({
        set: (key, value) => inner.set(key, value.length > 1000 ? `${value.slice(0, 500)}y${value.slice(501)}` : value),
      })),
      'keeps unicode, the empty string and a 1 MB value intact',
    ],
    [
      'keeps the base name of a path',
      broken((inner) => ({
        set: (key, value) => inner.set(key.split('/').pop()!, value),
        get: (key) => inner.get(key.split('/').pop()!),
        remove: (key) => inner.remove(key.split('/').pop()!),
      })),
      "keeps keys with '/', '..', spaces and unicode apart",
    ],
    [
      'reads a/b for a%2Fb',
      broken((inner) => ({
        set: (key, value) => inner.set(decodeURIComponent(key), value),
        get: (key) => inner.get(decodeURIComponent(key)),
        remove: (key) => inner.remove(decodeURIComponent(key)),
      })),
      "keeps keys with '/', '..', spaces and unicode apart",
    ],
    [
      'folds case',
      broken((inner) => ({
        set: (key, value) => inner.set(key.toLowerCase(), value),
        get: (key) => inner.get(key.toLowerCase()),
      })),
      "keeps keys with '/', '..', spaces and unicode apart",
    ],
    [
      'removes the other keys of a path',
      broken((inner) => ({
        remove: async (key) => {
          await inner.remove(key);
          await inner.remove(key.replace('/', '_'));
        },
      })),
      "keeps keys with '/', '..', spaces and unicode apart",
    ],
    [
      'cuts what concurrent writers wrote to 50 characters',
      broken((inner) => ({ set: (key, value) => inner.set(key, key === 'contended' ? value.slice(0, 50) : value) })),
      'ends 100 concurrent writes of one key with one of the written values',
    ],
    [
      'stores numbers',
      broken((inner) => ({
        get: async (key) => {
          const value = await inner.get(key);
          return value !== undefined && /^\d+$/.test(value) ? (Number(value) as never) : value;
        },
      })),
      'stores values as strings',
    ],
    [
      'drops the quotes of JSON',
      broken((inner) => ({ set: (key, value) => inner.set(key, value.replaceAll('"', '')) })),
      'stores values as strings',
    ],
  ])('fails a storage that %s', async (_label, create, expected) => {
    expect(await failing(create)).toContain(expected);
  });
});
