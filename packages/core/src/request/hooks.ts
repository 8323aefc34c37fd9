import type { BalenaError } from '../errors/balena-error.js';
import { redact } from '../errors/redact.js';
import { RequestHookError } from '../errors/request-errors.js';
import type { RequestMethod } from './types.js';

/** What every request hook is told about the attempt it runs for. */
export interface RequestHookInfo {
  /** The HTTP method. */
  readonly method: RequestMethod;
  /** The request URL, redacted. */
  readonly url: string;
  /** Which attempt this is: 1 for the first send, then one more per retry or token replay. */
  readonly attempt: number;
}

/** What `onRequest` is given, before each attempt is sent. */
export interface RequestHookContext extends RequestHookInfo {
  /**
   * The headers about to be sent, without the credential (it is added after the hook, so a hook
   * that logs the headers never logs it). The hook may add, change or delete headers.
   */
  readonly headers: Headers;
}

/** What `onResponse` is given, for every answer (error statuses included). */
export interface ResponseHookContext extends RequestHookInfo {
  /** The HTTP status of the answer. */
  readonly status: number;
  /** The answer's headers. */
  readonly responseHeaders: Headers;
  /** Milliseconds from sending this attempt to its answer (the whole body, except for `request.stream`). */
  readonly durationMs: number;
}

/** What `onRequestError` and `onResponseError` are given. */
export interface RequestErrorHookContext extends RequestHookInfo {
  /**
   * The typed error of this attempt: `NetworkError`, `TimeoutError` or `RedirectRefused` when there
   * was no usable answer; `RequestError`, `NotLoggedIn` or `ExpiredToken` for an error status.
   */
  readonly error: BalenaError;
  /** The HTTP status, for an error status; undefined when there was no answer. */
  readonly status: number | undefined;
  /** Whether the request will be sent again (a retry, or the replay after a token refresh). */
  readonly willRetry: boolean;
  /**
   * When it will be sent again: milliseconds waited first (the server's `Retry-After`, or the
   * backoff; 0 for the replay after a token refresh). Undefined when it will not.
   */
  readonly retryDelayMs: number | undefined;
  /** Milliseconds from sending this attempt to its failure. */
  readonly durationMs: number;
}

/**
 * Functions called around every attempt of every request of a client (the official balena SDK
 * calls them interceptors): logging, metrics, extra headers. Each may be async; the request waits
 * for it. A hook that throws stops the request with a `RequestHookError`, never retried.
 * A caller's abort ends the request without calling the error hooks; a deadline that ends an
 * attempt is told to `onRequestError` (its `TimeoutError`, `willRetry` false).
 *
 * @example
 * ```ts
 * const client = createClient({
 *   hooks: {
 *     onRequest: ({ headers }) => headers.set('X-Request-Id', crypto.randomUUID()),
 *     onResponse: ({ method, url, status, durationMs }) => console.log(method, url, status, durationMs),
 *     onResponseError: ({ error, willRetry }) => console.warn(error.message, willRetry ? '(retrying)' : ''),
 *   },
 * });
 * ```
 */
export interface RequestHooks {
  /** Before each attempt is sent; may change its headers. */
  onRequest?: (context: RequestHookContext) => void | Promise<void>;
  /** After each answer, whatever its status. */
  onResponse?: (context: ResponseHookContext) => void | Promise<void>;
  /** After an attempt that got no answer (connection, timeout, refused redirect). */
  onRequestError?: (context: RequestErrorHookContext) => void | Promise<void>;
  /** After an answer with an error status (4xx, 5xx). */
  onResponseError?: (context: RequestErrorHookContext) => void | Promise<void>;
}

/** The names of the hooks, for checking the option. */
export const REQUEST_HOOK_NAMES: readonly (keyof RequestHooks)[] = [
  'onRequest',
  'onResponse',
  'onRequestError',
  'onResponseError',
];

/**
 * Runs one of the caller's hooks, turning whatever it throws into a {@link RequestHookError}.
 *
 * @param hooks - the client's hooks
 * @param name - which hook
 * @param contextOf - what the hook is told, built only when the client has that hook
 * @throws {@link RequestHookError} when the hook throws or rejects
 */
export async function runHook<Name extends keyof RequestHooks>(
  hooks: RequestHooks | undefined,
  name: Name,
  contextOf: () => Parameters<NonNullable<RequestHooks[Name]>>[0],
): Promise<void> {
  const hook = hooks?.[name] as ((context: unknown) => void | Promise<void>) | undefined;
  if (!hook) return;
  const context = contextOf();
  try {
    await hook(context);
  } catch (error) {
    const reason = error instanceof Error ? error.message : redact(error);
    throw new RequestHookError(`The ${name} hook of ${context.method} ${context.url} threw: ${reason}`, {
      cause: error,
    });
  }
}
