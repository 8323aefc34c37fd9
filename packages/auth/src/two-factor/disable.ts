import { type Client, InvalidParameter } from '@balena-ts/core';
import { exchangeForToken } from './exchange-for-token.js';

/**
 * Turns two-factor authentication off, confirmed with the account's password. Stores the new session
 * token (without the two-factor claim) and returns it.
 *
 * @param client - the balena-ts client
 * @param password - the account's password
 * @returns the new session token (already stored)
 * @throws {@link @balena-ts/core#LoginFailed} when balena rejects the password
 * @throws {@link @balena-ts/core#InvalidParameter} when the password is missing
 * @throws {@link @balena-ts/core#NotLoggedIn} when there is no usable session (a pending one is not enough)
 * @example
 * ```ts
 * await disable(client, 'my password');
 * await isEnabled(client); // false
 * ```
 */
export async function disable(client: Client, password: string): Promise<string> {
  if (typeof password !== 'string' || password === '') {
    throw new InvalidParameter('password', '', 'a password is required');
  }
  const token = await exchangeForToken(
    client,
    '/auth/totp/disable',
    { password },
    { rejectedMessage: 'The password was not accepted', allowTwoFactorPending: false },
  );
  await client.tokens.set(token);
  return token;
}
