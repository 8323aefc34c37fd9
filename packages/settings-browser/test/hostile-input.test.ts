// Options of the wrong type end in InvalidParameter instead of a TypeError.
import { InvalidParameter } from '@balena-ts/core';
import { describe, expect, it } from 'vitest';
import { createBrowserStorage, resolveClientOptions } from '../src/index.js';
import { MapStorage } from './memory-web-storage.js';

describe.each([null, 'options', 0, true, [], Symbol('hostile')].map((value) => ({ value })))(
  'options = $value',
  ({ value }) => {
    it('is refused by createBrowserStorage and resolveClientOptions with InvalidParameter', () => {
      expect(() => createBrowserStorage(value as never)).toThrow(InvalidParameter);
      expect(() => resolveClientOptions(value as never)).toThrow(InvalidParameter);
    });
  },
);

describe('valid options', () => {
  it('still work, left out or given', async () => {
    const web = new MapStorage();
    const storage = createBrowserStorage({ storage: web, prefix: 'p:' });
    await storage.set('key', 'value');
    expect(web.getItem('p:key')).toBe('value');
    expect(resolveClientOptions(undefined).storage).toBeDefined();
  });
});
