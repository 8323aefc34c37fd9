import { checkReleaseIdentifier, getRelease, resolveReleaseId } from '../internal/release.js';
import type { ReleaseIdentifier } from '../types/release.js';
import { lookedUpParent, type ParentKind } from './parent-kind.js';

/** Releases as parents: an id (used as given), a full commit, or `{ application, rawVersion }` (looked up). */
export const releaseParent: ParentKind<ReleaseIdentifier> = /* @__PURE__ */ lookedUpParent('commitOrIdOrRawVersion', {
  isId: (release) => typeof checkReleaseIdentifier(release) === 'number',
  resolveId: resolveReleaseId,
  get: getRelease,
});
