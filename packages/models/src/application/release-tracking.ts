import type { Client } from '@balena-ts/core';
import { type ApplicationIdentifier, getApplication, resolveApplicationId } from '../internal/application.js';
import { checkText } from '../internal/argument-checks.js';
import { patchApplication } from '../internal/fetched-application.js';
import { findApplicationReleaseId } from '../internal/release.js';

/**
 * Pins an application to one release: its devices run that release, and new releases no longer
 * become the target.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - an id, a slug, a uuid or an application name
 * @param fullReleaseHash - the release's full commit hash
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty hash or a malformed application argument, before any request
 * @throws {@link @balena-ts/core#ApplicationNotFound} when the application does not match
 * @throws {@link @balena-ts/core#ReleaseNotFound} when the application has no successful release with that commit
 * @returns resolves once the API has applied the change
 * @example
 * ```ts
 * await pinToRelease(client, 'admin/my-fleet', '7dba4e0c461215374edad74a5b78f470');
 * ```
 */
export async function pinToRelease(
  client: Client,
  slugOrUuidOrIdOrName: ApplicationIdentifier,
  fullReleaseHash: string,
): Promise<void> {
  checkText('fullReleaseHash', fullReleaseHash, 'expected a full commit hash');
  const applicationId = await resolveApplicationId(client, slugOrUuidOrIdOrName);
  const releaseId = await findApplicationReleaseId(client, applicationId, fullReleaseHash);
  await client.pine.patch({
    resource: 'application',
    id: applicationId,
    body: { should_be_running__release: releaseId, should_track_latest_release: false },
  });
}

/**
 * The balena Python SDK's `set_to_release`: pins the application to a release (see {@link pinToRelease}).
 *
 * @param client - the client
 * @param appId - an id, a slug, a uuid or an application name
 * @param commitId - the release's full commit hash
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty hash or a malformed application argument
 * @throws {@link @balena-ts/core#ApplicationNotFound} when the application does not match
 * @throws {@link @balena-ts/core#ReleaseNotFound} when the release does not exist
 * @returns resolves once the API has applied the change
 * @example
 * ```ts
 * await setToRelease(client, 42, '7dba4e0c461215374edad74a5b78f470');
 * ```
 */
export function setToRelease(client: Client, appId: ApplicationIdentifier, commitId: string): Promise<void> {
  return pinToRelease(client, appId, commitId);
}

/**
 * Makes an application track its latest release again, and targets the newest final, passing,
 * successful release right away.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - an id, a slug, a uuid or an application name
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed application argument, before any request
 * @throws {@link @balena-ts/core#ApplicationNotFound} when nothing matches
 * @returns resolves once the API has applied the change
 * @example
 * ```ts
 * await trackLatestRelease(client, 'admin/my-fleet');
 * ```
 */
export async function trackLatestRelease(client: Client, slugOrUuidOrIdOrName: ApplicationIdentifier): Promise<void> {
  const application = await getApplication<{ id: number; owns__release: { id: number }[] }>(
    client,
    slugOrUuidOrIdOrName,
    {
      $select: 'id',
      $expand: {
        owns__release: {
          $select: 'id',
          $top: 1,
          $filter: { is_final: true, is_passing_tests: true, is_invalidated: false, status: 'success' },
          $orderby: ['created_at desc', 'id desc'],
        },
      },
    },
  );
  const latest = application.owns__release[0];
  await client.pine.patch({
    resource: 'application',
    id: application.id,
    body: {
      should_track_latest_release: true,
      ...(latest === undefined ? {} : { should_be_running__release: latest.id }),
    },
  });
}

/**
 * The balena Python SDK's `enable_rolling_updates`: the application follows new releases again (see
 * {@link trackLatestRelease}).
 *
 * @param client - the client
 * @param appId - an id, a slug, a uuid or an application name
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed application argument, before any request
 * @throws {@link @balena-ts/core#ApplicationNotFound} when nothing matches
 * @returns resolves once the API has applied the change
 * @example
 * ```ts
 * await enableRollingUpdates(client, 42);
 * ```
 */
export function enableRollingUpdates(client: Client, appId: ApplicationIdentifier): Promise<void> {
  return trackLatestRelease(client, appId);
}

/**
 * The balena Python SDK's `disable_rolling_updates`: freezes the application on the release it targets now;
 * new releases no longer become the target. {@link pinToRelease} names the release explicitly.
 *
 * @param client - the client
 * @param appId - an id, a slug, a uuid or an application name
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed application argument, before any request
 * @throws {@link @balena-ts/core#ApplicationNotFound} when nothing matches
 * @returns resolves once the API has applied the change
 * @example
 * ```ts
 * await disableRollingUpdates(client, 42);
 * ```
 */
export async function disableRollingUpdates(client: Client, appId: ApplicationIdentifier): Promise<void> {
  await patchApplication(client, appId, { should_track_latest_release: false });
}

/**
 * Tells whether an application follows its latest release.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - an id, a slug, a uuid or an application name
 * @returns `should_track_latest_release`
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed application argument, before any request
 * @throws {@link @balena-ts/core#ApplicationNotFound} when nothing matches
 * @example
 * ```ts
 * const tracking = await isTrackingLatestRelease(client, 'admin/my-fleet');
 * ```
 */
export async function isTrackingLatestRelease(
  client: Client,
  slugOrUuidOrIdOrName: ApplicationIdentifier,
): Promise<boolean> {
  const row = await getApplication<{ should_track_latest_release: boolean }>(client, slugOrUuidOrIdOrName, {
    $select: 'should_track_latest_release',
  });
  return row.should_track_latest_release;
}

/**
 * Gets the commit of the release an application targets.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - an id, a slug, a uuid or an application name
 * @returns the commit, or undefined when the application targets no release
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed application argument, before any request
 * @throws {@link @balena-ts/core#ApplicationNotFound} when nothing matches
 * @example
 * ```ts
 * const commit = await getTargetReleaseHash(client, 'admin/my-fleet');
 * ```
 */
export async function getTargetReleaseHash(
  client: Client,
  slugOrUuidOrIdOrName: ApplicationIdentifier,
): Promise<string | undefined> {
  const row = await getApplication<{ should_be_running__release: { commit: string }[] }>(client, slugOrUuidOrIdOrName, {
    $select: 'id',
    $expand: { should_be_running__release: { $select: 'commit' } },
  });
  return row.should_be_running__release[0]?.commit;
}
