// scopeSession, sessionKeyOf and normalizeApiUrl: one session token per API, every other key shared.
import { describe, expect, it } from 'vitest';
import { createMemoryStorage, InvalidParameter, TOKEN_STORAGE_KEY } from '../src/index.js';
import { normalizeApiUrl, scopeSession, sessionKeyOf } from '../src/settings.js';

describe('normalizeApiUrl', () => {
  it.each([
    ['https://api.example.com', 'https://api.example.com'],
    ['https://API.Example.com:443/', 'https://api.example.com'],
    ['https://api.example.com/base//', 'https://api.example.com/base'],
    ['https://api.example.com/a/b/?q=1#h', 'https://api.example.com/a/b'],
    ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080'],
    ['not a url/', 'not a url/'],
  ])('%s -> %s', (apiUrl, normalized) => {
    expect(normalizeApiUrl(apiUrl)).toBe(normalized);
  });

  it('refuses what is not a string', () => {
    expect(() => normalizeApiUrl(5 as never)).toThrow(
      new InvalidParameter('apiUrl', 5, 'expected the API URL as a string'),
    );
    try {
      normalizeApiUrl(undefined as never);
    } catch (error) {
      expect((error as InvalidParameter).message).toBe(
        'Invalid parameter: undefined is not a valid value for parameter "apiUrl": expected the API URL as a string',
      );
    }
  });

  it('keys the session by the normalized URL', () => {
    expect(sessionKeyOf('https://api.example.com/')).toBe(`${TOKEN_STORAGE_KEY}@https://api.example.com`);
  });
});

describe('scopeSession', () => {
  it('keeps the token under the API session key and every other key as it is', async () => {
    const storage = createMemoryStorage();
    const scoped = scopeSession(storage, 'https://api.example.com/');
    await scoped.set(TOKEN_STORAGE_KEY, 'T');
    await scoped.set('settings', 'S');
    expect(await storage.get(`${TOKEN_STORAGE_KEY}@https://api.example.com`)).toBe('T');
    expect(await storage.get(TOKEN_STORAGE_KEY)).toBeUndefined();
    expect(await storage.get('settings')).toBe('S');
    expect(await scoped.get(TOKEN_STORAGE_KEY)).toBe('T');
    expect(await scoped.get('settings')).toBe('S');
    const other = scopeSession(storage, 'https://api.other.com');
    expect(await other.get(TOKEN_STORAGE_KEY)).toBeUndefined();
    expect(await other.get('settings')).toBe('S');
    await scoped.remove(TOKEN_STORAGE_KEY);
    expect(await storage.get(`${TOKEN_STORAGE_KEY}@https://api.example.com`)).toBeUndefined();
    expect(await storage.get('settings')).toBe('S');
    await scoped.remove('settings');
    expect(await storage.get('settings')).toBeUndefined();
    await storage.set('x', '1');
    await scoped.clear();
    expect(await storage.get('x')).toBeUndefined();
  });

  it('locates keys through the storage it wraps, when it can', () => {
    const seen: string[] = [];
    const storage = {
      ...createMemoryStorage(),
      base: '/data',
      locate(this: { base: string }, key: string) {
        seen.push(key);
        return `${this.base}/${key}`;
      },
    };
    const scoped = scopeSession(storage, 'https://api.example.com');
    expect(scoped.locate(TOKEN_STORAGE_KEY)).toBe(`/data/${TOKEN_STORAGE_KEY}@https://api.example.com`);
    expect(scoped.locate('settings')).toBe('/data/settings');
    expect(seen).toEqual([`${TOKEN_STORAGE_KEY}@https://api.example.com`, 'settings']);
    expect('locate' in scopeSession(createMemoryStorage(), 'https://api.example.com')).toBe(false);
  });

  it.each([
    ['null', null],
    ['a string', 'storage'],
    ['an object without get', { set() {}, remove() {}, clear() {} }],
  ])('refuses %s as storage', (_label, storage) => {
    let caught: unknown;
    try {
      scopeSession(storage as never, 'https://api.example.com');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidParameter);
    expect((caught as InvalidParameter).parameter).toBe('storage');
    expect((caught as Error).message).toMatch(/: expected a KeyValueStorage \(get, set, remove, clear\)$/);
  });
});
