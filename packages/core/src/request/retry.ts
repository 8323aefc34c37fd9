import type { RequestMethod } from './types.js';

/** The longest wait a `Retry-After` header can impose. */
export const MAX_RETRY_AFTER_MS = 60_000;
/** The longest computed backoff between two attempts. */
export const MAX_RETRY_DELAY_MS = 10_000;

const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

/**
 * How many times a request may be retried: an explicit `retry` wins; otherwise idempotent methods
 * get the client's count and POST/PATCH none, so that a write is never sent twice by accident.
 *
 * @param retry - the request's own option
 * @param method - the HTTP method
 * @param defaultRetries - the client's `config.retry`
 * @returns the number of retries (0 or more)
 */
export function resolveRetryCount(
  retry: number | false | undefined,
  method: RequestMethod,
  defaultRetries: number,
): number {
  if (retry === false) return 0;
  if (typeof retry === 'number') return Math.max(0, Math.floor(retry));
  return IDEMPOTENT_METHODS.has(method) ? defaultRetries : 0;
}

/**
 * Statuses worth another attempt: timeouts, rate limits and server errors.
 *
 * @param status - an HTTP status
 * @returns true for 408, 429 and 5xx
 */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

/**
 * Reads a `Retry-After` header in either of its forms (seconds, or an HTTP date).
 *
 * @param header - the header's value
 * @param nowMs - the current time (for tests)
 * @returns the wait in milliseconds, capped at {@link MAX_RETRY_AFTER_MS}, or undefined when absent or unreadable
 */
export function parseRetryAfter(header: string | null | undefined, nowMs: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const text = header.trim();
  let waitMs: number;
  if (/^\d+(\.\d+)?$/.test(text)) waitMs = Number(text) * 1000;
  else {
    const dateMs = Date.parse(text);
    if (Number.isNaN(dateMs)) return undefined;
    waitMs = Math.max(0, dateMs - nowMs);
  }
  return Math.min(waitMs, MAX_RETRY_AFTER_MS);
}

/**
 * Exponential backoff with full jitter: a random wait between 0 and `base * 2^(attempt-1)`,
 * capped, so that many clients failing together do not retry together.
 *
 * @param attempt - the attempt that just failed: 1 for the first
 * @param baseDelayMs - `config.retryDelay`
 * @returns the wait in milliseconds
 */
export function backoffDelay(attempt: number, baseDelayMs: number): number {
  const ceiling = Math.min(MAX_RETRY_DELAY_MS, baseDelayMs * 2 ** (attempt - 1));
  return Math.random() * ceiling;
}

/**
 * Waits, unless a signal aborts first.
 *
 * @param delayMs - how long
 * @param signals - the caller's signals (undefined ones are ignored)
 * @returns a promise that resolves after the delay, or rejects with the reason of the first signal to abort
 */
export function sleep(delayMs: number, ...signals: (AbortSignal | undefined)[]): Promise<void> {
  const present = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  return new Promise((resolve, reject) => {
    const aborted = present.find((signal) => signal.aborted);
    if (aborted) return reject(aborted.reason);
    const release = (): void => {
      for (const signal of present) signal.removeEventListener('abort', onAbort);
    };
    const onAbort = (event: Event): void => {
      clearTimeout(timer);
      release();
      reject((event.target as AbortSignal).reason);
    };
    const timer = setTimeout(() => {
      release();
      resolve();
    }, delayMs);
    for (const signal of present) signal.addEventListener('abort', onAbort, { once: true });
  });
}
