import type { Actor, Client } from '@balena-ts/core';
import { sessionRequest } from './internal/session-request.js';

/**
 * Asks balena who the credential belongs to: a user, an application (fleet API key) or a device
 * (device API key). Every call asks the API: nothing is cached across logins.
 *
 * @param client - the balena-ts client
 * @returns the actor, e.g. `{ id, actorType: 'user', actorTypeId, username, email }`
 * @throws {@link @balena-ts/core#NotLoggedIn} when there is no usable session, or the API refuses it
 * @example
 * ```ts
 * const actor = await whoami(client);
 * if (actor.actorType === 'device') console.log(actor.uuid);
 * ```
 */
export async function whoami(client: Client): Promise<Actor> {
  return await sessionRequest<Actor>(client, '/actor/v1/whoami');
}
