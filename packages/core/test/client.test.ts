import { describe, expect, it } from 'vitest';
import {
  createClient,
  createMemoryStorage,
  DEFAULT_API_URL,
  DEFAULT_TIMEOUT_MS,
  InvalidOption,
  TOKEN_STORAGE_KEY,
} from '../src/index.js';

describe('createClient', () => {
  it('fills every default and freezes the result', () => {
    const client = createClient();
    expect(client.config).toEqual({
      apiUrl: 'https://api.balena-cloud.com',
      apiVersion: 'v7',
      timeout: 30_000,
      deadline: 60_000,
      retry: 3,
      retryDelay: 250,
      dashboardUrl: 'https://dashboard.balena-cloud.com',
      requestBatchSize: 1_000,
      userAgent: expect.stringMatching(/^balena-ts\/\d+\.\d+\.\d+/),
      tokenRefreshInterval: 3_600_000,
    });
    expect(DEFAULT_API_URL).toBe('https://api.balena-cloud.com');
    expect(DEFAULT_TIMEOUT_MS).toBe(30_000);
    expect(TOKEN_STORAGE_KEY).toBe('token');
    expect(Object.isFrozen(client)).toBe(true);
    expect(Object.isFrozen(client.config)).toBe(true);
    expect(Object.keys(client).sort()).toEqual(['config', 'pine', 'request', 'storage', 'tokens']);
  });

  it('takes every option', () => {
    const storage = createMemoryStorage();
    const client = createClient({
      apiUrl: 'http://127.0.0.1:4000/',
      apiVersion: 'v6',
      apiKey: 'key',
      storage,
      dataDirectory: '/tmp/balena',
      timeout: 1000,
      deadline: 5000,
      retry: false,
      retryDelay: 10,
      dashboardUrl: 'http://127.0.0.1:4001/',
      deviceUrlsBase: 'devices.example.com',
      requestBatchSize: 50,
      userAgent: 'me/1',
      tokenRefreshInterval: 60_000,
    });
    expect(client.storage).toBe(storage);
    expect(client.config).toEqual({
      apiUrl: 'http://127.0.0.1:4000',
      apiVersion: 'v6',
      apiKey: 'key',
      dataDirectory: '/tmp/balena',
      timeout: 1000,
      deadline: 5000,
      retry: 0,
      retryDelay: 10,
      dashboardUrl: 'http://127.0.0.1:4001',
      deviceUrlsBase: 'devices.example.com',
      requestBatchSize: 50,
      userAgent: 'me/1',
      tokenRefreshInterval: 60_000,
    });
  });

  it("derives the dashboard URL by replacing the first 'api'", () => {
    expect(createClient({ apiUrl: 'https://api.balena-staging.com' }).config.dashboardUrl).toBe(
      'https://dashboard.balena-staging.com',
    );
    expect(createClient({ apiUrl: 'http://127.0.0.1:4000' }).config.dashboardUrl).toBe('http://127.0.0.1:4000');
  });

  it('rejects malformed options with InvalidOption', () => {
    expect(() => createClient({ apiUrl: 'not a url' })).toThrow(InvalidOption);
    expect(() => createClient({ apiUrl: 'ftp://example.com' })).toThrow(InvalidOption);
    expect(() => createClient({ timeout: 0 })).toThrow(InvalidOption);
    expect(() => createClient({ retry: -1 })).toThrow(InvalidOption);
    expect(() => createClient({ requestBatchSize: Number.NaN })).toThrow(InvalidOption);
    expect(() => createClient({ apiVersion: 'v7/../x' })).toThrow(InvalidOption);
  });
});
