import type { Client } from '@balena-ts/core';
import { getUserId } from './get-user-id.js';

/**
 * Asks balena to send the logged-in user a new e-mail address verification mail (balena sends one
 * on signup; this sends another, with a fresh token).
 *
 * @param client - the balena-ts client, logged in as the user
 * @returns resolves once balena has accepted the request
 * @throws {@link @balena-ts/core#NotLoggedIn} when there is no usable user session
 * @example
 * ```ts
 * await requestVerificationEmail(client);
 * ```
 */
export async function requestVerificationEmail(client: Client): Promise<void> {
  const id = await getUserId(client);
  await client.pine.patch({ resource: 'user', id, body: { has_been_sent_verification_email: true } });
}
