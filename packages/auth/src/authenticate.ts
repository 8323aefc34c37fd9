import {
  type Client,
  checkOptionsObject,
  InvalidParameter,
  LoginFailed,
  NotLoggedIn,
  RequestError,
} from '@balena-ts/core';
import type { LoginCredentials } from './credentials.js';
import { tokenFromBody } from './internal/token-from-body.js';

/**
 * Checks credentials with balena and returns a session token, without storing it. Use
 * {@link login} to start a session; this is for callers that manage tokens themselves.
 *
 * @param client - the balena-ts client
 * @param credentials - `{ username, password }` (or `{ email, password }`)
 * @returns the session token (a JWT). For an account with two-factor authentication it is a
 *   partial session until passed with `challenge` from `@balena-ts/auth/two-factor`.
 * @throws {@link @balena-ts/core#LoginFailed} when balena rejects the credentials
 * @throws {@link @balena-ts/core#InvalidParameter} when the username or the password is missing, or
 *   the credentials are not an object
 * @throws {@link @balena-ts/core#RequestError} on any other failure, e.g. 429 after too many attempts
 * @example
 * ```ts
 * const token = await authenticate(client, { username: 'admin@example.com', password: 'secret' });
 * ```
 */
export async function authenticate(client: Client, credentials: LoginCredentials): Promise<string> {
  const { username: givenUsername, email, password } = checkOptionsObject('credentials', credentials);
  const username = givenUsername ?? email;
  if (typeof username !== 'string' || username === '') {
    throw new InvalidParameter('username', username ?? null, 'a username or an email address is required');
  }
  if (typeof password !== 'string' || password === '') {
    // The value is never echoed: it would be the password.
    throw new InvalidParameter('password', '', 'a password is required');
  }
  let body: unknown;
  try {
    body = await client.request('/login_', {
      method: 'POST',
      body: { username, password },
      auth: false,
      responseType: 'text',
    });
  } catch (error) {
    // balena answers every rejected login with 401; core reports a 401 on an anonymous request as NotLoggedIn.
    if (error instanceof NotLoggedIn || (error instanceof RequestError && error.status === 401)) {
      throw new LoginFailed('Login failed: wrong username or password', { cause: error });
    }
    throw error;
  }
  return tokenFromBody(body);
}
