/** The body shapes balena's error answers come in (balena answers errors with an empty body, a JSON string, a JSON
 * value or a text/html page, depending on the route). */
export type ErrorBody =
  | { kind: 'empty' }
  | { kind: 'json-string'; message: string }
  | { kind: 'json'; value: unknown }
  | { kind: 'html-text'; text: string };

/** An error that the server turns into a response with balena's status and body shape. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  readonly status: number;
  readonly body: ErrorBody;
  /** Extra response headers (`Retry-After`). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, body: ErrorBody = { kind: 'empty' }, headers: Record<string, string> = {}) {
    super(body.kind === 'json-string' ? body.message : `HTTP ${status}`);
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

/** A status with an empty body and no Content-Type. */
export function emptyError(status: number): HttpError {
  return new HttpError(status);
}

/** A status with a JSON-encoded string body, balena's most common error shape. */
export function messageError(status: number, message: string): HttpError {
  return new HttpError(status, { kind: 'json-string', message });
}
