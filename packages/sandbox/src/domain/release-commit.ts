import { messageError } from '../http/http-error.js';
import type { Row } from '../store/row.js';
import type { Store } from '../store/store.js';

/** balena's rule (SBVR) on release commits, answered as its text: only successful releases need distinct commits. */
const SUCCESSFUL_COMMIT_RULE =
  'It is necessary that each application that owns a release1 that has a status that is equal to "success" and has a commit1, owns at most one release2 that has a status that is equal to "success" and has a commit2 that is equal to the commit1.';

/** The successful releases of a fleet with this commit: one at most, once a release is stored. */
function successfulReleases(store: Store, applicationId: number, commit: unknown): Row[] {
  return store
    .referencing('release', 'belongs_to__application', applicationId)
    .filter((release) => release.commit === commit && release.status === 'success');
}

/** The successful release of a fleet with this commit: what devices and fleet states name by commit. */
export function successfulRelease(store: Store, applicationId: number, commit: string): Row | undefined {
  return successfulReleases(store, applicationId, commit)[0];
}

/**
 * Refuses a second successful release of a fleet with the same commit (400, the rule's text);
 * failed, running or errored releases may share a commit, with each other or with a successful one.
 */
export function checkSuccessfulCommit(release: Row, store: Store): void {
  if (release.status !== 'success') return;
  const others = successfulReleases(store, release.belongs_to__application as number, release.commit).filter(
    (candidate) => candidate.id !== release.id,
  );
  if (others.length > 0) throw messageError(400, SUCCESSFUL_COMMIT_RULE);
}
