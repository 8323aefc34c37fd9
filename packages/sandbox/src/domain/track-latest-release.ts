import type { Row } from '../store/row.js';
import type { Store } from '../store/store.js';

/** The release fields whose change may make a release the one its fleet tracks. */
export const TRACKING_FIELDS = ['revision', 'is_passing_tests', 'is_invalidated', 'status'] as const;

/**
 * A release a fleet tracking its latest release may run: successful, final (it has a revision),
 * passing tests and not invalidated (open-balena-api `features/ci-cd/hooks/track-latest-release.ts`).
 */
export function isTrackable(release: Row): boolean {
  return (
    release.status === 'success' &&
    release.revision !== null &&
    release.revision !== undefined &&
    release.is_passing_tests !== false &&
    release.is_invalidated !== true
  );
}

/** balena orders by `start_timestamp` ("the most recently started build", whatever its build time). */
function startedAtMs(release: Row): number {
  return Date.parse(String(release.start_timestamp ?? release.created_at));
}

/**
 * Points a fleet that tracks its latest release (`should_track_latest_release`) at its most
 * recently started trackable release, as balena does after a release is created or its status,
 * revision, tests or invalidation change.
 */
export function trackLatestRelease(store: Store, applicationId: number): void {
  const application = store.get('application', applicationId);
  if (application?.should_track_latest_release !== true) return;
  let latest: Row | undefined;
  let latestMs = Number.NEGATIVE_INFINITY;
  for (const release of store.referencing('release', 'belongs_to__application', applicationId)) {
    if (!isTrackable(release)) continue;
    const ms = startedAtMs(release);
    if (latest === undefined || ms > latestMs || (ms === latestMs && release.id > latest.id)) {
      latest = release;
      latestMs = ms;
    }
  }
  if (latest === undefined || application.should_be_running__release === latest.id) return;
  // Not a change of the fleet by anyone: its `modified_at` stays (balena-sdk's own tests read the
  // fleet unchanged but for its target after posting releases).
  store.put('application', { ...application, should_be_running__release: latest.id });
}
