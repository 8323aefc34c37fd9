import type { Client } from '@balena-ts/core';
import type { RegisterCredentials } from './credentials.js';
import { tokenFromBody } from './internal/token-from-body.js';

/**
 * Creates a balena account and returns its session token, without storing it (pass it to
 * {@link loginWithToken} to use the new account).
 *
 * @param client - the balena-ts client
 * @param credentials - `{ email, password, username? }`
 * @returns the new account's session token
 * @throws {@link @balena-ts/core#RequestError} when balena refuses, e.g. the email address is taken
 * @example
 * ```ts
 * const token = await register(client, { email: 'new@example.com', password: 'a long passphrase' });
 * await loginWithToken(client, token);
 * ```
 */
export async function register(client: Client, credentials: RegisterCredentials): Promise<string> {
  const body: Record<string, string> = { email: credentials.email, password: credentials.password };
  if (credentials.username !== undefined) body.username = credentials.username;
  const response = await client.request('/user/register', { method: 'POST', body, auth: false, responseType: 'text' });
  return tokenFromBody(response);
}
