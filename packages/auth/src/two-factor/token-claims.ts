import { type Client, type JwtClaims, NotLoggedIn } from '@balena-ts/core';
import { readCredential } from '../internal/read-credential.js';
import { readTokenShape } from '../internal/token-shape.js';

/**
 * The claims of the stored session JWT, read without a request.
 *
 * @param client - the balena-ts client
 * @returns the claims, or undefined when the credential is an API key (API keys have no 2FA state)
 * @throws {@link @balena-ts/core#NotLoggedIn} when there is no credential or it is malformed
 */
export async function readSessionClaims(client: Client): Promise<JwtClaims | undefined> {
  const credential = await readCredential(client);
  if (credential === undefined) throw new NotLoggedIn('Not logged in: there is no token');
  let shape: ReturnType<typeof readTokenShape>;
  try {
    shape = readTokenShape(credential);
  } catch (error) {
    throw new NotLoggedIn('Not logged in: the stored token is malformed', { cause: error });
  }
  return shape.kind === 'jwt' ? shape.claims : undefined;
}
