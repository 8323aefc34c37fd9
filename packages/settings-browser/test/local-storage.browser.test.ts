import { TOKEN_STORAGE_KEY } from '@balena-ts/core';
import { runStorageConformance } from '@balena-ts/core/testing';
import { createBrowserStorage, type StorageFallback } from '@balena-ts/settings-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

afterEach(() => {
  localStorage.clear();
});

runStorageConformance('browser storage on real localStorage', () => createBrowserStorage(), {
  describe,
  it,
  expect,
  beforeEach,
});

describe('createBrowserStorage in Chromium', () => {
  it('runs in a real browser on real localStorage', async () => {
    expect(navigator.userAgent).toContain('Chrome');
    const storage = createBrowserStorage();
    await storage.set(TOKEN_STORAGE_KEY, 'token-text');
    expect(localStorage.getItem('balena-ts:token')).toBe('token-text');
  });

  it('clears only its prefixed keys', async () => {
    localStorage.setItem('someone-else', 'keep');
    const storage = createBrowserStorage({ prefix: 'mine:' });
    await storage.set('a', '1');
    await storage.clear();
    expect(localStorage.getItem('someone-else')).toBe('keep');
    expect(localStorage.getItem('mine:a')).toBeNull();
  });

  it('falls back to memory once when the Storage methods throw', async () => {
    const fallbacks: StorageFallback[] = [];
    const throwing = new Proxy(localStorage, {
      get(target, property) {
        if (typeof property === 'string' && ['getItem', 'setItem', 'removeItem', 'key'].includes(property)) {
          return () => {
            throw new DOMException('The operation is insecure.', 'SecurityError');
          };
        }
        return Reflect.get(target, property);
      },
    });
    const storage = createBrowserStorage({ storage: throwing, onFallback: (f) => fallbacks.push(f) });
    await storage.set('k', 'v');
    expect(await storage.get('k')).toBe('v');
    expect(localStorage.getItem('balena-ts:k')).toBeNull();
    expect(fallbacks.map((f) => f.reason)).toEqual(['blocked']);
  });

  it('falls back to memory on a real QuotaExceededError, keeping what was stored', async () => {
    const fallbacks: StorageFallback[] = [];
    const storage = createBrowserStorage({ onFallback: (f) => fallbacks.push(f) });
    await storage.set(TOKEN_STORAGE_KEY, 'kept-token');
    // Chromium allows about 5 MB (10 MB of UTF-16) per origin: 12 M characters cannot fit.
    const huge = 'x'.repeat(12 * 1024 * 1024);
    await storage.set('settings', huge);
    expect(fallbacks).toHaveLength(1);
    expect(fallbacks[0]?.reason).toBe('quota-exceeded');
    expect((fallbacks[0]?.error as DOMException | undefined)?.name).toBe('QuotaExceededError');
    expect((await storage.get('settings'))?.length).toBe(huge.length);
    expect(await storage.get(TOKEN_STORAGE_KEY)).toBe('kept-token');
  });
});
