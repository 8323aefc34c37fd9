import type { Client } from '@balena-ts/core';
import { authenticate } from './authenticate.js';
import type { LoginCredentials } from './credentials.js';

/**
 * Logs in with a username (or email address) and password, and stores the session token in the
 * client's storage, where every other balena-ts package finds it.
 *
 * For an account with two-factor authentication the stored session is partial: the API refuses it
 * for everything but the two-factor check until `challenge` (from `@balena-ts/auth/two-factor`)
 * succeeds. A client created with an `apiKey` option keeps sending that key: core gives it precedence
 * over the stored session.
 *
 * @param client - the balena-ts client
 * @param credentials - `{ username, password }` (or `{ email, password }`)
 * @returns nothing once the token is stored
 * @throws {@link @balena-ts/core#LoginFailed} when balena rejects the credentials
 * @throws {@link @balena-ts/core#InvalidParameter} when the username or the password is missing, or
 *   the credentials are not an object
 * @throws {@link @balena-ts/core#RequestError} on any other failure
 * @example
 * ```ts
 * await login(client, { username: 'admin@example.com', password: 'secret' });
 * console.log(await whoAmI(client)); // 'admin'
 * ```
 */
export async function login(client: Client, credentials: LoginCredentials): Promise<void> {
  const token = await authenticate(client, credentials);
  await client.tokens.set(token);
}
