import type { Client } from '@balena-ts/core';
import { exchangeForToken } from './exchange-for-token.js';
import { normalizeTotpCode } from './totp-code.js';

/**
 * Checks a TOTP code with balena and returns the upgraded session token, without storing it
 * ({@link challenge} stores it).
 *
 * @param client - the balena-ts client
 * @param code - the current code from the authenticator app
 * @returns a session token whose two-factor check is passed
 * @throws {@link @balena-ts/core#LoginFailed} when balena rejects the code
 * @throws {@link @balena-ts/core#InvalidParameter} when the code is not 6 to 8 digits
 * @throws {@link @balena-ts/core#NotLoggedIn} when there is no usable session
 * @example
 * ```ts
 * const token = await verify(client, '123456');
 * ```
 */
export async function verify(client: Client, code: string): Promise<string> {
  return await exchangeForToken(
    client,
    '/auth/totp/verify',
    { code: normalizeTotpCode(code) },
    { rejectedMessage: 'The two-factor code was not accepted', allowTwoFactorPending: true },
  );
}
