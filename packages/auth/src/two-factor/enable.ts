import type { Client } from '@balena-ts/core';
import { verify } from './verify.js';

/**
 * Turns two-factor authentication on: after {@link getSetupKey} (or {@link getOtpauthSecret}) gave
 * the secret to an authenticator app, confirms it with a code from that app. Stores the new session
 * token and returns it.
 *
 * @param client - the balena-ts client
 * @param code - a current code computed from the new secret
 * @returns the new session token (already stored)
 * @throws {@link @balena-ts/core#LoginFailed} when balena rejects the code
 * @throws {@link @balena-ts/core#InvalidParameter} when the code is not 6 to 8 digits
 * @throws {@link @balena-ts/core#NotLoggedIn} when there is no usable session
 * @example
 * ```ts
 * const secret = await getOtpauthSecret(client);
 * await enable(client, await generateCode(secret));
 * ```
 */
export async function enable(client: Client, code: string): Promise<string> {
  const token = await verify(client, code);
  await client.tokens.set(token);
  return token;
}
