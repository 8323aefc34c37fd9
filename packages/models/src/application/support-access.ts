import type { Client } from '@balena-ts/core';
import type { ApplicationIdentifier } from '../internal/application.js';
import { patchApplication } from '../internal/fetched-application.js';
import { supportAccessUntil } from '../internal/support-access.js';

/**
 * Grants balena support access to an application until a time in the future.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - an id, a slug, a uuid or an application name
 * @param expiryTimestamp - when access ends, in milliseconds since the epoch
 * @throws {@link @balena-ts/core#InvalidParameter} when the timestamp is not in the future
 * @throws {@link @balena-ts/core#ApplicationNotFound} when nothing matches
 * @returns resolves once the API has applied the change
 * @example
 * ```ts
 * await grantSupportAccess(client, 'admin/my-fleet', Date.now() + 24 * 3_600_000);
 * ```
 */
export async function grantSupportAccess(
  client: Client,
  slugOrUuidOrIdOrName: ApplicationIdentifier,
  expiryTimestamp: number,
): Promise<void> {
  const body = supportAccessUntil(expiryTimestamp);
  await patchApplication(client, slugOrUuidOrIdOrName, body);
}

/**
 * Revokes balena support access to an application.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - an id, a slug, a uuid or an application name
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed application argument, before any request
 * @throws {@link @balena-ts/core#ApplicationNotFound} when nothing matches
 * @returns resolves once the API has applied the change
 * @example
 * ```ts
 * await revokeSupportAccess(client, 'admin/my-fleet');
 * ```
 */
export async function revokeSupportAccess(client: Client, slugOrUuidOrIdOrName: ApplicationIdentifier): Promise<void> {
  await patchApplication(client, slugOrUuidOrIdOrName, { is_accessible_by_support_until__date: null });
}
