import { type Client, checkOptionsObject, InvalidParameter } from '@balena-ts/core';
import type { RegisterCredentials } from './credentials.js';
import { tokenFromBody } from './internal/token-from-body.js';

/**
 * Creates a balena account and returns its session token, without storing it (pass it to
 * {@link loginWithToken} to use the new account).
 *
 * @param client - the balena-ts client
 * @param credentials - `{ email, password, username? }`
 * @returns the new account's session token
 * @throws {@link @balena-ts/core#InvalidParameter} when the email address or the password is missing or
 *   not a string, the username is not a string, or the credentials are not an object; nothing is sent
 * @throws {@link @balena-ts/core#RequestError} when balena refuses, e.g. the email address is taken
 * @example
 * ```ts
 * const token = await register(client, { email: 'new@example.com', password: 'a long passphrase' });
 * await loginWithToken(client, token);
 * ```
 */
export async function register(client: Client, credentials: RegisterCredentials): Promise<string> {
  const { email, password, username } = checkOptionsObject('credentials', credentials);
  if (typeof email !== 'string' || email.trim() === '') {
    throw new InvalidParameter('email', email ?? null, 'an email address is required');
  }
  if (typeof password !== 'string' || password === '') {
    // The value is never echoed: it would be the password.
    throw new InvalidParameter('password', '', 'a password is required');
  }
  if (username !== undefined && typeof username !== 'string') {
    throw new InvalidParameter('username', username, 'the username is a string, or left out');
  }
  const body: Record<string, string> = { email, password };
  if (username !== undefined) body.username = username;
  const response = await client.request('/user/register', { method: 'POST', body, auth: false, responseType: 'text' });
  return tokenFromBody(response);
}
