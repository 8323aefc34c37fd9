import { createFetch, FetchError } from 'ofetch';
import type { ClientConfig, RateLimitInfo } from '../client/options.js';
import { checkOptionsObject } from '../errors/check-options-object.js';
import { InvalidParameter } from '../errors/parameter-errors.js';
import { redact } from '../errors/redact.js';
import type { KeyValueStorage } from '../storage/key-value-storage.js';
import { createTokenProvider } from '../tokens/token-provider.js';
import type { TokenProvider } from '../tokens/types.js';
import { createAttemptHooks, type RequestCall } from './attempt-hooks.js';
import { createCallSignal } from './call-signal.js';
import { credentialFor } from './credential.js';
import type { RequestHooks } from './hooks.js';
import { readBody } from './response.js';
import { resolveRetryCount } from './retry.js';
import { createTransportFetch } from './transport-fetch.js';
import type { RequestFunction, RequestOptions } from './types.js';
import { buildRequestUrl } from './url.js';

/** What the request layer is built from. */
export interface RequestContext {
  /** The client's configuration. */
  config: ClientConfig;
  /** Where the session token lives. */
  storage: KeyValueStorage;
  /** A fetch to use instead of the global one. */
  fetch?: typeof fetch;
  /** The caller's request hooks. */
  hooks?: RequestHooks;
  /** Called on every 429, before waiting. */
  onRateLimit?: (info: RateLimitInfo) => void;
}

/** A client's request function and the token provider it takes its credentials from. */
export interface RequestLayer {
  /** Sends requests. */
  request: RequestFunction;
  /** The credential source, which refreshes the session token through `request`. */
  tokens: TokenProvider;
}

// Statuses ofetch may send again: those worth a retry, and 401 for the one replay after a token
// refresh. The attempt hooks decide each time; ofetch re-sends only the failures they let through.
const RESEND_STATUS_CODES: number[] = [401, 408, 429, ...Array.from({ length: 100 }, (_, index) => 500 + index)];

// ofetch turns plain objects and arrays into JSON after the onRequest hooks, where a failure escapes
// as a bare TypeError: a body JSON cannot carry (a BigInt, a cycle) is refused here, before sending.
function checkJsonBody(body: unknown): void {
  if (typeof body !== 'object' || body === null) return;
  const prototype = Object.getPrototypeOf(body);
  if (!Array.isArray(body) && prototype !== Object.prototype && prototype !== null) return;
  try {
    JSON.stringify(body);
  } catch (error) {
    throw new InvalidParameter('body', body, `cannot be sent as JSON: ${(error as Error).message}`);
  }
}

function headersFor(config: ClientConfig, options: RequestOptions): Record<string, string> {
  const headers: Record<string, string> = { 'X-Balena-Client': config.userAgent, ...options.headers };
  if (typeof options.body === 'string' && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
    headers['Content-Type'] = 'text/plain;charset=UTF-8';
  }
  return headers;
}

/**
 * Creates a client's request layer on ofetch. Each call is one ofetch request whose hooks (see
 * `createAttemptHooks`) add the Bearer credential, a timeout that aborts the attempt, the caller's
 * signal and hooks, and typed errors; ofetch's `retry` re-sends idempotent requests after a network
 * error, 408, 429 or 5xx (with backoff or `Retry-After`), and a request refused with 401 once after
 * a token refresh. The token provider refreshes the session through the same pipeline.
 *
 * @param context - config, storage, fetch, hooks and the rate-limit callback
 * @returns the request function (with its `stream` variant) and the token provider
 * @example
 * ```ts
 * const { request, tokens } = createRequest({ config, storage });
 * const me = await request<{ username: string }>('/actor/v1/whoami');
 * ```
 */
export function createRequest(context: RequestContext): RequestLayer {
  const { config } = context;
  const platformFetch = (): typeof fetch => context.fetch ?? globalThis.fetch;
  const transportOf = (readWholeBody: boolean) =>
    createFetch({
      fetch: createTransportFetch(platformFetch, readWholeBody),
      Headers: globalThis.Headers,
      AbortController: globalThis.AbortController,
    });
  const wholeBody = transportOf(true);
  const streamed = transportOf(false);
  const session = createTokenProvider({
    config,
    storage: context.storage,
    request: async (path, options) => (await send(path, options, false)).body,
  });
  const hooksContext = { config, session, hooks: context.hooks, onRateLimit: context.onRateLimit };

  async function send(
    path: string,
    givenOptions: RequestOptions,
    streaming: boolean,
  ): Promise<{ response: Response; body: unknown }> {
    // `client.request` is public: JavaScript callers can hand it anything.
    if (typeof path !== 'string' || path === '') {
      throw new InvalidParameter('path', path, 'expected a path such as /v7/device, or an absolute URL');
    }
    const options: RequestOptions = checkOptionsObject('options', givenOptions);
    const method = options.method ?? 'GET';
    // An aborted call sends nothing and runs no hook: a write after an aborted lookup never leaves.
    options.signal?.throwIfAborted();
    checkJsonBody(options.body);
    const url = buildRequestUrl(options.baseUrl ?? config.apiUrl, path, options.query);
    // Redacted when something shows it (a hook, an error): run on every URL, its seven patterns took
    // about a tenth of a call's own CPU time.
    let redacted: string | undefined;
    const redactedUrl = (): string => {
      redacted ??= redact(url);
      return redacted;
    };
    const timeoutMs = options.timeout ?? config.timeout;
    let call: RequestCall | undefined;
    // A request that raises its own timeout above the client's deadline gets at least one attempt.
    const deadlineMs = options.deadline ?? Math.max(config.deadline, options.timeout ?? 0);
    const callSignal = createCallSignal(deadlineMs, options.signal, () => ({
      where: `${method} ${redactedUrl()}`,
      attempts: call?.attempt ?? 0,
      timeoutMs,
    }));
    let keepSignal = false;
    try {
      call = {
        method,
        url,
        redactedUrl,
        options: { ...options, signal: callSignal.signal },
        streaming,
        timeoutMs,
        credential: await credentialFor(config, session, options, callSignal.signal),
        attempt: 0,
        retries: 0,
        replayed: false,
        deadlinePassed: callSignal.deadlinePassed,
        deadlineMs,
        callStartedAtMs: Date.now(),
        startedAtMs: 0,
        signal: undefined,
        lastError: undefined,
      };
      try {
        const response = await (streaming ? streamed : wholeBody).raw(url, {
          method,
          headers: headersFor(config, options),
          body: options.body as BodyInit | Record<string, unknown> | undefined,
          retry: resolveRetryCount(options.retry, method, config.retry),
          retryStatusCodes: RESEND_STATUS_CODES,
          // The attempt hooks wait before each re-send, where the caller's signal can cut the wait short.
          retryDelay: 0,
          // ofetch hands the body over untouched: `readBody` parses it the way balena answers.
          responseType: 'stream',
          ...createAttemptHooks(call, hooksContext),
        });
        if (streaming) {
          // The deadline bounds the wait for the headers; the caller's signal keeps reaching the body.
          callSignal.stopDeadline();
          keepSignal = true;
          return { response, body: undefined };
        }
        return { response, body: await readBody(response, { method, url: redactedUrl }, options.responseType) };
      } catch (error) {
        // ofetch's own error only when it declined a re-send the hooks allowed: report the attempt's error.
        throw error instanceof FetchError ? (call.lastError ?? error) : error;
      } finally {
        if (!keepSignal) call.signal?.dispose();
      }
    } finally {
      if (!keepSignal) callSignal.dispose();
    }
  }

  const request = (async <T>(path: string, options: RequestOptions = {}): Promise<T> => {
    const { body } = await send(path, options, false);
    return body as T;
  }) as RequestFunction;
  request.stream = async (path: string, options: RequestOptions = {}): Promise<Response> => {
    const { response } = await send(path, options, true);
    return response;
  };
  return { request, tokens: session.provider };
}
