// What the fallback to memory says and carries, case by case (written to kill the mutants the
// mutation run left alive: see mutation/REPORT.md).
import { InvalidParameter } from '@balena-ts/core';
import { createBrowserStorage, resolveClientOptions, type StorageFallback } from '@balena-ts/settings-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MapStorage } from './memory-web-storage.js';

/** A Storage that holds values but refuses every write with the given error name. */
function refusingWrites(name: string, stored: Record<string, string> = {}): Storage {
  const storage = new MapStorage();
  for (const [key, value] of Object.entries(stored)) storage.setItem(key, value);
  storage.setItem = () => {
    throw new DOMException('refused', name);
  };
  return storage;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the fallback to memory', () => {
  it("counts Firefox's old quota error as a full storage, and keeps what the storage held", async () => {
    const seen: StorageFallback[] = [];
    const storage = createBrowserStorage({
      storage: refusingWrites('NS_ERROR_DOM_QUOTA_REACHED', { 'balena-ts:token': 'kept' }),
      onFallback: (fallback) => seen.push(fallback),
    });
    await storage.set('other', 'value');
    expect(seen.map((fallback) => fallback.reason)).toEqual(['quota-exceeded']);
    expect(await storage.get('token')).toBe('kept');
    expect(await storage.get('other')).toBe('value');
  });

  it('starts empty when the storage was refused for another reason (its values are not read again)', async () => {
    const seen: StorageFallback[] = [];
    const storage = createBrowserStorage({
      storage: refusingWrites('SecurityError', { 'balena-ts:token': 'not carried' }),
      onFallback: (fallback) => seen.push(fallback),
    });
    await storage.set('other', 'value');
    expect(seen.map((fallback) => fallback.reason)).toEqual(['blocked']);
    expect(await storage.get('token')).toBeUndefined();
  });

  it('passes no error when there was none (no storage at all), and the error when there was one', async () => {
    const seen: StorageFallback[] = [];
    vi.stubGlobal('localStorage', undefined);
    await createBrowserStorage({ onFallback: (fallback) => seen.push(fallback) }).get('x');
    expect(seen).toEqual([{ reason: 'unavailable' }]);
    expect(Object.keys(seen[0] ?? {})).toEqual(['reason']);
    vi.unstubAllGlobals();

    const failing: StorageFallback[] = [];
    await createBrowserStorage({
      storage: refusingWrites('SecurityError'),
      onFallback: (fallback) => failing.push(fallback),
    }).set('x', 'y');
    expect((failing[0]?.error as DOMException | undefined)?.name).toBe('SecurityError');
  });

  it('warns once by default, saying "full" for a full storage and the reason otherwise', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const full = createBrowserStorage({ storage: refusingWrites('QuotaExceededError') });
    await full.set('a', '1');
    await full.set('b', '2');
    const blocked = createBrowserStorage({ storage: refusingWrites('SecurityError') });
    await blocked.set('a', '1');
    expect(warn.mock.calls.map(([message]) => String(message).split(';')[0])).toEqual([
      'balena-ts: browser storage is full',
      'balena-ts: browser storage is blocked',
    ]);
  });
});

describe('option objects', () => {
  it('name the parameter they refuse', () => {
    for (const call of [() => createBrowserStorage(5 as never), () => resolveClientOptions(5 as never)]) {
      let caught: unknown;
      try {
        call();
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(InvalidParameter);
      expect((caught as InvalidParameter).parameter).toBe('options');
    }
  });
});
