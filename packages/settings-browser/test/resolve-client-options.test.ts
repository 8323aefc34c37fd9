import { createClient, TOKEN_STORAGE_KEY } from '@balena-ts/core';
import { createBrowserStorage, getAll, resolveClientOptions, set } from '@balena-ts/settings-browser';
import { describe, expect, it, vi } from 'vitest';
import { MapStorage } from './memory-web-storage.js';

describe('resolveClientOptions (browser)', () => {
  it('keeps a storage given in the options and the other options as they are', () => {
    const storage = createBrowserStorage({ storage: new MapStorage() });
    const options = resolveClientOptions({ apiUrl: 'http://127.0.0.1:4000', timeout: 5, storage });
    expect(options).toEqual({ apiUrl: 'http://127.0.0.1:4000', timeout: 5, storage });
  });

  it('gives a working storage when none is given (memory here, as Node has no localStorage)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const options = resolveClientOptions({ apiUrl: 'http://127.0.0.1:4000' });
      const client = createClient(options);
      await client.storage.set(TOKEN_STORAGE_KEY, 't');
      expect(await client.storage.get(TOKEN_STORAGE_KEY)).toBe('t');
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0])).toContain('unavailable');
    } finally {
      warn.mockRestore();
    }
  });

  it('stores settings through the browser storage', async () => {
    const web = new MapStorage();
    const client = createClient({ apiUrl: 'http://127.0.0.1:4000', storage: createBrowserStorage({ storage: web }) });
    await set(client, 'timeout', 1234);
    expect(JSON.parse(web.getItem('balena-ts:settings') ?? '{}')).toEqual({ timeout: 1234 });
    expect((await getAll(client)).timeout).toBe(1234);
  });

  it("keeps each API's session under that API's key: one page, two servers, no shared token", async () => {
    const web = new MapStorage();
    vi.stubGlobal('localStorage', web);
    try {
      const first = createClient(resolveClientOptions({ apiUrl: 'http://127.0.0.1:4000/' }));
      const second = createClient(resolveClientOptions({ apiUrl: 'http://127.0.0.1:4001' }));
      await first.storage.set(TOKEN_STORAGE_KEY, 'session-of-4000');
      expect(await second.storage.get(TOKEN_STORAGE_KEY)).toBe(undefined);
      expect(web.getItem('balena-ts:token@http://127.0.0.1:4000')).toBe('session-of-4000');
      expect(web.getItem('balena-ts:token')).toBe(null);
      const cloud = createClient(resolveClientOptions({}));
      expect(await cloud.storage.get(TOKEN_STORAGE_KEY)).toBe(undefined);
      await set(first, 'timeout', 1234);
      expect((await getAll(second)).timeout).toBe(1234);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
