import { InvalidOption } from '../errors/parameter-errors.js';
import { REQUEST_HOOK_NAMES } from '../request/hooks.js';
import { VERSION } from '../version.js';
import type { ClientConfig, ClientOptions } from './options.js';

/** The balena cloud API. */
export const DEFAULT_API_URL = 'https://api.balena-cloud.com';
/** The OData API version balena-ts speaks. */
export const DEFAULT_API_VERSION = 'v7';
/** Per attempt. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/**
 * A whole request, every attempt and wait included: two attempts that hang, not four (121 s), so
 * that an API that does not answer is reported within a minute.
 */
export const DEFAULT_DEADLINE_MS = 60_000;
/** Retries of an idempotent request. */
export const DEFAULT_RETRY_COUNT = 3;
/** Base of the exponential backoff. */
export const DEFAULT_RETRY_DELAY_MS = 250;
/**
 * Most ids per `id in (...)` chunk of a batch request. Higher than balena's SDK (200) because
 * models also cap each chunk by URL length, which is the limit that matters to proxies: 1,000
 * small ids fit one request, so a batch write on 1,000 devices costs two requests, not ten.
 */
export const DEFAULT_REQUEST_BATCH_SIZE = 1_000;
/** A JWT older than this is refreshed before use. */
export const DEFAULT_TOKEN_REFRESH_INTERVAL_MS = 3_600_000;

function checkText(name: string, value: string | undefined): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  throw new InvalidOption(`Invalid option "${name}": expected a string`);
}

function checkFunction(name: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'function') {
    throw new InvalidOption(`Invalid option "${name}": expected a function`);
  }
}

function checkHooks(hooks: ClientOptions['hooks']): void {
  if (hooks === undefined) return;
  if (typeof hooks !== 'object' || hooks === null)
    throw new InvalidOption('Invalid option "hooks": expected an object');
  for (const name of REQUEST_HOOK_NAMES) checkFunction(`hooks.${name}`, hooks[name]);
}

function checkUrl(name: string, value: string): string {
  if (typeof value !== 'string') throw new InvalidOption(`Invalid option "${name}": expected a URL string`);
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch (error) {
    throw new InvalidOption(`Invalid option "${name}": ${value} is not a URL`, { cause: error });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new InvalidOption(`Invalid option "${name}": ${value} is not an http(s) URL`);
  }
  return value.replace(/\/+$/, '');
}

// Requests add `/<apiVersion>` themselves: a base URL that already ends in one would send
// `/v7/v7/device`, which balena answers 401 as if the credential were wrong.
const VERSION_PATH_PATTERN = /\/v\d+\/*$/i;

function checkApiUrl(value: string): string {
  const apiUrl = checkUrl('apiUrl', value);
  if (VERSION_PATH_PATTERN.test(new URL(apiUrl).pathname)) {
    throw new InvalidOption(
      `Invalid option "apiUrl": ${apiUrl} ends in an API version; give the API's base URL without it ` +
        `(${apiUrl.replace(VERSION_PATH_PATTERN, '')}): requests add the version ("apiVersion") themselves`,
    );
  }
  return apiUrl;
}

function checkCount(name: string, value: number | undefined, fallback: number, minimum: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < minimum) {
    throw new InvalidOption(`Invalid option "${name}": ${String(value)} (expected a number >= ${minimum})`);
  }
  return value;
}

function checkStorage(storage: ClientOptions['storage']): void {
  if (storage === undefined) return;
  const methods = storage as unknown as Record<string, unknown> | null;
  if (
    typeof methods !== 'object' ||
    methods === null ||
    ['get', 'set', 'remove'].some((method) => typeof methods[method] !== 'function')
  ) {
    throw new InvalidOption('Invalid option "storage": expected a KeyValueStorage (get, set and remove)');
  }
}

/**
 * Fills in the defaults of the client options and checks them.
 *
 * @param options - the options given to `createClient`
 * @returns the frozen configuration
 * @throws {@link InvalidOption} for a malformed URL, an `apiUrl` ending in a version path (`/v7`), a negative or non-numeric number, a text option
 *   that is not a string, a `fetch`, `onRateLimit`, `debug` or hook that is not a function, or a `storage` without
 *   `get`, `set` and `remove`
 * @example
 * ```ts
 * resolveConfig({ apiUrl: 'http://127.0.0.1:4000/' }).apiUrl; // 'http://127.0.0.1:4000'
 * ```
 */
export function resolveConfig(options: ClientOptions = {}): ClientConfig {
  const apiUrl = checkApiUrl(options.apiUrl ?? DEFAULT_API_URL);
  const apiVersion = checkText('apiVersion', options.apiVersion) ?? DEFAULT_API_VERSION;
  checkFunction('fetch', options.fetch);
  checkFunction('onRateLimit', options.onRateLimit);
  checkHooks(options.hooks);
  if (typeof options.debug !== 'boolean') checkFunction('debug', options.debug);
  checkStorage(options.storage);
  if (!/^[A-Za-z0-9_.-]+$/.test(apiVersion)) throw new InvalidOption(`Invalid option "apiVersion": ${apiVersion}`);
  const retry = options.retry === false ? 0 : checkCount('retry', options.retry, DEFAULT_RETRY_COUNT, 0);
  const timeout = checkCount('timeout', options.timeout, DEFAULT_TIMEOUT_MS, 1);
  const config: ClientConfig = {
    apiUrl,
    apiVersion,
    timeout,
    // A longer timeout than the default deadline means one attempt may take that long.
    deadline: checkCount('deadline', options.deadline, Math.max(DEFAULT_DEADLINE_MS, timeout), 1),
    retry: Math.floor(retry),
    retryDelay: checkCount('retryDelay', options.retryDelay, DEFAULT_RETRY_DELAY_MS, 0),
    dashboardUrl: checkUrl('dashboardUrl', options.dashboardUrl ?? apiUrl.replace('api', 'dashboard')),
    requestBatchSize: Math.floor(
      checkCount('requestBatchSize', options.requestBatchSize, DEFAULT_REQUEST_BATCH_SIZE, 1),
    ),
    userAgent: checkText('userAgent', options.userAgent) ?? `balena-ts/${VERSION}`,
    tokenRefreshInterval: checkCount(
      'tokenRefreshInterval',
      options.tokenRefreshInterval,
      DEFAULT_TOKEN_REFRESH_INTERVAL_MS,
      0,
    ),
  };
  const apiKey = checkText('apiKey', options.apiKey);
  if (apiKey) config.apiKey = apiKey;
  const dataDirectory = checkText('dataDirectory', options.dataDirectory);
  if (dataDirectory !== undefined) config.dataDirectory = dataDirectory;
  const deviceUrlsBase = checkText('deviceUrlsBase', options.deviceUrlsBase);
  if (deviceUrlsBase !== undefined) config.deviceUrlsBase = deviceUrlsBase;
  return Object.freeze(config);
}
