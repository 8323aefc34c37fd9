import type { Client } from '@balena-ts/core';
import { readSessionClaims } from './token-claims.js';

/**
 * Tells whether the session has passed two-factor authentication (or never needed it), from the
 * session token's claims. Nothing is sent to balena.
 *
 * @param client - the balena-ts client
 * @returns false only while a two-factor check is pending; true for API keys and accounts without 2FA
 * @throws {@link @balena-ts/core#NotLoggedIn} when there is no credential
 * @example
 * ```ts
 * await login(client, { username, password });
 * if (!(await isPassed(client))) await challenge(client, await promptForCode());
 * ```
 */
export async function isPassed(client: Client): Promise<boolean> {
  const claims = await readSessionClaims(client);
  return claims?.twoFactorRequired !== true;
}
