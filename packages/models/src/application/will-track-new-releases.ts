import type { Client } from '@balena-ts/core';
import type { ApplicationIdentifier } from '../internal/application.js';
import { isTrackingLatestRelease } from './release-tracking.js';

/**
 * Tells whether the application's target release follows each new successful release (its
 * `should_track_latest_release`), whether or not it currently runs the latest one.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - an id, a slug, a uuid or an application name
 * @returns true when new releases become the target automatically
 * @throws {@link @balena-ts/core#InvalidParameter} for `''` or a malformed id, before any request
 * @throws {@link @balena-ts/core#ApplicationNotFound} when nothing matches
 * @throws {@link @balena-ts/core#AmbiguousApplication} when a name matches several applications
 * @example
 * ```ts
 * if (!(await willTrackNewReleases(client, 'admin/my-fleet'))) console.log('pinned');
 * ```
 */
export async function willTrackNewReleases(
  client: Client,
  slugOrUuidOrIdOrName: ApplicationIdentifier,
): Promise<boolean> {
  return isTrackingLatestRelease(client, slugOrUuidOrIdOrName);
}
