import { type Client, NotLoggedIn } from '@balena-ts/core';
import { readCredential } from './internal/read-credential.js';
import { readTokenShape } from './internal/token-shape.js';

/**
 * Returns the credential requests are sent with: the client's `apiKey` option when set, otherwise
 * the stored session token. Nothing is sent to balena.
 *
 * @param client - the balena-ts client
 * @returns the JWT or API key
 * @throws {@link @balena-ts/core#NotLoggedIn} when there is none, or the stored one is malformed
 * @example
 * ```ts
 * const token = await getToken(client);
 * ```
 */
export async function getToken(client: Client): Promise<string> {
  const credential = await readCredential(client);
  if (credential === undefined) throw new NotLoggedIn('Not logged in: there is no token');
  try {
    readTokenShape(credential);
  } catch (error) {
    throw new NotLoggedIn('Not logged in: the stored token is malformed', { cause: error });
  }
  return credential;
}
