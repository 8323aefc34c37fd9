// The retry arithmetic on its own: which statuses and methods are retried, how a Retry-After header
// reads, the backoff's ceiling, and a wait that leaves nothing on the signals it watched.
import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, isRetryableStatus, parseRetryAfter, resolveRetryCount, sleep } from '../src/request/retry.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('resolveRetryCount', () => {
  it('gives no retry for retry: false, even on an idempotent method', () => {
    expect(resolveRetryCount(false, 'GET', 3)).toBe(0);
    expect(resolveRetryCount(undefined, 'GET', 3)).toBe(3);
  });
});

describe('isRetryableStatus', () => {
  it('retries 408, 429 and 500 to 599, nothing around them', () => {
    expect([407, 408, 409, 428, 429, 430, 499, 500, 599, 600].filter(isRetryableStatus)).toEqual([408, 429, 500, 599]);
  });
});

describe('parseRetryAfter', () => {
  it('reads fractional seconds, and nothing that is not all digits as seconds', () => {
    expect(parseRetryAfter('1.5')).toBe(1_500);
    expect(parseRetryAfter('1.25')).toBe(1_250);
    expect(parseRetryAfter(' 3 ')).toBe(3_000);
    expect(parseRetryAfter('2 seconds')).toBeUndefined();
  });
});

describe('backoffDelay', () => {
  it('draws from 0 to retryDelay * 2^(attempt - 1), capped at MAX_RETRY_DELAY_MS', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    expect([1, 2, 3, 20].map((attempt) => backoffDelay(attempt, 100))).toEqual([50, 100, 200, 5_000]);
  });
});

describe('sleep', () => {
  it('rejects at once, with its reason, for a signal already aborted', async () => {
    const controller = new AbortController();
    const reason = new Error('before the wait');
    controller.abort(reason);
    await expect(sleep(60_000, undefined, controller.signal)).rejects.toBe(reason);
  });

  it('leaves no listener on its signals once the wait is over', async () => {
    const first = new AbortController();
    const second = new AbortController();
    await sleep(1, first.signal, undefined, second.signal);
    expect(getEventListeners(first.signal, 'abort')).toHaveLength(0);
    expect(getEventListeners(second.signal, 'abort')).toHaveLength(0);
  });
});
