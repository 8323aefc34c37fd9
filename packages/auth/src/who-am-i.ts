import type { Client } from '@balena-ts/core';
import { getUserInfo } from './get-user-info.js';

/**
 * Returns the logged-in user's username (the balena Python SDK's `who_am_i`; {@link whoami} returns the whole actor).
 *
 * @param client - the balena-ts client
 * @returns the username
 * @throws {@link @balena-ts/core#NotLoggedIn} when there is no usable user session
 * @example
 * ```ts
 * console.log(await whoAmI(client)); // 'admin'
 * ```
 */
export async function whoAmI(client: Client): Promise<string> {
  return (await getUserInfo(client)).username;
}
