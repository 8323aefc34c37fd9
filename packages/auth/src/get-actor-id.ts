import type { Client } from '@balena-ts/core';
import { whoami } from './whoami.js';

/**
 * Returns the actor id behind the credential, for a user, an application or a device alike.
 *
 * @param client - the balena-ts client
 * @returns the actor id
 * @throws {@link @balena-ts/core#NotLoggedIn} when there is no usable session
 * @example
 * ```ts
 * const actorId = await getActorId(client);
 * ```
 */
export async function getActorId(client: Client): Promise<number> {
  return (await whoami(client)).id;
}
