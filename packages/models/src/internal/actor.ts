import type { Client } from '@balena-ts/core';

/** What `GET /actor/v1/whoami` answers: the actor behind the credential in use. */
export interface Actor {
  readonly id: number;
  readonly actorType: 'user' | 'device' | 'application';
  readonly actorTypeId: number;
  readonly username?: string;
  readonly email?: string;
  readonly uuid?: string;
}

/**
 * Asks the API who the current credential belongs to.
 *
 * @param client - the client
 * @returns the actor
 * @throws {@link NotLoggedIn} without a credential (from core)
 */
export function getActor(client: Client): Promise<Actor> {
  return client.request<Actor>('/actor/v1/whoami');
}

/**
 * Asks the API for the current user; fails for device and application keys.
 *
 * @param client - the client
 * @returns the user's id and username
 * @throws Error when the credential is not a user's
 */
export async function getUserActor(client: Client): Promise<Actor & { username: string }> {
  const actor = await getActor(client);
  if (actor.actorType !== 'user' || actor.username === undefined) {
    throw new Error('The authentication credentials in use are not of a user');
  }
  return actor as Actor & { username: string };
}
