import { type Client, NotLoggedIn } from '@balena-ts/core';
import type { UserInfo } from './user-info.js';
import { whoami } from './whoami.js';

/**
 * Returns the logged-in user's ids, username and email address.
 *
 * @param client - the balena-ts client
 * @returns `{ id, actor, username, email }`: `id` is the user id, `actor` the actor id
 * @throws {@link @balena-ts/core#NotLoggedIn} when there is no usable session, or the credential is an
 *   application's or a device's API key rather than a user's
 * @example
 * ```ts
 * const { id, username, email } = await getUserInfo(client);
 * ```
 */
export async function getUserInfo(client: Client): Promise<UserInfo> {
  const actor = await whoami(client);
  if (actor.actorType !== 'user') {
    throw new NotLoggedIn(`Not logged in as a user: the credential belongs to a ${actor.actorType}`);
  }
  return { id: actor.actorTypeId, actor: actor.id, username: actor.username, email: actor.email };
}
