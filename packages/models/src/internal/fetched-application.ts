import type { Client, ODataOptions } from '@balena-ts/core';
import { type ApplicationIdentifier, getApplication } from './application.js';
import type { ParentLink } from './parent-link.js';
import { getRowsOf } from './rows.js';

// What the models that write under an application share: the application is looked up first, even
// when given as an id, so that a missing or hidden one is ApplicationNotFound rather than a silent no-op.

/**
 * Fetches an application's id, even when given as an id: the application must exist and be visible
 * (as balena-sdk checks before it writes to it or under it).
 *
 * @param client - the client
 * @param slugOrUuidOrId - an id, a slug `org/name`, a uuid or a name
 * @returns the application id
 * @throws {@link @balena-ts/core#InvalidParameter} for `''` or a malformed id
 * @throws {@link @balena-ts/core#ApplicationNotFound} when nothing visible matches
 * @example
 * ```ts
 * const id = await fetchApplicationId(client, 42);
 * ```
 */
export async function fetchApplicationId(client: Client, slugOrUuidOrId: ApplicationIdentifier): Promise<number> {
  return (await getApplication<{ id: number }>(client, slugOrUuidOrId, { $select: ['id'] })).id;
}

/**
 * Reads the rows of one application (its memberships, invites), the caller's options checked before
 * the application is looked up and merged into the filter on it.
 *
 * @typeParam T - the row's shape
 * @param client - the client
 * @param rows - the rows' resource and their field that links them to the application
 * @param slugOrUuidOrId - an id, a slug `org/name`, a uuid or a name
 * @param options - the caller's OData options
 * @returns the application's rows
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed application or bad options, before any request
 * @throws {@link @balena-ts/core#ApplicationNotFound} when nothing visible matches
 * @example
 * ```ts
 * const invites = await getRowsOfApplication(client, { resource: 'team_application_access', parentField: 'grants_access_to__application' }, 42, undefined);
 * ```
 */
export function getRowsOfApplication<T>(
  client: Client,
  rows: ParentLink,
  slugOrUuidOrId: ApplicationIdentifier,
  options: ODataOptions | null | undefined,
): Promise<T[]> {
  const applicationId = (): Promise<number> => fetchApplicationId(client, slugOrUuidOrId);
  return getRowsOf<T>(client, rows.resource, rows.parentField, applicationId, options);
}

/**
 * Changes an application's fields: looked up first, even when given as an id, because a PATCH of a
 * missing row succeeds silently.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - an id, a slug `org/name`, a uuid or a name
 * @param body - the fields to change
 * @returns resolves once the API has applied the change
 * @throws {@link @balena-ts/core#InvalidParameter} for `''` or a malformed id
 * @throws {@link @balena-ts/core#ApplicationNotFound} when nothing visible matches
 * @example
 * ```ts
 * await patchApplication(client, 'admin/my-fleet', { app_name: 'renamed' });
 * ```
 */
export async function patchApplication(
  client: Client,
  slugOrUuidOrIdOrName: ApplicationIdentifier,
  body: Record<string, unknown>,
): Promise<void> {
  const id = await fetchApplicationId(client, slugOrUuidOrIdOrName);
  await client.pine.patch({ resource: 'application', id, body });
}
