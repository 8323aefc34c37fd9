import type { Client } from '@balena-ts/core';

/**
 * Ends the session: removes the stored token. Nothing is sent to balena (a balena JWT cannot be
 * revoked; it simply stops being used). An `apiKey` given to `createClient` is not affected.
 *
 * @param client - the balena-ts client
 * @returns nothing once the token is removed
 * @example
 * ```ts
 * await logOut(client);
 * await isLoggedIn(client); // false
 * ```
 */
export async function logOut(client: Client): Promise<void> {
  await client.tokens.remove();
}
