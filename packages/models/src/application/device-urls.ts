import type { Client } from '@balena-ts/core';
import type { ApplicationIdentifier } from '../internal/application.js';
import { fetchApplicationId } from '../internal/fetched-application.js';

async function setDeviceUrls(client: Client, application: ApplicationIdentifier, enabled: boolean): Promise<void> {
  const id = await fetchApplicationId(client, application);
  await client.pine.patch({
    resource: 'device',
    options: { $filter: { belongs_to__application: id } },
    body: { is_web_accessible: enabled },
  });
}

/**
 * Enables the public device URL of every device of an application (one PATCH for the whole fleet).
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - an id, a slug, a uuid or an application name
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed application argument, before any request
 * @throws {@link @balena-ts/core#ApplicationNotFound} when nothing matches
 * @throws {@link @balena-ts/core#AmbiguousApplication} when a name matches several applications
 * @returns resolves once the API has applied the change
 * @example
 * ```ts
 * await enableDeviceUrls(client, 'admin/my-fleet');
 * ```
 */
export function enableDeviceUrls(client: Client, slugOrUuidOrIdOrName: ApplicationIdentifier): Promise<void> {
  return setDeviceUrls(client, slugOrUuidOrIdOrName, true);
}

/**
 * Disables the public device URL of every device of an application (one PATCH for the whole fleet).
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - an id, a slug, a uuid or an application name
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed application argument, before any request
 * @throws {@link @balena-ts/core#ApplicationNotFound} when nothing matches
 * @throws {@link @balena-ts/core#AmbiguousApplication} when a name matches several applications
 * @returns resolves once the API has applied the change
 * @example
 * ```ts
 * await disableDeviceUrls(client, 42);
 * ```
 */
export function disableDeviceUrls(client: Client, slugOrUuidOrIdOrName: ApplicationIdentifier): Promise<void> {
  return setDeviceUrls(client, slugOrUuidOrIdOrName, false);
}
