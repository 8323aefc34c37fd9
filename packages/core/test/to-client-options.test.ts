// toClientOptions: only the settings that are set become options (no key with an undefined value),
// empty strings count as unset, and the API URL loses its trailing slashes.
import { describe, expect, it } from 'vitest';
import { InvalidParameter } from '../src/index.js';
import { toClientOptions } from '../src/settings.js';

describe('toClientOptions', () => {
  it('makes no option of no setting', () => {
    expect(Object.keys(toClientOptions({}))).toEqual([]);
  });

  it('makes no option of empty strings, and of values of the wrong type', () => {
    const options = toClientOptions({
      balena_host: '',
      api_endpoint: '',
      dashboard_url: '',
      api_version: '',
      data_directory: '',
      device_urls_base: '',
      timeout: '5' as never,
      retry: true as never,
    });
    expect(Object.keys(options)).toEqual([]);
  });

  it('derives the URLs from balena_host', () => {
    expect(toClientOptions({ balena_host: 'example.com' })).toStrictEqual({
      apiUrl: 'https://api.example.com',
      dashboardUrl: 'https://dashboard.example.com',
    });
  });

  it('takes every setting given, the API URL without its trailing slashes', () => {
    expect(
      toClientOptions({
        balena_host: 'example.com',
        api_endpoint: 'https://api.other.com///',
        dashboard_url: 'https://dash.other.com/',
        api_version: 'v6',
        data_directory: '/data',
        device_urls_base: 'devices.other.com',
        timeout: 0,
        retry: 0,
        retry_delay: 10,
        request_batch_size: 20,
        token_refresh_interval: 30,
      }),
    ).toStrictEqual({
      apiUrl: 'https://api.other.com',
      dashboardUrl: 'https://dash.other.com/',
      apiVersion: 'v6',
      dataDirectory: '/data',
      deviceUrlsBase: 'devices.other.com',
      timeout: 0,
      retry: 0,
      retryDelay: 10,
      requestBatchSize: 20,
      tokenRefreshInterval: 30,
    });
  });

  it('refuses settings that are not an object, naming "settings"', () => {
    let caught: unknown;
    try {
      toClientOptions(5 as never);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidParameter);
    expect((caught as InvalidParameter).parameter).toBe('settings');
  });
});
