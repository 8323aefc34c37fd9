import type { RequestHooks } from '@balena-ts/core';
import { toBalenaSdkError } from './errors.js';

/** What a balena-sdk `request` interceptor is given (and may return changed). */
export interface InterceptedRequest {
  /** The HTTP method. */
  method: string;
  /** The request URL, redacted. */
  url: string;
  /** The headers about to be sent, without the credential; changes made here are sent. */
  headers: Record<string, string>;
}

/** What a balena-sdk `response` interceptor is given. */
export interface InterceptedResponse {
  /** The HTTP status (below 400). */
  statusCode: number;
  /** The response headers, lower-case names. */
  headers: Record<string, string>;
  /** The request it answers. */
  request: { method: string; url: string };
}

/**
 * balena-sdk's interceptor, as compat runs it on core's request hooks: `request` may change the
 * headers; `response`, `requestError` and `responseError` observe (what they return is not used,
 * and an error they throw back unchanged is the request's own error).
 */
export interface Interceptor {
  /** Called before each attempt; may return the options with other headers. */
  request?: (options: InterceptedRequest) => InterceptedRequest | undefined | Promise<InterceptedRequest | undefined>;
  /** Called for each answer below 400. */
  response?: (response: InterceptedResponse) => unknown;
  /** Called when an attempt got no usable answer (network error, timeout). */
  requestError?: (error: Error) => unknown;
  /** Called for each error answer, with balena-sdk's error (`BalenaRequestError`...). */
  responseError?: (error: Error) => unknown;
}

async function observe(handler: ((error: Error) => unknown) | undefined, error: Error): Promise<void> {
  if (!handler) return;
  try {
    await handler(error);
  } catch (thrown) {
    // balena-sdk's interceptors rethrow the error they were given to let it through.
    if (thrown !== error) throw thrown;
  }
}

/**
 * Core request hooks that run balena-sdk interceptors, read from `list` at each request (so that
 * `sdk.interceptors.push(...)` and `sdk.interceptors = [...]` both apply).
 *
 * @param list - reads the current interceptors
 * @returns the hooks for `createClient`
 * @example
 * ```ts
 * const interceptors: Interceptor[] = [];
 * const client = createClient({ hooks: interceptorHooks(() => interceptors) });
 * ```
 */
export function interceptorHooks(list: () => readonly Interceptor[]): RequestHooks {
  return {
    async onRequest({ method, url, headers }) {
      for (const interceptor of list()) {
        if (!interceptor.request) continue;
        const options: InterceptedRequest = { method, url, headers: Object.fromEntries(headers) };
        const result = (await interceptor.request(options)) ?? options;
        for (const name of [...headers.keys()]) if (!(name in result.headers)) headers.delete(name);
        for (const [name, value] of Object.entries(result.headers)) headers.set(name, String(value));
      }
    },
    async onResponse({ method, url, status, responseHeaders }) {
      if (status >= 400) return;
      for (const interceptor of list()) {
        await interceptor.response?.({
          statusCode: status,
          headers: Object.fromEntries(responseHeaders),
          request: { method, url },
        });
      }
    },
    async onRequestError({ error }) {
      for (const interceptor of list()) await observe(interceptor.requestError, toBalenaSdkError(error));
    },
    async onResponseError({ error }) {
      for (const interceptor of list()) await observe(interceptor.responseError, toBalenaSdkError(error));
    },
  };
}
