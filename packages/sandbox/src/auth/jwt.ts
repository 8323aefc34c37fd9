import { createHmac, timingSafeEqual } from 'node:crypto';

/** The claims of a sandbox JWT, as balena issues them. */
export interface JwtClaims {
  id: number;
  username: string;
  email: string;
  jwt_secret?: string;
  authTime: number;
  iat: number;
  exp: number;
  twoFactorRequired?: boolean;
}

function base64url(input: Buffer | string): string {
  return Buffer.from(input).toString('base64url');
}

/** Signs claims as an HS256 JWT. */
export function signJwt(claims: JwtClaims, secret: string): string {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = base64url(JSON.stringify(claims));
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

/** Whether a bearer token has the shape of a JWT (three base64url parts). */
export function looksLikeJwt(token: string): boolean {
  return /^[\w-]+\.[\w-]+\.[\w-]+$/.test(token);
}

/**
 * Tokens whose signature and header checked out, per secret, with their claims. A client sends
 * the same token on every request, and its HMAC was a twentieth of a small read's server time under
 * load; the expiry is still checked on every use.
 */
const VERIFIED_TOKENS_KEPT = 100;
/** Each sandbox has its own secret; a test process starts many. */
const SECRETS_KEPT = 8;
const verified = new Map<string, Map<string, JwtClaims>>();

function signedClaims(token: string, secret: string): JwtClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [header, payload, signature] = parts as [string, string, string];
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const decodedHeader = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: string };
    if (decodedHeader.alg !== 'HS256') return undefined;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as JwtClaims;
    if (typeof claims.id !== 'number' || typeof claims.exp !== 'number') return undefined;
    return claims;
  } catch {
    return undefined;
  }
}

/** The claims of a JWT whose signature and expiry are valid, or undefined. The claims may be shared: callers only read them. */
export function verifyJwt(token: string, secret: string, nowMs: number): JwtClaims | undefined {
  let tokens = verified.get(secret);
  if (!tokens) {
    if (verified.size >= SECRETS_KEPT) verified.delete(verified.keys().next().value as string);
    tokens = new Map();
    verified.set(secret, tokens);
  }
  let claims = tokens.get(token);
  if (!claims) {
    claims = signedClaims(token, secret);
    if (!claims) return undefined;
    if (tokens.size >= VERIFIED_TOKENS_KEPT) tokens.delete(tokens.keys().next().value as string);
    tokens.set(token, claims);
  }
  return claims.exp * 1000 <= nowMs ? undefined : claims;
}
