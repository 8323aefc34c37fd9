import type { Client, JwtClaims } from '@balena-ts/core';
import { readSession } from '../internal/read-session.js';

/**
 * The claims of the stored session JWT, read without a request.
 *
 * @param client - the balena-ts client
 * @returns the claims, or undefined when the credential is an API key (API keys have no 2FA state)
 * @throws {@link @balena-ts/core#NotLoggedIn} when there is no credential or it is malformed
 */
export async function readSessionClaims(client: Client): Promise<JwtClaims | undefined> {
  const { shape } = await readSession(client, 'Not logged in: there is no token');
  return shape.kind === 'jwt' ? shape.claims : undefined;
}
