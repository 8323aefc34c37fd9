/** HTTP methods the request layer sends. */
export type RequestMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Options of one request. */
export interface RequestOptions {
  /** Default `'GET'`. */
  method?: RequestMethod;
  /** Query parameters, each value encoded with `encodeURIComponent`; undefined values are left out. */
  query?: Record<string, string | number | boolean | undefined>;
  /** Objects and arrays are sent as JSON, strings as they are. */
  body?: unknown;
  /** Extra headers. */
  headers?: Record<string, string>;
  /** Default true: send the Bearer credential if there is one. */
  auth?: boolean;
  /** Send this credential instead of the client's (e.g. a provisioning key); it is never refreshed. */
  token?: string;
  /** An absolute base URL to use instead of `config.apiUrl` (e.g. a local supervisor). */
  baseUrl?: string;
  /** Milliseconds per attempt; overrides `config.timeout`. */
  timeout?: number;
  /**
   * Milliseconds the whole request may take, every attempt and wait included; overrides
   * `config.deadline`. For `request.stream` it bounds the wait for the headers.
   */
  deadline?: number;
  /** Aborts the request (and any retry wait); the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Retries; default `config.retry` for GET, PUT and DELETE, 0 for POST and PATCH. */
  retry?: number | false;
  /** Default: JSON when the response says so, text otherwise; an empty body gives undefined. */
  responseType?: 'json' | 'text';
}

/** Sends requests to the balena API with authentication, retries, timeouts and typed errors. */
export interface RequestFunction {
  /**
   * Sends a request and resolves to its parsed body.
   * @param path - `/path?query` resolved against `baseUrl ?? config.apiUrl`, or an absolute URL;
   *   it is sent as given, never re-encoded
   * @param options - method, query, body, headers, auth, timeout, signal, retry...
   * @returns the parsed body: JSON, text, or undefined when the body is empty
   */
  <T = unknown>(path: string, options?: RequestOptions): Promise<T>;
  /**
   * Same pipeline (auth, retries on the initial response, errors) but resolves to the raw
   * Response for streaming bodies (logs, OS image download); the caller reads or cancels
   * `response.body`. The timeout covers only the wait for the response headers.
   * @param path - as for the call form
   * @param options - as for the call form (`responseType` is ignored)
   * @returns the Response, whose status is 2xx
   */
  stream(path: string, options?: RequestOptions): Promise<Response>;
}
