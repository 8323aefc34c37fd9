import { MalformedToken } from '../errors/auth-errors.js';
import type { JwtClaims } from './types.js';

const SEGMENT_PATTERN = /^[A-Za-z0-9_-]+$/;
const SIGNATURE_PATTERN = /^[A-Za-z0-9_-]*$/;

function decodeSegment(segment: string): unknown {
  const base64 = segment.replaceAll('-', '+').replaceAll('_', '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const bytes = Uint8Array.from(atob(padded), (character) => character.charCodeAt(0));
  return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// A request reads its token several times (is it a JWT, is it expired, when must it be refreshed),
// and a client sends the same token for hours: the last token checked and the last claims decoded
// are kept, so a request decodes nothing it decoded before.
let lastToken: string | undefined;
let lastSegments: [string, string, string] | undefined;
let lastPayload: string | undefined;
let lastClaims: JwtClaims | undefined;

function splitJwt(token: string): [string, string, string] | undefined {
  if (typeof token !== 'string') return undefined;
  if (token !== lastToken) {
    lastSegments = parseSegments(token);
    lastToken = token;
  }
  return lastSegments;
}

function parseSegments(token: string): [string, string, string] | undefined {
  const segments = token.trim().split('.');
  if (segments.length !== 3) return undefined;
  const [header, payload, signature] = segments as [string, string, string];
  if (!SEGMENT_PATTERN.test(header) || !SEGMENT_PATTERN.test(payload) || !SIGNATURE_PATTERN.test(signature)) {
    return undefined;
  }
  try {
    const decodedHeader = decodeSegment(header);
    return isObject(decodedHeader) && typeof decodedHeader.alg === 'string' ? [header, payload, signature] : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Tells a JWT (a session token) from an API key: three base64url segments whose first decodes to
 * a JSON header with an `alg`.
 *
 * @param token - a credential
 * @returns true for a JWT, false for an API key or anything else
 * @example
 * ```ts
 * isJwt(await client.tokens.get() ?? ''); // true after a password login
 * ```
 */
export function isJwt(token: string): boolean {
  return splitJwt(token) !== undefined;
}

/**
 * Reads the claims of a JWT without checking its signature (only the server can), with no dependency.
 *
 * @param token - a JWT
 * @returns the decoded payload: `exp`, `iat`, `twoFactorRequired` and any other claim
 * @throws {@link MalformedToken} when the token is not a decodable JWT
 * @example
 * ```ts
 * const { twoFactorRequired } = decodeJwtClaims(token);
 * ```
 */
export function decodeJwtClaims(token: string): JwtClaims {
  const segments = splitJwt(token);
  if (!segments) throw new MalformedToken('Malformed token: not a JWT');
  // A copy: a caller that changes the claims it is given does not change the kept ones.
  if (segments[1] === lastPayload && lastClaims !== undefined) return { ...lastClaims };
  let claims: unknown;
  try {
    claims = decodeSegment(segments[1]);
  } catch (error) {
    throw new MalformedToken('Malformed token: the payload is not JSON', { cause: error });
  }
  if (!isObject(claims)) throw new MalformedToken('Malformed token: the payload is not an object');
  lastPayload = segments[1];
  lastClaims = claims as JwtClaims;
  return { ...lastClaims };
}

/**
 * Tells whether a JWT's `exp` is in the past. API keys carry no expiry and are never expired here.
 *
 * @param token - a JWT or an API key
 * @param nowMs - the current time in milliseconds since the epoch (for tests)
 * @returns true only for a JWT whose `exp` has passed
 * @example
 * ```ts
 * if (isTokenExpired(token)) await login(client, credentials);
 * ```
 */
export function isTokenExpired(token: string, nowMs: number = Date.now()): boolean {
  if (!isJwt(token)) return false;
  try {
    const { exp } = decodeJwtClaims(token);
    return typeof exp === 'number' && exp * 1000 <= nowMs;
  } catch {
    return false;
  }
}
