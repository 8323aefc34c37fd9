import type { FetchContext, FetchHooks } from 'ofetch';
import type { ClientConfig, RateLimitInfo } from '../client/options.js';
import { type BalenaError, isBalenaError } from '../errors/balena-error.js';
import { NetworkError, RequestError, TimeoutError } from '../errors/request-errors.js';
import type { TokenSession } from '../tokens/token-provider.js';
import { type AttemptSignal, createAttemptSignal } from './attempt-signal.js';
import { formatMilliseconds, retryAfterPastDeadline } from './call-signal.js';
import { type Credential, finalResponseError, replacementFor } from './credential.js';
import { type RequestHookInfo, type RequestHooks, runHook } from './hooks.js';
import { readErrorBody } from './response.js';
import { backoffDelay, isRetryableStatus, parseRetryAfter, sleep } from './retry.js';
import type { RequestMethod, RequestOptions } from './types.js';

/** What the hooks of a client share: its configuration, token session and the caller's hooks. */
export interface AttemptHooksContext {
  /** The client's configuration. */
  config: ClientConfig;
  /** The client's token session. */
  session: TokenSession;
  /** The caller's request hooks. */
  hooks?: RequestHooks;
  /** Called on every 429, before waiting. */
  onRateLimit?: (info: RateLimitInfo) => void;
}

/** One call of the request function, across its attempts. */
export interface RequestCall {
  /** The HTTP method. */
  readonly method: RequestMethod;
  /** The URL sent. */
  readonly url: string;
  /** The URL shown to hooks, errors and `onRateLimit` (redacted on the first call). */
  readonly redactedUrl: () => string;
  /** The caller's options. */
  readonly options: RequestOptions;
  /** Streamed answers keep following the caller's signal after the headers. */
  readonly streaming: boolean;
  /** Milliseconds per attempt. */
  readonly timeoutMs: number;
  /** The credential of the next attempt: replaced once after a 401. */
  credential: Credential;
  /** Sends so far: 1 during the first. */
  attempt: number;
  /** Retries so far (the token replay is not one): the exponent of the backoff. */
  retries: number;
  /** Whether the one replay after a 401 has been used. */
  replayed: boolean;
  /** Whether the call's deadline (not the caller's signal) aborted it. */
  readonly deadlinePassed: () => boolean;
  /** The call's deadline, in milliseconds from `callStartedAtMs`. */
  readonly deadlineMs: number;
  /** When the call began (`Date.now()`), for the messages of its final failure. */
  readonly callStartedAtMs: number;
  /** When the current attempt was sent (`Date.now()`). */
  startedAtMs: number;
  /** The current attempt's signal: its timeout and the caller's signal. */
  signal: AttemptSignal | undefined;
  /** The typed error of the last failed attempt. */
  lastError: BalenaError | undefined;
}

type Context = FetchContext<unknown, 'stream'>;

function infoOf(call: RequestCall): RequestHookInfo {
  return { method: call.method, url: call.redactedUrl(), attempt: call.attempt };
}

// ofetch counts the retries left in `options.retry`, lowering it by one on each re-send.
function retriesLeft(context: Context): number {
  return typeof context.options.retry === 'number' ? context.options.retry : 0;
}

/** Turns what fetch threw into the typed error of the attempt. */
function failureOf(thrown: unknown, call: RequestCall): BalenaError {
  if (isBalenaError(thrown)) return thrown;
  const cause = (thrown as { cause?: unknown })?.cause ?? thrown;
  const where = `${call.method} ${call.url}`;
  if (call.signal?.timedOut()) {
    const total = formatMilliseconds(Date.now() - call.callStartedAtMs);
    const message =
      call.attempt === 1
        ? `${where} timed out after ${formatMilliseconds(call.timeoutMs)}`
        : `${where} timed out after ${formatMilliseconds(call.timeoutMs)} (attempt ${call.attempt}; ${total} since the first)`;
    return new TimeoutError(message, { cause });
  }
  const code = systemCodeOf(cause);
  const text = cause instanceof Error ? cause.message : String(cause);
  // A refused connection tried on several addresses is an AggregateError with an empty message.
  const reason =
    text === '' ? (code ?? 'connection failed') : code && !text.includes(code) ? `${text} (${code})` : text;
  return new NetworkError(`${where} failed: ${reason}`, { cause, networkCode: code });
}

/** The system error code under what fetch threw (`ECONNREFUSED`, `ENOTFOUND`, `CERT_HAS_EXPIRED`...). */
function systemCodeOf(error: unknown): string | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== '') return code;
    const errors = (current as { errors?: unknown }).errors;
    const first = Array.isArray(errors) ? systemCodeOf(errors[0]) : undefined;
    if (first) return first;
    current = current.cause;
  }
  return undefined;
}

/**
 * The ofetch hooks of one call: they give each attempt its credential, timeout and the caller's
 * signal, run the caller's hooks, build the typed error of a failed attempt, and decide whether
 * ofetch sends it again. A hook that returns after a failure lets ofetch's `retry` re-send; one
 * that throws ends the call with that error. The wait before a re-send happens here, because
 * ofetch waits `retryDelay` on a timer that the caller's signal cannot cut short.
 *
 * @param call - the call's state, updated by each attempt
 * @param context - config, token session, the caller's hooks and `onRateLimit`
 * @returns the four hooks for ofetch's options
 */
export function createAttemptHooks(call: RequestCall, context: AttemptHooksContext): FetchHooks<unknown, 'stream'> {
  const { config, hooks } = context;
  const callerSignal = call.options.signal;

  async function waitBeforeRetry(delayMs: number): Promise<void> {
    call.retries += 1;
    await sleep(delayMs, callerSignal);
  }

  return {
    async onRequest(fetchContext: Context) {
      call.signal?.dispose();
      call.attempt += 1;
      const headers = fetchContext.options.headers;
      headers.delete('authorization');
      await runHook(hooks, 'onRequest', () => ({ ...infoOf(call), headers }));
      if (call.credential.token) headers.set('authorization', `Bearer ${call.credential.token}`);
      // Not ofetch's `timeout`: it applies only when no signal is given, and it hands the first
      // attempt's (aborted) signal on to the retries. Each attempt gets its own signal here.
      call.signal = createAttemptSignal(call.timeoutMs, callerSignal);
      fetchContext.options.signal = call.signal.signal;
      call.startedAtMs = Date.now();
    },

    async onRequestError(fetchContext: Context & { error: Error }) {
      if (callerSignal?.aborted) {
        // The deadline ended this attempt: a failure the hooks (and the debug log) are told of; a
        // caller's abort is the caller's own decision, and is not.
        if (call.deadlinePassed() && isBalenaError(callerSignal.reason)) {
          const durationMs = Date.now() - call.startedAtMs;
          const error = callerSignal.reason;
          await runHook(hooks, 'onRequestError', () => ({
            ...infoOf(call),
            error,
            status: undefined,
            willRetry: false,
            retryDelayMs: undefined,
            durationMs,
          }));
        }
        throw callerSignal.reason;
      }
      const error = failureOf(fetchContext.error, call);
      call.signal?.dispose();
      call.lastError = error;
      // Errors of balena-ts's own (a refused redirect) are decisions, not accidents of the network.
      const willRetry = !isBalenaError(fetchContext.error) && retriesLeft(fetchContext) > 0;
      const durationMs = Date.now() - call.startedAtMs;
      const retryDelayMs = willRetry ? backoffDelay(call.retries + 1, config.retryDelay) : undefined;
      await runHook(hooks, 'onRequestError', () => ({
        ...infoOf(call),
        error,
        status: undefined,
        willRetry,
        retryDelayMs,
        durationMs,
      }));
      if (retryDelayMs === undefined) throw error;
      await waitBeforeRetry(retryDelayMs);
    },

    async onResponse(fetchContext: Context & { response: Response }) {
      const { response } = fetchContext;
      try {
        await runHook(hooks, 'onResponse', () => ({
          ...infoOf(call),
          status: response.status,
          responseHeaders: response.headers,
          durationMs: Date.now() - call.startedAtMs,
        }));
      } catch (error) {
        await response.body?.cancel().catch(() => undefined);
        throw error;
      }
      // The timeout covers the wait for a streamed answer's headers; the caller's signal keeps covering its body.
      if (response.ok && call.streaming) call.signal?.stopTimer();
      else if (response.ok) call.signal?.dispose();
    },

    async onResponseError(fetchContext: Context & { response: Response }) {
      const { response } = fetchContext;
      const { status } = response;
      const body = await readErrorBody(response);
      call.signal?.dispose();
      const answered = new RequestError({ status, method: call.method, url: call.url, body });
      call.lastError = answered;
      const durationMs = Date.now() - call.startedAtMs;
      const { token, refreshable } = call.credential;
      if (status === 401 && refreshable && token && !call.replayed) {
        const next = await replacementFor(context.session, token, callerSignal);
        if (next) {
          call.credential = { token: next, refreshable: false };
          call.replayed = true;
          // The replay with the new token is not a retry: it leaves the retries as they were.
          fetchContext.options.retry = retriesLeft(fetchContext) + 1;
          await runHook(hooks, 'onResponseError', () => ({
            ...infoOf(call),
            error: answered,
            status,
            willRetry: true,
            retryDelayMs: 0,
            durationMs,
          }));
          return;
        }
      }
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      if (status === 429) {
        context.onRateLimit?.({ url: call.redactedUrl(), method: call.method, retryAfterMs, attempt: call.attempt });
      }
      const retryable = isRetryableStatus(status) && retriesLeft(fetchContext) > 0;
      // A wait the server asks for that ends past the deadline could only end in the deadline's
      // TimeoutError: give it now, saying why, rather than after waiting.
      const pastDeadline =
        retryable && retryAfterMs !== undefined && Date.now() + retryAfterMs > call.callStartedAtMs + call.deadlineMs;
      const willRetry = retryable && !pastDeadline;
      const error = pastDeadline
        ? retryAfterPastDeadline(
            {
              where: `${call.method} ${call.redactedUrl()}`,
              attempts: call.attempt,
              timeoutMs: call.timeoutMs,
              deadlineMs: call.deadlineMs,
              startedAtMs: call.callStartedAtMs,
            },
            status,
            retryAfterMs,
            answered,
          )
        : willRetry
          ? answered
          : finalResponseError(answered, call.credential, call.options);
      call.lastError = error;
      const retryDelayMs = willRetry ? (retryAfterMs ?? backoffDelay(call.retries + 1, config.retryDelay)) : undefined;
      await runHook(hooks, 'onResponseError', () => ({
        ...infoOf(call),
        error,
        status,
        willRetry,
        retryDelayMs,
        durationMs,
      }));
      if (retryDelayMs === undefined) throw error;
      await waitBeforeRetry(retryDelayMs);
    },
  };
}
