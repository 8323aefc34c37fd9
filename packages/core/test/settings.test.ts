import { createClient, createMemoryStorage, InvalidOption, type KeyValueStorage } from '@balena-ts/core';
import {
  get,
  getAll,
  has,
  remove,
  SETTING_KEYS,
  SETTINGS_STORAGE_KEY,
  set,
  toClientOptions,
} from '@balena-ts/core/settings';
import { describe, expect, it } from 'vitest';

const SECRET = 'sentinel-secret-3f9a7c';

function makeClient(storage: KeyValueStorage = createMemoryStorage()) {
  return createClient({ apiUrl: 'http://127.0.0.1:4000', dataDirectory: '/srv/balena', storage });
}

async function caught(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('settings derived from the client configuration', () => {
  it('gives the seed keys from the config', async () => {
    const client = makeClient();
    const all = await getAll(client);
    expect(all.api_endpoint).toBe('http://127.0.0.1:4000');
    expect(all.pine_endpoint).toBe(`http://127.0.0.1:4000/${client.config.apiVersion}/`);
    expect(all.api_version).toBe(client.config.apiVersion);
    expect(all.balena_host).toBe('127.0.0.1:4000');
    expect(all.data_directory).toBe('/srv/balena');
    expect(all.cache_directory).toBe('/srv/balena/cache');
    expect(all.image_cache_time).toBe(604_800_000);
    expect(all.timeout).toBe(client.config.timeout);
    expect(all.token_refresh_interval).toBe(client.config.tokenRefreshInterval);
    expect(all.device_actions_endpoint_version).toBe('v1');
  });

  it('strips api. from the host and keeps the trailing slash of pine_endpoint single', async () => {
    const client = createClient({ apiUrl: 'https://api.balena-staging.com/', storage: createMemoryStorage() });
    expect(await get(client, 'balena_host')).toBe('balena-staging.com');
    expect(await get(client, 'builder_url')).toBe('https://builder.balena-staging.com/');
    expect(await get(client, 'pine_endpoint')).toBe(`https://api.balena-staging.com/${client.config.apiVersion}/`);
  });

  it('reports data_directory false (memory only) when the client has none', async () => {
    const client = createClient({ apiUrl: 'http://127.0.0.1:4000', storage: createMemoryStorage() });
    expect(await get(client, 'data_directory')).toBe(false);
    expect(await get(client, 'cache_directory')).toBe(false);
  });

  it('never lists the API key', async () => {
    const client = createClient({ apiUrl: 'http://127.0.0.1:4000', apiKey: SECRET, storage: createMemoryStorage() });
    expect(JSON.stringify(await getAll(client))).not.toContain(SECRET);
  });
});

describe('get, has, set, remove', () => {
  it('rejects an unknown key with InvalidOption naming it and listing the valid keys', async () => {
    const error = await caught(get(makeClient(), 'api_endpiont'));
    expect(error).toBeInstanceOf(InvalidOption);
    expect(error.message).toContain('"api_endpiont"');
    for (const key of SETTING_KEYS) expect(error.message).toContain(key);
  });

  it('answers has() without throwing', async () => {
    const client = makeClient();
    expect(await has(client, 'api_endpoint')).toBe(true);
    expect(await has(client, 'nope')).toBe(false);
    expect(await has(client, 'device_urls_base')).toBe(false);
  });

  it('follows the seed example: set tmp, remove tmp (true), remove tmp1 (false)', async () => {
    const client = makeClient();
    await set(client, 'tmp', '123456');
    expect(await get(client, 'tmp')).toBe('123456');
    expect(await has(client, 'tmp')).toBe(true);
    expect(await remove(client, 'tmp')).toBe(true);
    expect(await remove(client, 'tmp1')).toBe(false);
    expect(await has(client, 'tmp')).toBe(false);
  });

  it('overrides a derived value and goes back to it on remove', async () => {
    const client = makeClient();
    await set(client, 'image_cache_time', '1000');
    expect(await get(client, 'image_cache_time')).toBe(1000);
    expect(await remove(client, 'image_cache_time')).toBe(true);
    expect(await get(client, 'image_cache_time')).toBe(604_800_000);
    expect(await remove(client, 'image_cache_time')).toBe(false);
  });

  it('persists values in client.storage so that a second client on the same storage sees them', async () => {
    const storage = createMemoryStorage();
    await set(makeClient(storage), 'timeout', 1234);
    expect(await get(makeClient(storage), 'timeout')).toBe(1234);
    expect(JSON.parse((await storage.get(SETTINGS_STORAGE_KEY)) ?? '{}')).toEqual({ timeout: 1234 });
  });

  it('removes the storage key once no value is left', async () => {
    const storage = createMemoryStorage();
    const client = makeClient(storage);
    await set(client, 'a', 'b');
    await remove(client, 'a');
    expect(await storage.get(SETTINGS_STORAGE_KEY)).toBeUndefined();
  });

  it('parses and checks values of known keys without echoing them', async () => {
    const client = makeClient();
    await set(client, 'retry_rate_limited_request', 'true');
    expect(await get(client, 'retry_rate_limited_request')).toBe(true);
    await set(client, 'data_directory', 'false');
    expect(await get(client, 'data_directory')).toBe(false);
    const error = await caught(set(client, 'timeout', SECRET));
    expect(error).toBeInstanceOf(InvalidOption);
    expect(error.message).toContain('timeout');
    expect(error.message).not.toContain(SECRET);
    expect(JSON.stringify(error)).not.toContain(SECRET);
    expect(await get(client, 'timeout')).toBe(client.config.timeout);
  });

  it('refuses to keep the token or an empty key among settings', async () => {
    const client = makeClient();
    const error = await caught(set(client, 'token', SECRET));
    expect(error).toBeInstanceOf(InvalidOption);
    expect(JSON.stringify(error)).not.toContain(SECRET);
    expect(await caught(set(client, '', 'x'))).toBeInstanceOf(InvalidOption);
  });

  it('loses none of 50 concurrent set calls on one storage', async () => {
    const client = makeClient();
    await Promise.all(Array.from({ length: 50 }, (_, index) => set(client, `key-${index}`, `value-${index}`)));
    const all = await getAll(client);
    for (let index = 0; index < 50; index++) expect(all[`key-${index}`]).toBe(`value-${index}`);
  });

  it('keeps working after a failed set in the queue', async () => {
    const client = makeClient();
    const results = await Promise.allSettled([set(client, 'timeout', 'x'), set(client, 'a', '1')]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled']);
    expect(await get(client, 'a')).toBe('1');
  });

  it('reports corrupt stored settings with InvalidOption and leaves them untouched', async () => {
    const storage = createMemoryStorage();
    const corrupt = `{"password": "${SECRET}"`;
    await storage.set(SETTINGS_STORAGE_KEY, corrupt);
    const client = makeClient(storage);
    for (const attempt of [() => get(client, 'timeout'), () => set(client, 'a', 'b'), () => remove(client, 'a')]) {
      const error = await caught(attempt());
      expect(error).toBeInstanceOf(InvalidOption);
      expect(error.message).toContain(`"${SETTINGS_STORAGE_KEY}"`);
      expect(JSON.stringify(error)).not.toContain(SECRET);
    }
    expect(await storage.get(SETTINGS_STORAGE_KEY)).toBe(corrupt);
  });

  it('names the file when the storage can locate keys', async () => {
    const storage = createMemoryStorage();
    await storage.set(SETTINGS_STORAGE_KEY, '[1, 2]');
    const locatable = Object.assign(Object.create(null), storage, {
      get: storage.get.bind(storage),
      set: storage.set.bind(storage),
      remove: storage.remove.bind(storage),
      clear: storage.clear.bind(storage),
      locate: (key: string) => `/data/balena-ts.${key}`,
    });
    const error = await caught(get(makeClient(locatable), 'timeout'));
    expect(error.message).toContain('/data/balena-ts.settings');
  });
});

describe('toClientOptions', () => {
  it('maps the seed keys to client options', () => {
    expect(
      toClientOptions({
        api_endpoint: 'https://api.example.com/',
        api_version: 'v6',
        data_directory: '/d',
        timeout: 1,
        retry: 2,
        retry_delay: 3,
        request_batch_size: 4,
        token_refresh_interval: 5,
        dashboard_url: 'https://dash.example.com',
        device_urls_base: 'devices.example.com',
        image_cache_time: 6,
      }),
    ).toEqual({
      apiUrl: 'https://api.example.com',
      apiVersion: 'v6',
      dataDirectory: '/d',
      timeout: 1,
      retry: 2,
      retryDelay: 3,
      requestBatchSize: 4,
      tokenRefreshInterval: 5,
      dashboardUrl: 'https://dash.example.com',
      deviceUrlsBase: 'devices.example.com',
    });
  });

  it('derives the API and dashboard URLs from balena_host unless given', () => {
    expect(toClientOptions({ balena_host: 'balena-staging.com' })).toEqual({
      apiUrl: 'https://api.balena-staging.com',
      dashboardUrl: 'https://dashboard.balena-staging.com',
    });
    expect(toClientOptions({ balena_host: 'x.com', api_endpoint: 'http://127.0.0.1:1' }).apiUrl).toBe(
      'http://127.0.0.1:1',
    );
    expect(toClientOptions({ data_directory: false })).toEqual({});
  });
});
