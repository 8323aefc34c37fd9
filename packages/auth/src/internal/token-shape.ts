import { decodeJwtClaims, type JwtClaims, MalformedToken } from '@balena-ts/core';

// balena API keys are 32 alphanumerics today; the range leaves room for other key generations
// while still refusing pasted sentences, URLs or truncated JWTs.
const API_KEY_PATTERN = /^[A-Za-z0-9_-]{16,512}$/;

/** What a credential turned out to be. */
export type TokenShape = { kind: 'jwt'; claims: JwtClaims } | { kind: 'api-key' };

/**
 * Tells a session JWT from an API key and decodes the JWT's claims.
 *
 * @param token - a credential, already trimmed
 * @returns `{ kind: 'jwt', claims }` or `{ kind: 'api-key' }`
 * @throws {@link @balena-ts/core#MalformedToken} when it is neither (the message never contains the token)
 */
export function readTokenShape(token: string): TokenShape {
  if (token.includes('.')) {
    try {
      return { kind: 'jwt', claims: decodeJwtClaims(token) };
    } catch {
      // The decoder's own error may quote the token: replace it rather than chain it.
      throw new MalformedToken('The token is not a valid JWT');
    }
  }
  if (API_KEY_PATTERN.test(token)) return { kind: 'api-key' };
  throw new MalformedToken('The token is neither a JWT nor an API key');
}
