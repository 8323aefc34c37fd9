import type { Client } from '@balena-ts/core';
import { readSessionClaims } from './token-claims.js';

/**
 * Tells whether the logged-in account has two-factor authentication enabled, from the session
 * token's `twoFactorRequired` claim (present only for such accounts). Nothing is sent to balena.
 *
 * @param client - the balena-ts client
 * @returns true when enabled; always false for an API key
 * @throws {@link @balena-ts/core#NotLoggedIn} when there is no credential
 * @example
 * ```ts
 * if (await isEnabled(client)) console.log('2FA is on');
 * ```
 */
export async function isEnabled(client: Client): Promise<boolean> {
  const claims = await readSessionClaims(client);
  return typeof claims?.twoFactorRequired === 'boolean';
}
