import type { Client } from '@balena-ts/core';
import { getUserInfo } from './get-user-info.js';

/**
 * Returns the logged-in user's id.
 *
 * @param client - the balena-ts client
 * @returns the user id (not the actor id: see {@link getActorId})
 * @throws {@link @balena-ts/core#NotLoggedIn} when there is no usable user session
 * @example
 * ```ts
 * const userId = await getUserId(client);
 * ```
 */
export async function getUserId(client: Client): Promise<number> {
  return (await getUserInfo(client)).id;
}
