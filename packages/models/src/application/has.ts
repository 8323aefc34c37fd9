import { ApplicationNotFound, type Client } from '@balena-ts/core';
import { type ApplicationIdentifier, getApplication } from '../internal/application.js';
import { isFound } from '../internal/is-found.js';

/**
 * Tells whether an application exists and is visible to the user.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - an id, a slug, a uuid or an application name
 * @returns true when it exists
 * @throws {@link @balena-ts/core#InvalidParameter} for `''` or a malformed id
 * @throws {@link @balena-ts/core#AmbiguousApplication} when a name matches several applications
 * @example
 * ```ts
 * if (await has(client, 'admin/my-fleet')) console.log('found');
 * ```
 */
export function has(client: Client, slugOrUuidOrIdOrName: ApplicationIdentifier): Promise<boolean> {
  return isFound(getApplication(client, slugOrUuidOrIdOrName, { $select: 'id' }), ApplicationNotFound);
}
