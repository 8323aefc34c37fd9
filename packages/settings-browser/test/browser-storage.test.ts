import { TOKEN_STORAGE_KEY } from '@balena-ts/core';
import { runStorageConformance } from '@balena-ts/core/testing';
import { createBrowserStorage, type StorageFallback } from '@balena-ts/settings-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { blockedStorage, MapStorage } from './memory-web-storage.js';

const SECRET = 'sentinel-secret-5c0d41';

runStorageConformance(
  'browser storage on a Storage object',
  () => createBrowserStorage({ storage: new MapStorage() }),
  {
    describe,
    it,
    expect,
    beforeEach,
  },
);

runStorageConformance(
  'browser storage fallen back to memory',
  () => createBrowserStorage({ storage: blockedStorage(), onFallback: () => undefined }),
  { describe, it, expect, beforeEach },
);

describe('createBrowserStorage', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('prefixes keys and clears only its own', async () => {
    const web = new MapStorage();
    web.setItem('other-app', 'keep');
    const storage = createBrowserStorage({ storage: web, prefix: 'p:' });
    await storage.set(TOKEN_STORAGE_KEY, 't');
    await storage.set('a', '1');
    expect(web.getItem('p:token')).toBe('t');
    await storage.clear();
    expect(web.length).toBe(1);
    expect(web.getItem('other-app')).toBe('keep');
  });

  it("uses 'balena-ts:' as the default prefix", async () => {
    const web = new MapStorage();
    await createBrowserStorage({ storage: web }).set('k', 'v');
    expect(web.getItem('balena-ts:k')).toBe('v');
  });

  it('keeps two prefixes apart on one Storage', async () => {
    const web = new MapStorage();
    const first = createBrowserStorage({ storage: web, prefix: 'one:' });
    const second = createBrowserStorage({ storage: web, prefix: 'two:' });
    await first.set('k', '1');
    await second.set('k', '2');
    await second.clear();
    expect(await first.get('k')).toBe('1');
    expect(await second.get('k')).toBeUndefined();
  });

  it('falls back to memory when the Storage throws on access, and says so once', async () => {
    const fallbacks: StorageFallback[] = [];
    const storage = createBrowserStorage({ storage: blockedStorage(), onFallback: (f) => fallbacks.push(f) });
    await storage.set(TOKEN_STORAGE_KEY, SECRET);
    expect(await storage.get(TOKEN_STORAGE_KEY)).toBe(SECRET);
    await storage.remove(TOKEN_STORAGE_KEY);
    expect(await storage.get(TOKEN_STORAGE_KEY)).toBeUndefined();
    expect(fallbacks).toHaveLength(1);
    expect(fallbacks[0]?.reason).toBe('blocked');
    expect((fallbacks[0]?.error as DOMException | undefined)?.name).toBe('SecurityError');
  });

  it('falls back to memory when localStorage is missing (as in Node)', async () => {
    expect((globalThis as { localStorage?: unknown }).localStorage).toBeUndefined();
    const reasons: string[] = [];
    const storage = createBrowserStorage({ onFallback: (f) => reasons.push(f.reason) });
    await storage.set('k', 'v');
    expect(await storage.get('k')).toBe('v');
    expect(reasons).toEqual(['unavailable']);
  });

  it('falls back to memory when localStorage cannot even be read', async () => {
    const reasons: string[] = [];
    // What a sandboxed iframe does: reading the global itself throws.
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    try {
      const storage = createBrowserStorage({ onFallback: (f) => reasons.push(f.reason) });
      await storage.set('k', 'v');
      expect(await storage.get('k')).toBe('v');
      expect(reasons).toEqual(['blocked']);
    } finally {
      delete (globalThis as { localStorage?: unknown }).localStorage;
    }
  });

  it('falls back to memory when the Storage is full, carrying over what it held', async () => {
    const web = new MapStorage(200);
    const reasons: string[] = [];
    const storage = createBrowserStorage({ storage: web, onFallback: (f) => reasons.push(f.reason) });
    await storage.set(TOKEN_STORAGE_KEY, 'small-token');
    await storage.set('settings', 'x'.repeat(500));
    expect(await storage.get('settings')).toBe('x'.repeat(500));
    expect(await storage.get(TOKEN_STORAGE_KEY)).toBe('small-token');
    await storage.set('later', 'fine');
    expect(web.getItem('balena-ts:later')).toBeNull();
    expect(reasons).toEqual(['quota-exceeded']);
  });

  it('warns once by default, without any stored value in the message', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const storage = createBrowserStorage({ storage: blockedStorage() });
    await storage.set(TOKEN_STORAGE_KEY, SECRET);
    await storage.set('again', SECRET);
    await storage.get(TOKEN_STORAGE_KEY);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('memory');
    expect(JSON.stringify(warn.mock.calls)).not.toContain(SECRET);
  });
});
