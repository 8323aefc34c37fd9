import { checkOptionsObject } from '../errors/check-options-object.js';
import { InvalidOption } from '../errors/parameter-errors.js';
import { TimeoutError } from '../errors/request-errors.js';
import { createPineClient } from '../odata/pine-client.js';
import { anySignal } from '../request/any-signal.js';
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
   * Milliseconds the derived client's work may take, counted from `withOptions`: every request,
   * retry and wait between them, across all the requests of a call (a lookup then a write, a
   * batch, a paginated list), rejects with a `TimeoutError` once it has passed, and nothing more is
   * sent. Each request is also bounded by it on its own (a request's own `deadline` wins there).
   * For `request.stream` it bounds the wait for the response. Derive a client per call (it is
   * cheap): a derived client kept for later calls keeps counting from its creation.
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

/** The whole-work deadline of a derived client: its clock, and the signal that says it has passed. */
interface WorkDeadline {
  /** Milliseconds left (0 or less once passed). */
  remaining(): number;
  /** The error a request sent after the deadline rejects with. */
  passed(): TimeoutError;
  /** Aborts with {@link WorkDeadline.passed}'s error when the time is up. */
  signal: AbortSignal;
}

/**
 * Starts the clock of a derived client's deadline. The timer does not keep Node running: a script
 * that finishes early exits at once.
 */
function startDeadline(deadlineMs: number): WorkDeadline {
  const controller = new AbortController();
  const startedAtMs = Date.now();
  const passed = (): TimeoutError =>
    new TimeoutError(
      `The call's deadline of ${deadlineMs.toLocaleString('en-US')} ms passed ` +
        `(${Math.round(Date.now() - startedAtMs).toLocaleString('en-US')} ms since withOptions)`,
    );
  const timer = setTimeout(() => controller.abort(passed()), deadlineMs);
  // Node's timers have `unref`; browsers' are numbers.
  (timer as { unref?: () => void }).unref?.();
  return { remaining: () => deadlineMs - (Date.now() - startedAtMs), passed, signal: controller.signal };
}

/**
 * Derives a client whose every request (its pine calls included) carries the given options: a
 * signal, a timeout, a retry count, a deadline for the whole of its work, extra headers. The derived
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
  // The deadline bounds the derived client's whole work: each request gets the time left as its
  // own deadline (whose error says what the request went through), one sent after it is refused,
  // and `client.signal` tells multi-request functions to send nothing more.
  const work = deadline === undefined ? undefined : startDeadline(deadline);

  async function withDefaults<T>(options: RequestOptions, send: (options: RequestOptions) => Promise<T>): Promise<T> {
    const left = work?.remaining();
    if (left !== undefined && left <= 0) throw work?.passed();
    const merged: RequestOptions = {
      ...options,
      timeout: options.timeout ?? timeout,
      retry: options.retry ?? retry,
      deadline: options.deadline ?? left,
      headers: { ...headers, ...options.headers },
      signal: options.signal ?? signal,
    };
    if (signal === undefined || options.signal === undefined) return send(merged);
    return send({ ...merged, signal: anySignal([signal, options.signal]) });
  }

  const request = (<T>(path: string, options: RequestOptions = {}): Promise<T> =>
    withDefaults(options, (merged) => client.request<T>(path, merged))) as RequestFunction;
  request.stream = (path, options = {}) => withDefaults(options, (merged) => client.request.stream(path, merged));
  const pine = createPineClient(client.config, request);
  const derived = { config: client.config, storage: client.storage, tokens: client.tokens, request, pine };
  // Requests go through the parent's request function, which adds the parent's signal; `signal`
  // here tells multi-request functions about both, and about the deadline.
  const signals = [client.signal, signal, work?.signal].filter((each) => each !== undefined);
  const either = signals.length <= 1 ? signals[0] : anySignal(signals);
  return Object.freeze(either === undefined ? derived : { ...derived, signal: either });
}
