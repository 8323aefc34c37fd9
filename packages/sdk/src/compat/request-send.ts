import type { Client, RequestMethod } from '@balena-ts/core';

/** balena-sdk's `request.send` options that balena-ts's request function understands. */
export interface SendOptions {
  /** Default `'GET'`. */
  method?: RequestMethod;
  /** A path on the API (`/config`) or an absolute URL. */
  url: string;
  /** Another base URL than the API's. */
  baseUrl?: string;
  /** Sent as JSON when it is an object. */
  body?: unknown;
  /** Extra headers. */
  headers?: Record<string, string>;
  /** `false` to send no credential. */
  sendToken?: boolean;
  /** Milliseconds per attempt. */
  timeout?: number;
}

/** What balena-sdk's `request.send` resolves to. */
export interface SendResponse {
  /** The HTTP status (2xx; other answers reject with `BalenaRequestError`). */
  statusCode: number;
  /** The parsed body: JSON when the answer says so, text otherwise, undefined when empty. */
  body: unknown;
  /** The response headers, lower-case names. */
  headers: Record<string, string>;
}

/** Sends balena-sdk's request options through core's `client.request.stream`, leaving out what is not set. */
function openStream(client: Client, options: SendOptions): Promise<Response> {
  const { method, url, baseUrl, body, headers, sendToken, timeout } = options;
  return client.request.stream(url, {
    ...(method === undefined ? {} : { method }),
    ...(baseUrl === undefined ? {} : { baseUrl }),
    ...(body === undefined ? {} : { body }),
    ...(headers === undefined ? {} : { headers }),
    ...(timeout === undefined ? {} : { timeout }),
    auth: sendToken !== false,
  });
}

/**
 * balena-sdk's `request.send(options)` over core's `client.request.stream`: the same request
 * pipeline (credential, retries, typed errors), answered as `{ statusCode, body, headers }`.
 *
 * @param client - the client
 * @param options - method, url, baseUrl, body, headers, sendToken, timeout
 * @returns the status, parsed body and headers
 * @throws {@link @balena-ts/core#RequestError} (`BalenaRequestError` through compat) on a non-2xx answer
 */
export async function sendRequest(client: Client, options: SendOptions): Promise<SendResponse> {
  const response = await openStream(client, options);
  const text = await response.text();
  const isJson = (response.headers.get('content-type') ?? '').includes('json');
  return {
    statusCode: response.status,
    body: text === '' ? undefined : isJson ? JSON.parse(text) : text,
    headers: Object.fromEntries(response.headers),
  };
}

/** The part of a Node readable stream balena-sdk's callers use (`pipe`, `on`). */
export interface NodeReadableLike {
  /** Pipes the body into a writable stream. */
  pipe<T>(destination: T, options?: { end?: boolean }): T;
  /** Listens to `data`, `end`, `error`... */
  on(event: string, listener: (...args: unknown[]) => void): this;
}

/** What balena-sdk's `request.stream` resolves to: a readable stream with the response on it. */
export type StreamResponse = (NodeReadableLike | ReadableStream<Uint8Array>) & {
  /** The fetch response (status, headers). */
  response: Response;
  /** The `Content-Type` header, as balena-request sets it. */
  mime: string | null;
};

/**
 * balena-sdk's `request.stream(options)` over core's `client.request.stream`: resolves to the body as
 * a Node readable stream (a web `ReadableStream` where Node's `stream` module is absent), with
 * `.response` and `.mime` as balena-request sets them. A non-2xx answer rejects as `request.send` does.
 *
 * @param client - the client
 * @param options - method, url, baseUrl, body, headers, sendToken, timeout
 * @returns the body stream
 * @throws {@link @balena-ts/core#RequestError} (`BalenaRequestError` through compat) on a non-2xx answer
 */
export async function streamRequest(client: Client, options: SendOptions): Promise<StreamResponse> {
  const response = await openStream(client, options);
  const web = response.body ?? new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
  const nodeStream = (
    globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
  ).process?.getBuiltinModule?.('node:stream') as
    | { Readable: { fromWeb: (stream: ReadableStream<Uint8Array>) => NodeReadableLike } }
    | undefined;
  const stream = nodeStream === undefined ? web : nodeStream.Readable.fromWeb(web);
  return Object.assign(stream, { response, mime: response.headers.get('content-type') });
}
