/** What a fault does to a matching request. */
export type FaultAction =
  /** Answers this status at once (the route never runs), e.g. 429 with `retryAfter`, 500, 502, 503, 504. */
  | {
      kind: 'status';
      status: number;
      headers?: Record<string, string>;
      /** A string is sent as text/plain (unless `headers` set a Content-Type); anything else as JSON. */
      body?: unknown;
      /** Sets `Retry-After`: seconds, or a date sent as an HTTP-date (an ISO string over HTTP). */
      retryAfter?: number | Date | string;
    }
  /** Waits this long, then lets the real route answer. */
  | { kind: 'delay'; delayMs: number }
  /** Never answers: the request stays open until the client gives up (or the sandbox closes). */
  | { kind: 'hang' }
  /** Destroys the connection before any byte of the answer. */
  | { kind: 'reset' }
  /** The real status and headers, then the body cut after `afterBytes` bytes and the connection destroyed. */
  | { kind: 'truncate'; afterBytes: number }
  /** 200 `application/json` whose body is the unfinished `{"d":[`. */
  | { kind: 'malformed-json' }
  /** A streamed answer (log streams) cut in the middle of its line number `afterLines + 1`. */
  | { kind: 'drop-stream'; afterLines: number };

/** Which requests a fault applies to, and how often. */
export interface FaultMatch {
  /** An HTTP method, or any but OPTIONS (CORS preflights) when omitted. */
  method?: string;
  /** The request path (no query string): a string (see `match`) or a regular expression. */
  path: string | RegExp;
  /** How a string `path` compares: 'exact' (default), 'prefix' or 'regex'. */
  match?: 'exact' | 'prefix' | 'regex';
  /** How many matching requests it fires on before it is spent; default 1; `Infinity` (`null` over HTTP) for all. */
  times?: number | null;
}

/** A fault to inject: where it applies and what it does. */
export type FaultSpec = FaultMatch & FaultAction;

/** A fault as listed (`sb.faults.list()`, `GET /sandbox/v1/faults`). */
export interface FaultInfo {
  /** The fault's id (for `DELETE /sandbox/v1/faults/:id`). */
  id: number;
  /** The method it matches, upper-case; null for any. */
  method: string | null;
  /** The path, prefix or regular expression source it matches. */
  path: string;
  /** How `path` compares. */
  match: 'exact' | 'prefix' | 'regex';
  /** What it does. */
  kind: FaultAction['kind'];
  /** How many requests it fires on; null when unlimited. */
  times: number | null;
  /** How many requests it has fired on. */
  fired: number;
  /** Whether it has fired `times` times. */
  spent: boolean;
}

/** An added fault: how often it fired, and a way to remove it. */
export interface FaultHandle {
  /** The fault's id, as listed. */
  readonly id: number;
  /** How many requests it has fired on so far. */
  readonly fired: number;
  /** Whether it fired `times` times and no longer applies. */
  readonly spent: boolean;
  /** Stops it applying (it leaves the list). */
  remove(): void;
}

/** `sb.faults`: fault injection for reliability tests. */
export interface SandboxFaults {
  /** Adds a fault; it applies to every route, before anything else runs. */
  add(spec: FaultSpec): FaultHandle;
  /** Every fault added and not removed, spent ones included. */
  list(): FaultInfo[];
  /** Removes every fault. */
  clear(): void;
}
