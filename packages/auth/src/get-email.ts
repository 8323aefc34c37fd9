import type { Client } from '@balena-ts/core';
import { getUserInfo } from './get-user-info.js';

/**
 * Returns the logged-in user's email address.
 *
 * @param client - the balena-ts client
 * @returns the email address, or null when balena does not disclose it to this credential
 * @throws {@link @balena-ts/core#NotLoggedIn} when there is no usable user session
 * @example
 * ```ts
 * console.log(await getEmail(client)); // 'admin@example.com'
 * ```
 */
export async function getEmail(client: Client): Promise<string | null> {
  return (await getUserInfo(client)).email;
}
