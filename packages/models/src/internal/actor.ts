import { type Actor, type Client, NotLoggedIn, type UserActor } from '@balena-ts/core';

/**
 * Asks the API who the current credential belongs to.
 *
 * @param client - the client
 * @returns the actor
 * @throws {@link @balena-ts/core#NotLoggedIn} without a credential (from core)
 * @example
 * ```ts
 * const { actorType, actorTypeId } = await getActor(client);
 * ```
 */
export function getActor(client: Client): Promise<Actor> {
  return client.request<Actor>('/actor/v1/whoami');
}

/**
 * Asks the API for the current user; fails for device and application keys.
 *
 * @param client - the client
 * @returns the user's id and username
 * @throws {@link @balena-ts/core#NotLoggedIn} without a credential, or when it is a device's or an application's key
 * @example
 * ```ts
 * const { actorTypeId: userId } = await getUserActor(client);
 * ```
 */
export async function getUserActor(client: Client): Promise<UserActor> {
  const actor = await getActor(client);
  if (actor.actorType !== 'user' || typeof actor.username !== 'string') {
    // SSH keys and default organizations belong to users: a device or application key has neither.
    throw new NotLoggedIn('The authentication credentials in use are not of a user');
  }
  return actor;
}
