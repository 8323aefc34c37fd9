import type { Client } from '@balena-ts/core';
import { checkReleaseIdentifier, getRelease, resolveReleaseId } from '../release/get-release.js';
import type { ReleaseIdentifier } from '../types/release.js';
import type { ParentKind, ResolvedParent } from './parent-kind.js';

/** Releases as parents: an id (used as given), a full commit, or `{ application, rawVersion }` (looked up). */
export const releaseParent: ParentKind<ReleaseIdentifier> = {
  parameter: 'commitOrIdOrRawVersion',
  async resolve(client: Client, release: ReleaseIdentifier): Promise<ResolvedParent> {
    const confirmed = typeof checkReleaseIdentifier(release) !== 'number';
    return { id: await resolveReleaseId(client, release), confirmed };
  },
  async confirm(client: Client, release: ReleaseIdentifier): Promise<void> {
    await getRelease(client, release, { $select: 'id' });
  },
};
