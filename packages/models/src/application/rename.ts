import type { Client } from '@balena-ts/core';
import type { ApplicationIdentifier } from '../internal/application.js';
import { checkText } from '../internal/argument-checks.js';
import { patchApplication } from '../internal/fetched-application.js';

/**
 * Renames an application. Its slug follows the new name.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - an id, a slug, a uuid or an application name
 * @param newAppName - the new name (balena takes 4 to 100 characters)
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty new name or a malformed application argument, before any request
 * @throws {@link @balena-ts/core#ApplicationNotFound} when nothing matches
 * @throws {@link @balena-ts/core#AmbiguousApplication} when a name matches several applications
 * @throws {@link @balena-ts/core#RequestError} when the API refuses the name (400, e.g. too short; 409 when taken)
 * @returns resolves once the API has applied the change
 * @example
 * ```ts
 * await rename(client, 'admin/my-fleet', 'my-renamed-fleet');
 * ```
 */
export async function rename(
  client: Client,
  slugOrUuidOrIdOrName: ApplicationIdentifier,
  newAppName: string,
): Promise<void> {
  checkText('newAppName', newAppName, 'expected a non-empty application name');
  await patchApplication(client, slugOrUuidOrIdOrName, { app_name: newAppName });
}
