import { checkOptionsObject } from '../errors/check-options-object.js';
import { InvalidOption } from '../errors/parameter-errors.js';
import { redact } from '../errors/redact.js';
import { TimeoutError } from '../errors/request-errors.js';
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
   * Milliseconds a whole call may take, retries and their waits included; past it the call
   * rejects with a `TimeoutError`. For `request.stream` it bounds the wait for the response.
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
function linkSignals(signals: (AbortSignal | undefined)[]): { signal: AbortSignal; release(): void } {
  const controller = new AbortController();
  const present = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  const onAbort = (event: Event): void => controller.abort((event.target as AbortSignal).reason);
  for (const signal of present) {
    if (signal.aborted) controller.abort(signal.reason);
    else signal.addEventListener('abort', onAbort, { once: true });
  }
  return {
    signal: controller.signal,
    release: () => {
      for (const signal of present) signal.removeEventListener('abort', onAbort);
    },
  };
}

/**
 * Derives a client whose every request (its pine calls included) carries the given options: a
 * signal, a timeout, a retry count, a deadline for the whole call, extra headers. The derived
 * client shares its configuration, storage and session with the original one; the original is
 * unchanged.
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
    path: string,
    options: RequestOptions,
    send: (options: RequestOptions) => Promise<T>,
    streaming: boolean,
  ): Promise<T> {
    const deadlineController = new AbortController();
    const timer =
      deadline === undefined
        ? undefined
        : setTimeout(() => {
            const where = `${options.method ?? 'GET'} ${redact(path)}`;
            deadlineController.abort(
              new TimeoutError(`${where} did not complete within its deadline of ${deadline} ms`),
            );
          }, deadline);
    const linked = linkSignals([signal, options.signal, timer === undefined ? undefined : deadlineController.signal]);
    try {
      return await send({
        ...options,
        timeout: options.timeout ?? timeout,
        retry: options.retry ?? retry,
        headers: { ...headers, ...options.headers },
        signal: linked.signal,
      });
    } finally {
      clearTimeout(timer);
      // A streamed body is read after this returns: the callers' signals must keep reaching it.
      if (!streaming) linked.release();
    }
  }

  const request = (<T>(path: string, options: RequestOptions = {}): Promise<T> =>
    withDefaults(path, options, (merged) => client.request<T>(path, merged), false)) as RequestFunction;
  request.stream = (path, options = {}) =>
    withDefaults(path, options, (merged) => client.request.stream(path, merged), true);
  const pine = createPineClient(client.config, request);
  return Object.freeze({ config: client.config, storage: client.storage, tokens: client.tokens, request, pine });
}
