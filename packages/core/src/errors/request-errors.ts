import { BalenaError, type BalenaErrorOptions } from './balena-error.js';
import { redact, redactValue } from './redact.js';

/** What {@link RequestError} is built from. */
export interface RequestErrorDetails {
  /** The HTTP status code of the response. */
  status: number;
  /** The HTTP method of the request. */
  method: string;
  /** The URL of the request (redacted before it is stored). */
  url: string;
  /** The response body: parsed JSON when it was JSON, otherwise its text (redacted before it is stored). */
  body?: unknown;
  /** The underlying failure. */
  cause?: unknown;
  /** A message to use instead of the default one. */
  message?: string;
}

const MAX_BODY_IN_MESSAGE = 200;

/** The server's own words in an error body: balena answers plain text, a JSON string, or `{ message }` (some routes `{ error }`). */
function serverMessageOf(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim() === '' ? undefined : body;
  if (typeof body !== 'object' || body === null) return undefined;
  const { message, error } = body as { message?: unknown; error?: unknown };
  if (typeof message === 'string' && message !== '') return message;
  if (typeof error === 'string' && error !== '') return error;
  return undefined;
}

function describeBody(body: unknown): string {
  if (body === undefined || body === '') return '';
  const text = serverMessageOf(body) ?? JSON.stringify(body);
  return text.length > MAX_BODY_IN_MESSAGE ? `${text.slice(0, MAX_BODY_IN_MESSAGE)}...` : text;
}

/**
 * An HTTP request got an answer balena-ts could not turn into a result: any failing status that no
 * more specific error describes, or a body that could not be parsed.
 *
 * @example
 * ```ts
 * catch (error) { if (error instanceof RequestError && error.status === 409) { ... } }
 * ```
 */
export class RequestError extends BalenaError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'RequestError';
  /** The HTTP status code. */
  readonly status: number;
  /** The HTTP method. */
  readonly method: string;
  /** The request URL, redacted. */
  readonly url: string;
  /** The response body (parsed JSON, or text), redacted. */
  readonly body: unknown;
  /**
   * What the server said, redacted: the body when it is text (or a JSON string), its `message`
   * (or `error`) when it is a JSON object; undefined when it said nothing readable.
   */
  readonly serverMessage: string | undefined;

  /**
   * @param details - status, method, url, body, cause and an optional message
   */
  constructor(details: RequestErrorDetails) {
    const body = describeBody(details.body);
    super(
      details.message ??
        `Request failed: ${details.method} ${details.url} answered ${details.status}${body ? `: ${body}` : ''}`,
      'cause' in details ? { cause: details.cause } : undefined,
    );
    this.status = details.status;
    this.method = details.method;
    this.url = redact(details.url);
    this.body = redactValue(details.body);
    const serverMessage = serverMessageOf(details.body);
    this.serverMessage = serverMessage === undefined ? undefined : redact(serverMessage);
  }
}

/** What {@link NetworkError} records besides its message. */
export interface NetworkErrorOptions extends BalenaErrorOptions {
  /** The system error code under the failure (`ECONNREFUSED`, `ENOTFOUND`, `CERT_HAS_EXPIRED`...), when there is one. */
  networkCode?: string;
}

/**
 * The request never got an answer: connection refused or reset, DNS failure, a certificate the
 * platform refused, a dropped connection. The message names the system error code, and
 * `networkCode` holds it (`code`, as on every balena-ts error, is the class name).
 *
 * @example
 * ```ts
 * catch (error) { if (error instanceof NetworkError && error.networkCode === 'ECONNREFUSED') console.log('is the API up?'); }
 * ```
 */
export class NetworkError extends BalenaError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'NetworkError';
  /** The system error code (`ECONNREFUSED`, `ENOTFOUND`, `UNABLE_TO_VERIFY_LEAF_SIGNATURE`...), when the platform gave one. */
  readonly networkCode: string | undefined;
  /**
   * @param message - what failed
   * @param options - `cause`: the error fetch threw; `networkCode`: its system error code
   */
  constructor(message = 'Network error', options?: NetworkErrorOptions) {
    super(message, options && 'cause' in options ? { cause: options.cause } : undefined);
    this.networkCode = options?.networkCode;
  }
}

/** The request took longer than its timeout and was aborted. */
export class TimeoutError extends BalenaError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'TimeoutError';
  /**
   * @param message - what timed out
   * @param options - `cause`
   */
  constructor(message = 'Request timed out', options?: BalenaErrorOptions) {
    super(message, options);
  }
}

/** What {@link RedirectRefused} records besides its message. */
export interface RedirectRefusedDetails extends BalenaErrorOptions {
  /** The redirect's status (301, 302, 303, 307, 308), when the answer showed it. */
  status?: number;
  /** Where the redirect pointed (redacted before it is stored), when the answer showed it. */
  location?: string;
}

/**
 * The server answered with a redirect that balena-ts will not follow: one to another origin (the
 * answer would come from a host the client was not pointed at), or any redirect of a write (a
 * 307/308 would resend its body, credentials included; a 301/302/303 would turn it into a GET and
 * report success although nothing was written). Never retried.
 *
 * @example
 * ```ts
 * catch (error) { if (error instanceof RedirectRefused) console.log(error.status, error.location); }
 * ```
 */
export class RedirectRefused extends BalenaError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'RedirectRefused';
  /** The redirect's status, when known. */
  readonly status: number | undefined;
  /** Where the redirect pointed, redacted, when known. */
  readonly location: string | undefined;
  /**
   * @param message - which request was redirected where, and why it was not followed
   * @param details - `status`, `location` and `cause`
   */
  constructor(message = 'A redirect was not followed', details: RedirectRefusedDetails = {}) {
    super(message, 'cause' in details ? { cause: details.cause } : undefined);
    this.status = details.status;
    this.location = details.location === undefined ? undefined : redact(details.location);
  }
}

/**
 * A request hook given to `createClient` (`hooks.onRequest`, `onResponse`, `onRequestError` or
 * `onResponseError`) threw or rejected. The request stops there and is not retried; `cause` holds
 * what the hook threw.
 *
 * @example
 * ```ts
 * catch (error) { if (error instanceof RequestHookError) console.error(error.message, error.cause); }
 * ```
 */
export class RequestHookError extends BalenaError {
  /** The class name, kept explicitly because minifiers rename classes. */
  static override readonly errorName: string = 'RequestHookError';
  /**
   * @param message - which hook failed, on which request
   * @param options - `cause`: what the hook threw
   */
  constructor(message = 'A request hook threw', options?: BalenaErrorOptions) {
    super(message, options);
  }
}
