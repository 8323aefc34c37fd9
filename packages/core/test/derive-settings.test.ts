// deriveSettings from a client configuration: every derived value, the separator of a Windows data
// directory, and the refusal of what is not a configuration.
import { describe, expect, it } from 'vitest';
import { createClient, InvalidParameter } from '../src/index.js';
import { deriveSettings } from '../src/settings.js';

const config = createClient({ apiUrl: 'https://api.example.com//' }).config;

describe('deriveSettings', () => {
  it('derives every setting of a client without a data directory', () => {
    const settings = deriveSettings({ ...config, retry: 0, deviceUrlsBase: undefined } as never);
    expect(settings).toMatchObject({
      balena_host: 'example.com',
      pine_endpoint: `https://api.example.com/${config.apiVersion}/`,
      builder_url: 'https://builder.example.com/',
      data_directory: false,
      cache_directory: false,
      retry: 0,
      retry_rate_limited_request: false,
    });
    expect('device_urls_base' in settings).toBe(false);
  });

  it('says a client that retries retries rate-limited requests, and keeps its device URL base', () => {
    const settings = deriveSettings({ ...config, retry: 1, deviceUrlsBase: 'devices.example.com' } as never);
    expect(settings.retry_rate_limited_request).toBe(true);
    expect(settings.device_urls_base).toBe('devices.example.com');
    expect(deriveSettings({ ...config, deviceUrlsBase: '' } as never)).not.toHaveProperty('device_urls_base');
  });

  it.each([
    ['/home/me/.balena', '/home/me/.balena/cache'],
    ['/home/me/.balena/', '/home/me/.balena/cache'],
    ['C:\\Users\\me\\balena', 'C:\\Users\\me\\balena\\cache'],
    ['C:\\Users\\me\\balena\\', 'C:\\Users\\me\\balena\\cache'],
    ['C:\\Users/me\\balena', 'C:\\Users/me\\balena/cache'],
    ['relative', 'relative/cache'],
  ])('puts the cache of %s in %s', (dataDirectory, cache) => {
    const settings = deriveSettings({ ...config, dataDirectory } as never);
    expect([settings.data_directory, settings.cache_directory]).toEqual([dataDirectory, cache]);
  });

  it('uses https and the whole text when the API URL does not parse', () => {
    const settings = deriveSettings({ ...config, apiUrl: 'api.example.org' } as never);
    expect(settings.balena_host).toBe('example.org');
    expect(settings.builder_url).toBe('https://builder.example.org/');
  });

  it.each([
    ['a number', 5, 'Invalid parameter: 5 is not a valid value for parameter "config": expected an object of options'],
    [
      'an object without apiUrl',
      { apiVersion: 'v7' },
      'Invalid parameter: {"apiVersion":"v7"} is not a valid value for parameter "config": expected a client configuration (client.config)',
    ],
    [
      'an object without apiVersion',
      { apiUrl: 'https://x' },
      'Invalid parameter: {"apiUrl":"https://x"} is not a valid value for parameter "config": expected a client configuration (client.config)',
    ],
    [
      'a dataDirectory that is not a string',
      { apiUrl: 'https://x', apiVersion: 'v7', dataDirectory: 5 },
      'Invalid parameter: {"apiUrl":"https://x","apiVersion":"v7","dataDirectory":5} is not a valid value for parameter "config": dataDirectory must be a string',
    ],
  ])('refuses %s', (_label, value, message) => {
    let caught: unknown;
    try {
      deriveSettings(value as never);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidParameter);
    expect((caught as Error).message).toBe(message);
    expect((caught as InvalidParameter).parameter).toBe('config');
  });
});
