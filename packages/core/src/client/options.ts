import type { RequestHooks } from '../request/hooks.js';
import type { KeyValueStorage } from '../storage/key-value-storage.js';

/** What `onRateLimit` is told about a 429 answer. */
export interface RateLimitInfo {
  /** The request URL (redacted). */
  url: string;
  /** The request method. */
  method: string;
  /** How long the server asked to wait (`Retry-After`), in milliseconds, if it said. */
  retryAfterMs: number | undefined;
  /** Which attempt got the 429: 1 for the first. */
  attempt: number;
}

/** Options of `createClient`. Every one is optional. */
export interface ClientOptions {
  /**
   * The API's base URL; default `'https://api.balena-cloud.com'`. A trailing slash is tolerated; a
   * version path (`/v7`, `/v6/`) is refused with `InvalidOption`, because requests add their own
   * (`apiVersion`) and balena would answer the doubled path as if the credential were wrong.
   */
  apiUrl?: string;
  /** The OData API version; default `'v7'`. */
  apiVersion?: string;
  /** An API key sent as the Bearer credential instead of the stored session token. */
  apiKey?: string;
  /** Where the session token and settings live; default `createMemoryStorage()`. */
  storage?: KeyValueStorage;
  /** Not used by core; kept in the config for settings-node and the facade. */
  dataDirectory?: string;
  /** A fetch implementation to use instead of the global one. */
  fetch?: typeof fetch;
  /** Milliseconds per attempt; default 30 000. */
  timeout?: number;
  /**
   * Milliseconds a whole request may take, every attempt and every wait between them (`Retry-After`
   * included); default 60 000, or `timeout` when that is longer. Past it the request ends with a
   * `TimeoutError` saying how many attempts were made in how long; a request that gives a longer
   * `timeout` of its own still gets one whole attempt. For `request.stream` it bounds the wait for
   * the headers.
   */
  deadline?: number;
  /** Retries for idempotent requests; default 3; false means none. */
  retry?: number | false;
  /** Base backoff in milliseconds; default 250 (doubling per attempt, full jitter, capped at 10 s). */
  retryDelay?: number;
  /** Called on every 429 answer, before waiting. */
  onRateLimit?: (info: RateLimitInfo) => void;
  /** Functions called around every attempt of every request: logging, metrics, extra headers (see {@link RequestHooks}). */
  hooks?: RequestHooks;
  /**
   * Logs one line per attempt of every request (method, redacted URL, status, duration, attempt,
   * and why and when it is sent again): `true` for `console.debug`, or a function that receives
   * each line. It runs before `hooks`. Default: false, or `true` when the environment variable
   * `BALENA_DEBUG` is `1` or `true` (Node, read once per client; browsers have none).
   */
  debug?: boolean | ((line: string) => void);
  /** The dashboard's URL; default: `apiUrl` with its first `api` replaced by `dashboard`. */
  dashboardUrl?: string;
  /** The base domain of device public URLs; default undefined (models ask `GET /config`). */
  deviceUrlsBase?: string;
  /** Most ids per `id in (...)` chunk in batch requests (each chunk also stays under a URL-length budget); default 1,000. */
  requestBatchSize?: number;
  /** Sent as `User-Agent` (where the platform allows) and `X-Balena-Client`; default `'balena-ts/<version>'`. */
  userAgent?: string;
  /** Milliseconds after which (by its `iat`) a JWT is refreshed before use; default 3 600 000. */
  tokenRefreshInterval?: number;
}

/** The resolved, frozen configuration of a client: every option filled in except the optional ones. */
export interface ClientConfig {
  /** The API's base URL, without a trailing slash. */
  apiUrl: string;
  /** The OData API version, e.g. `'v7'`. */
  apiVersion: string;
  /** The API key, when one was given. */
  apiKey?: string;
  /** The data directory, when one was given. */
  dataDirectory?: string;
  /** Milliseconds per attempt. */
  timeout: number;
  /** Milliseconds a whole request may take, retries and their waits included. */
  deadline: number;
  /** Retries for idempotent requests. */
  retry: number;
  /** Base backoff in milliseconds. */
  retryDelay: number;
  /** The dashboard's URL, without a trailing slash. */
  dashboardUrl: string;
  /** The base domain of device public URLs, when known. */
  deviceUrlsBase?: string;
  /** Ids per `id in (...)` chunk in batch writes. */
  requestBatchSize: number;
  /** The client identification sent with every request. */
  userAgent: string;
  /** Milliseconds after which a JWT is refreshed before use. */
  tokenRefreshInterval: number;
}
