import { createFetch } from 'ofetch';
import type { ClientConfig, RateLimitInfo } from '../client/options.js';
import { ExpiredToken, NotLoggedIn } from '../errors/auth-errors.js';
import { redact } from '../errors/redact.js';
import { NetworkError, RequestError, TimeoutError } from '../errors/request-errors.js';
import { isJwt, isTokenExpired } from '../tokens/jwt.js';
import { refreshFailureOf } from '../tokens/token-provider.js';
import type { TokenProvider } from '../tokens/types.js';
import { createAttemptSignal } from './attempt-signal.js';
import { readBody, readErrorBody } from './response.js';
import { backoffDelay, isRetryableStatus, parseRetryAfter, resolveRetryCount, sleep } from './retry.js';
import type { RequestFunction, RequestMethod, RequestOptions } from './types.js';
import { buildRequestUrl } from './url.js';

/** What the request layer needs from its client. */
export interface RequestContext {
  /** The client's configuration. */
  config: ClientConfig;
  /** The credential source. */
  tokens: TokenProvider;
  /** A fetch to use instead of the global one. */
  fetch?: typeof fetch;
  /** Called on every 429, before waiting. */
  onRateLimit?: (info: RateLimitInfo) => void;
}

interface Credential {
  token: string | undefined;
  /** Only the provider's session JWT may be refreshed and replayed after a 401. */
  refreshable: boolean;
}

type Outcome = { kind: 'response'; response: Response; body: unknown } | { kind: 'failure'; error: Error };

function headersFor(config: ClientConfig, options: RequestOptions, token: string | undefined): Record<string, string> {
  const headers: Record<string, string> = { 'X-Balena-Client': config.userAgent, ...options.headers };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (typeof options.body === 'string' && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
    headers['Content-Type'] = 'text/plain;charset=UTF-8';
  }
  return headers;
}

function finalError(status: number, credential: Credential, options: RequestOptions, error: RequestError): Error {
  if (status !== 401) return error;
  // A request sent anonymously on purpose (`auth: false`: a login, a local supervisor with its own
  // key in the URL) was refused for its own reasons, not for a missing session.
  if (!credential.token) {
    if (options.auth === false) return error;
    return new NotLoggedIn('Not logged in: this request needs a credential', { cause: error });
  }
  if (isJwt(credential.token) && isTokenExpired(credential.token)) {
    return new ExpiredToken('The session token has expired: log in again', { cause: error });
  }
  return error;
}

/**
 * Creates a client's request function on ofetch: base URL, Bearer credential from the token
 * provider, timeouts that abort, the caller's AbortSignal, retries with backoff and `Retry-After`
 * for idempotent requests, one token refresh and replay after a 401, and typed errors.
 *
 * @param context - config, token provider, fetch and the rate-limit hook
 * @returns the request function (with its `stream` variant)
 * @example
 * ```ts
 * const request = createRequest({ config, tokens });
 * const me = await request<{ username: string }>('/actor/v1/whoami');
 * ```
 */
export function createRequest(context: RequestContext): RequestFunction {
  const { config, tokens } = context;
  const customFetch = context.fetch;
  const transport = createFetch({
    fetch: (input, init) => (customFetch ?? globalThis.fetch)(input, init),
    Headers: globalThis.Headers,
    AbortController: globalThis.AbortController,
  });

  async function credentialFor(options: RequestOptions): Promise<Credential> {
    if (options.token !== undefined) return { token: options.token, refreshable: false };
    if (options.auth === false) return { token: undefined, refreshable: false };
    const token = await tokens.get();
    const refreshable = token !== undefined && token !== config.apiKey && isJwt(token);
    // balena runs a request with an expired JWT as the guest (/v7 answers 200 with no rows), so
    // sending it would turn "log in again" into a misleading "not found". The provider has already
    // tried to refresh it; when that did not help, refuse here, before anything is sent.
    if (refreshable && isTokenExpired(token)) {
      throw new ExpiredToken('The session token has expired and could not be refreshed: log in again', {
        cause: refreshFailureOf(tokens, token),
      });
    }
    return { token, refreshable };
  }

  // After a 401, a concurrent request may already have refreshed the token: use that one, else refresh.
  async function replacementFor(rejected: string): Promise<string | undefined> {
    try {
      const current = await tokens.get();
      const next = current && current !== rejected ? current : await tokens.refresh();
      return next && next !== rejected ? next : undefined;
    } catch {
      return undefined;
    }
  }

  async function attempt(
    url: string,
    method: RequestMethod,
    options: RequestOptions,
    token: string | undefined,
    streaming: boolean,
  ): Promise<Outcome> {
    const timeoutMs = options.timeout ?? config.timeout;
    const attemptSignal = createAttemptSignal(timeoutMs, options.signal);
    let keepSignal = false;
    try {
      const response: Response = await transport.raw(url, {
        method,
        headers: headersFor(config, options, token),
        body: options.body as BodyInit | Record<string, unknown> | undefined,
        signal: attemptSignal.signal,
        retry: false,
        ignoreResponseError: true,
        responseType: 'stream',
      });
      if (!response.ok) return { kind: 'response', response, body: await readErrorBody(response) };
      if (streaming) {
        // The timeout covers the wait for the headers; the caller's signal keeps covering the body.
        keepSignal = true;
        attemptSignal.stopTimer();
        return { kind: 'response', response, body: undefined };
      }
      const body = await readBody(response, { method, url: redact(url) }, options.responseType);
      return { kind: 'response', response, body };
    } catch (thrown) {
      if (options.signal?.aborted) throw options.signal.reason;
      if (thrown instanceof RequestError) throw thrown;
      const cause = (thrown as { cause?: unknown })?.cause ?? thrown;
      const where = `${method} ${url}`;
      if (attemptSignal.timedOut()) {
        return { kind: 'failure', error: new TimeoutError(`${where} timed out after ${timeoutMs} ms`, { cause }) };
      }
      const reason = cause instanceof Error ? `${cause.message}${describeCode(cause)}` : String(cause);
      return { kind: 'failure', error: new NetworkError(`${where} failed: ${reason}`, { cause }) };
    } finally {
      if (!keepSignal) attemptSignal.dispose();
    }
  }

  async function send(
    path: string,
    options: RequestOptions,
    streaming: boolean,
  ): Promise<{ response: Response; body: unknown }> {
    const method = options.method ?? 'GET';
    const url = buildRequestUrl(options.baseUrl ?? config.apiUrl, path, options.query);
    const retries = resolveRetryCount(options.retry, method, config.retry);
    let credential = await credentialFor(options);
    let replayed = false;
    for (let attemptNumber = 1; ; attemptNumber++) {
      const outcome = await attempt(url, method, options, credential.token, streaming);
      if (options.signal?.aborted) throw options.signal.reason;
      if (outcome.kind === 'failure') {
        if (attemptNumber > retries) throw outcome.error;
        await sleep(backoffDelay(attemptNumber, config.retryDelay), options.signal);
        continue;
      }
      const { response } = outcome;
      if (response.ok) return outcome;
      if (response.status === 401 && credential.refreshable && !replayed && credential.token) {
        const next = await replacementFor(credential.token);
        if (next) {
          credential = { token: next, refreshable: false };
          replayed = true;
          attemptNumber--;
          continue;
        }
      }
      if (isRetryableStatus(response.status)) {
        const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
        if (response.status === 429) {
          context.onRateLimit?.({ url: redact(url), method, retryAfterMs, attempt: attemptNumber });
        }
        if (attemptNumber <= retries) {
          await sleep(retryAfterMs ?? backoffDelay(attemptNumber, config.retryDelay), options.signal);
          continue;
        }
      }
      const error = new RequestError({ status: response.status, method, url, body: outcome.body });
      throw finalError(response.status, credential, options, error);
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
  return request;
}

function describeCode(error: Error): string {
  const code = (error as { code?: unknown }).code ?? (error.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? ` (${code})` : '';
}
