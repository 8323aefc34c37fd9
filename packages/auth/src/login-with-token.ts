import { type Client, ExpiredToken, InvalidParameter, isTokenExpired } from '@balena-ts/core';
import { readTokenShape } from './internal/token-shape.js';

/**
 * Logs in with a session token (a JWT, e.g. from the dashboard's preferences) or an API key, and
 * stores it in the client's storage. Nothing is sent to balena: the first request that uses it
 * tells whether balena accepts it.
 *
 * @param client - the balena-ts client
 * @param token - a JWT or an API key; surrounding whitespace is ignored
 * @returns nothing once the token is stored
 * @throws {@link @balena-ts/core#MalformedToken} when the token is neither a JWT nor an API key
 * @throws {@link @balena-ts/core#ExpiredToken} when the JWT has already expired
 * @throws {@link @balena-ts/core#InvalidParameter} when the token is not a string
 * @example
 * ```ts
 * await loginWithToken(client, process.env.BALENA_API_KEY!);
 * ```
 */
export async function loginWithToken(client: Client, token: string): Promise<void> {
  if (typeof token !== 'string') throw new InvalidParameter('token', typeof token, 'a string is required');
  const trimmed = token.trim();
  readTokenShape(trimmed);
  // Only a JWT expires: isTokenExpired is false for an API key.
  if (isTokenExpired(trimmed)) {
    throw new ExpiredToken('The token has expired: log in again to get a new one');
  }
  await client.tokens.set(trimmed);
}
