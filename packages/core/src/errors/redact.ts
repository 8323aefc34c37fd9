/** What every secret is replaced with. */
export const REDACTED = '[REDACTED]';

const SECRET_FIELD_NAMES: ReadonlySet<string> = new Set(['password', 'token', 'apikey', 'api_key', 'key', 'secret']);

// Ordered from the most specific shape to the least: a Bearer credential may itself be a JWT.
// A quoted credential (fetch quotes a header value it refuses) is redacted up to its closing quote,
// so that a token holding a line break does not leave its second half in the message.
const QUOTED_BEARER_PATTERN = /(["'])(Bearer)\s+[^"']*\1/gi;
const BEARER_PATTERN = /\b(Bearer)\s+[^\s"',;]+/gi;
const JWT_PATTERN = /\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
// `scheme://user:password@host`: fetch names such a URL in full when it refuses it.
const URL_CREDENTIALS_PATTERN = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"']+@/gi;
const QUERY_SECRET_PATTERN = /\b((?:api_?key|[A-Za-z_]*token|password|secret)=)[^&\s#"',;]+/gi;
// The value is a JSON string or a bare number (a PIN): a word after the colon is prose, as in
// `parameter "password": a password is required`, and stays.
const JSON_SECRET_PATTERN =
  /("(?:password|[A-Za-z_]*token|api_?key|key|secret)"\s*:\s*)("(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*)/gi;
// balena API keys are 32 mixed-case alphanumerics; uuids are lower-case hex and never match.
const API_KEY_PATTERN = /\b(?=[A-Za-z0-9]*[A-Z])(?=[A-Za-z0-9]*[a-z])[A-Za-z0-9]{32}\b/g;

/**
 * Removes tokens, passwords and API keys from a piece of text. It never throws: it runs on the way
 * to a log or an error message, where a failure would hide the original problem, so a value that
 * is not a string is turned into text first.
 *
 * @param text - a message, URL or response body; any other value is converted to text
 * @returns the text with every Bearer credential, credentials in a URL (`user:password@`), JWT, secret query parameter, secret JSON field and
 *   API-key-looking string replaced by `[REDACTED]`
 * @example
 * ```ts
 * redact('GET /x?apikey=abc'); // 'GET /x?apikey=[REDACTED]'
 * ```
 */
export function redact(text: unknown): string {
  return toText(text)
    .replace(QUOTED_BEARER_PATTERN, `$1$2 ${REDACTED}$1`)
    .replace(URL_CREDENTIALS_PATTERN, `$1${REDACTED}@`)
    .replace(BEARER_PATTERN, `$1 ${REDACTED}`)
    .replace(JWT_PATTERN, REDACTED)
    .replace(QUERY_SECRET_PATTERN, `$1${REDACTED}`)
    .replace(JSON_SECRET_PATTERN, `$1"${REDACTED}"`)
    .replace(API_KEY_PATTERN, REDACTED);
}

function toText(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return String(value);
  } catch {
    // Objects without a prototype, a throwing toString, a revoked Proxy.
    try {
      return Object.prototype.toString.call(value);
    } catch {
      return '[unprintable value]';
    }
  }
}

/**
 * Redacts any value: strings are passed through {@link redact}, objects and arrays are copied with
 * secret-named fields replaced and every nested string redacted.
 *
 * @param value - any JSON-like value
 * @param depth - how deep to descend before giving up (cycles and huge trees)
 * @returns a redacted copy
 */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redact(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 8) return REDACTED;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [field, fieldValue] of Object.entries(value)) {
    copy[field] =
      SECRET_FIELD_NAMES.has(field.toLowerCase()) || /token$/i.test(field)
        ? REDACTED
        : redactValue(fieldValue, depth + 1);
  }
  return copy;
}

/**
 * Redacts the cause of an error, which `util.inspect` and the browser console print in full (fetch
 * names a URL with credentials or a refused header value in its own message): an error holding a
 * secret in its message, stack or own cause is replaced by a copy without it; anything else is kept
 * as it is, the same object.
 *
 * @param cause - the `cause` given to an error
 * @param depth - how deep the chain of causes has been followed
 * @returns the cause, or a redacted copy of it
 */
export function redactCause(cause: unknown, depth = 0): unknown {
  if (typeof cause === 'string') return redact(cause);
  if (!(cause instanceof Error) || depth > 8) return cause;
  const message = redact(cause.message);
  const stack = cause.stack === undefined ? undefined : redact(cause.stack);
  const inner = cause.cause === undefined ? undefined : redactCause(cause.cause, depth + 1);
  if (message === cause.message && stack === cause.stack && inner === cause.cause) return cause;
  const copy = new Error(message, inner === undefined ? undefined : { cause: inner });
  copy.name = cause.name;
  copy.stack = stack;
  const code = (cause as { code?: unknown }).code;
  if (code !== undefined) Object.defineProperty(copy, 'code', { value: code, enumerable: true });
  return copy;
}
