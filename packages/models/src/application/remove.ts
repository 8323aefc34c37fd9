import type { Client } from '@balena-ts/core';
import type { ApplicationIdentifier } from '../internal/application.js';
import { fetchApplicationId } from '../internal/fetched-application.js';

/**
 * Removes an application, with its devices, releases, variables and tags.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - an id, a slug, a uuid or an application name
 * @throws {@link @balena-ts/core#InvalidParameter} for `''` or a malformed id
 * @throws {@link @balena-ts/core#ApplicationNotFound} when nothing matches
 * @throws {@link @balena-ts/core#AmbiguousApplication} when a name matches several applications
 * @returns resolves once the application is deleted
 * @example
 * ```ts
 * await remove(client, 'admin/old-fleet');
 * ```
 */
export async function remove(client: Client, slugOrUuidOrIdOrName: ApplicationIdentifier): Promise<void> {
  // The lookup also runs for a numeric id: a DELETE of a missing row succeeds silently.
  const id = await fetchApplicationId(client, slugOrUuidOrIdOrName);
  await client.pine.delete({ resource: 'application', id });
}
