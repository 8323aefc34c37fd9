import type { Client } from '@balena-ts/core';
import { getRelease, resolveReleaseId } from '../internal/release.js';
import type { ReleaseIdentifier } from '../types/release.js';

/**
 * Writes fields of one release: `PATCH /v7/release(id)`, after resolving a commit or a raw version
 * to the id. An id is first checked to exist, because a PATCH of a missing row answers 200.
 *
 * @param client - the client
 * @param commitOrIdOrRawVersion - an id, a full commit, or `{ application, rawVersion }`
 * @param body - the fields to write
 * @throws InvalidParameter, ReleaseNotFound, AmbiguousRelease, ApplicationNotFound
 */
export async function patchRelease(
  client: Client,
  commitOrIdOrRawVersion: ReleaseIdentifier,
  body: Record<string, unknown>,
): Promise<void> {
  const id =
    typeof commitOrIdOrRawVersion === 'number'
      ? (await getRelease<{ id: number }>(client, commitOrIdOrRawVersion, { $select: 'id' })).id
      : await resolveReleaseId(client, commitOrIdOrRawVersion);
  await client.pine.patch({ resource: 'release', id, body });
}
