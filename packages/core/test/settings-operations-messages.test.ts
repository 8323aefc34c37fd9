// The settings functions' refusals, by their whole message, and has() for inherited keys.
import { describe, expect, it } from 'vitest';
import { createClient, createMemoryStorage, InvalidOption, InvalidParameter } from '../src/index.js';
import { get, getAll, has, remove, SETTING_KEYS, SETTINGS_STORAGE_KEY, set } from '../src/settings.js';

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('settings functions', () => {
  const client = () => createClient({ apiUrl: 'https://api.example.com' });

  it('refuse a key that is not a non-empty string, and "token", saying why', async () => {
    for (const key of ['', 5, undefined]) {
      const error = await rejection(set(client(), key as never, 'x'));
      expect(error).toBeInstanceOf(InvalidOption);
      expect(error.message).toBe('A setting key must be a non-empty string.');
    }
    const token = await rejection(set(client(), 'token', 'x'));
    expect(token).toBeInstanceOf(InvalidOption);
    expect(token.message).toBe('"token" is not a setting: log in with @balena-ts/auth to store a token.');
    const removed = await rejection(remove(client(), 5 as never));
    expect(removed).toBeInstanceOf(InvalidParameter);
    expect(removed.message).toBe(
      'Invalid parameter: 5 is not a valid value for parameter "key": a setting key is a string',
    );
  });

  it('name every valid setting for an unknown key', async () => {
    const error = await rejection(get(client(), 'no_such_setting'));
    expect(error).toBeInstanceOf(InvalidOption);
    expect(error.message).toBe(`Unknown setting "no_such_setting". Valid settings: ${SETTING_KEYS.join(', ')}.`);
    expect(error.message).toContain('balena_host, api_endpoint, ');
  });

  it('has() answers for own keys only', async () => {
    const settings = client();
    expect(await has(settings, 'balena_host')).toBe(true);
    expect(await has(settings, 'toString')).toBe(false);
    expect(await has(settings, 'constructor')).toBe(false);
    expect(await has(settings, 'device_urls_base')).toBe(false);
    expect(await has(settings, 5 as never)).toBe(false);
  });

  it('reads stored settings that are empty text as none, and refuses stored JSON null', async () => {
    const storage = createMemoryStorage();
    const settings = createClient({ apiUrl: 'https://api.example.com', storage });
    await storage.set(SETTINGS_STORAGE_KEY, '');
    expect(await getAll(settings)).toEqual(await getAll(createClient({ apiUrl: 'https://api.example.com' })));
    await set(settings, 'timeout', 5);
    expect(JSON.parse((await storage.get(SETTINGS_STORAGE_KEY))!)).toEqual({ timeout: 5 });
    for (const stored of ['null', '[1]', '5', '{broken']) {
      await storage.set(SETTINGS_STORAGE_KEY, stored);
      const error = await rejection(getAll(settings));
      expect(error).toBeInstanceOf(InvalidOption);
      expect(error.message).toBe(
        'The stored settings in storage key "settings" are not a JSON object; fix or delete it (it was left untouched).',
      );
    }
  });
});
