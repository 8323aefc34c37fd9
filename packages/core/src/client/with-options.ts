import { checkOptionsObject } from '../errors/check-options-object.js';
import { InvalidOption } from '../errors/parameter-errors.js';
import { createPineClient } from '../odata/pine-client.js';
import type { RequestFunction, RequestOptions } from '../request/types.js';
import type { Client } from './client.js';

/** What every request of a client from {@link withOptions} carries. */
export interface RequestDefaults {
  /** Aborts every request of the derived client (and any retry wait); a request's own signal still applies too. */
  signal?: AbortSignal;
  /** Milliseconds per attempt, unless a request says otherwise. */
  timeout?: number;
  /** Retries, unless a request says otherwise (`false`: none). */
  retry?: number | false;
  /**
   * Milliseconds each request may take, its retries and their waits included, unless a request
   * says otherwise (the client's `deadline` otherwise); past it the request rejects with a
   * `TimeoutError`. For `request.stream` it bounds the wait for the response. To bound a call of
   * several requests as a whole, pass `signal: AbortSignal.timeout(ms)`.
   */
  deadline?: number;
  /** Headers added to every request; a request's own headers win. */
  headers?: Record<string, string>;
}

function checkDuration(name: string, value: number | undefined): void {
  if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)) {
    throw new InvalidOption(`Invalid option "${name}": ${String(value)} (expected a number of milliseconds > 0)`);
  }
}

/** Links several signals into one, until `release` is called. */
function linkSignals(signals: readonly AbortSignal[]): { signal: AbortSignal; release(): void } {
  const controller = new AbortController();
  const onAbort = (event: Event): void => controller.abort((event.target as AbortSignal).reason);
  for (const signal of signals) {
    if (signal.aborted) controller.abort(signal.reason);
    else signal.addEventListener('abort', onAbort, { once: true });
  }
  return {
    signal: controller.signal,
    release: () => {
      for (const signal of signals) signal.removeEventListener('abort', onAbort);
    },
  };
}

// A derived client lives as long as its caller keeps it: `AbortSignal.any` lets the long-lived
// parent signal forget it once it is collected; the listeners of `linkSignals` are the fallback.
function anySignal(signals: AbortSignal[]): AbortSignal {
  // Browsers before 2024 lack it, whatever the lib types say.
  return typeof AbortSignal.any === 'function' ? AbortSignal.any(signals) : linkSignals(signals).signal;
}

/**
 * Derives a client whose every request (its pine calls included) carries the given options: a
 * signal, a timeout, a retry count, a deadline for each request, extra headers. The derived
 * client shares its configuration, storage and session with the original one; the original is
 * unchanged. Its `signal` (this one and the original client's) is also `client.signal`, which
 * functions sending several requests check between them: after an abort they send nothing more.
 *
 * @param client - the client to derive from
 * @param defaults - signal, timeout, retry, deadline and headers
 * @returns the derived client, frozen
 * @throws {@link InvalidOption} for a timeout or deadline that is not a positive number, or headers that are not an object
 * @throws {@link InvalidParameter} when `defaults` is not an object
 * @example
 * ```ts
 * const quick = withOptions(client, { deadline: 5_000, retry: 1, headers: { 'X-Request-Id': id } });
 * const devices = await device.getAll(quick, { $select: ['uuid'] });
 * ```
 */
export function withOptions(client: Client, defaults: RequestDefaults): Client {
  const checked = checkOptionsObject('defaults', defaults);
  checkDuration('timeout', checked.timeout);
  checkDuration('deadline', checked.deadline);
  if (checked.headers !== undefined && (typeof checked.headers !== 'object' || checked.headers === null)) {
    throw new InvalidOption('Invalid option "headers": expected an object of header names and values');
  }
  const { signal, timeout, retry, deadline, headers } = checked;

  async function withDefaults<T>(
    options: RequestOptions,
    send: (options: RequestOptions) => Promise<T>,
    streaming: boolean,
  ): Promise<T> {
    const merged: RequestOptions = {
      ...options,
      timeout: options.timeout ?? timeout,
      retry: options.retry ?? retry,
      deadline: options.deadline ?? deadline,
      headers: { ...headers, ...options.headers },
      signal: options.signal ?? signal,
    };
    if (signal === undefined || options.signal === undefined) return send(merged);
    const linked = linkSignals([signal, options.signal]);
    try {
      return await send({ ...merged, signal: linked.signal });
    } finally {
      // A streamed body is read after this returns: the callers' signals must keep reaching it.
      if (!streaming) linked.release();
    }
  }

  const request = (<T>(path: string, options: RequestOptions = {}): Promise<T> =>
    withDefaults(options, (merged) => client.request<T>(path, merged), false)) as RequestFunction;
  request.stream = (path, options = {}) => withDefaults(options, (merged) => client.request.stream(path, merged), true);
  const pine = createPineClient(client.config, request);
  const derived = { config: client.config, storage: client.storage, tokens: client.tokens, request, pine };
  // Requests go through the parent's request function, which adds the parent's signal; `signal`
  // here tells multi-request functions about both.
  const either =
    client.signal === undefined || signal === undefined
      ? (client.signal ?? signal)
      : anySignal([client.signal, signal]);
  return Object.freeze(either === undefined ? derived : { ...derived, signal: either });
}
