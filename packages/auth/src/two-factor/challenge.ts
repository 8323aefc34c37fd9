import type { Client } from '@balena-ts/core';
import { verify } from './verify.js';

/**
 * Passes two-factor authentication: checks the TOTP code with balena and stores the upgraded session
 * token, after which the session works for every call.
 *
 * @param client - the balena-ts client
 * @param code - the current code from the authenticator app (or from {@link generateCode})
 * @returns nothing once the upgraded token is stored
 * @throws {@link @balena-ts/core#LoginFailed} when balena rejects the code; the session stays pending
 * @throws {@link @balena-ts/core#InvalidParameter} when the code is not 6 to 8 digits
 * @throws {@link @balena-ts/core#NotLoggedIn} when there is no usable session
 * @example
 * ```ts
 * await login(client, { username, password });
 * if (!(await isPassed(client))) await challenge(client, '123456');
 * ```
 */
export async function challenge(client: Client, code: string): Promise<void> {
  await client.tokens.set(await verify(client, code));
}
