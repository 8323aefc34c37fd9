// Changing a release: finalize it, (un)invalidate it, its note and its known issues.
import { type Client, InvalidParameter } from '@balena-ts/core';
import type { ReleaseIdentifier } from '../types/release.js';
import { patchRelease } from './patch-release.js';

/**
 * Marks a draft release as final, so that fleets tracking the latest release move to it.
 *
 * @param client - the client
 * @param commitOrIdOrRawVersion - an id, a full commit, or `{ application, rawVersion }`
 * @throws InvalidParameter, ReleaseNotFound, AmbiguousRelease
 * @example
 * ```ts
 * await finalize(client, commit);
 * ```
 */
export function finalize(client: Client, commitOrIdOrRawVersion: ReleaseIdentifier): Promise<void> {
  return patchRelease(client, commitOrIdOrRawVersion, { is_final: true });
}

/**
 * Marks a release as invalidated (devices must not be moved to it), or clears that mark.
 *
 * @param client - the client
 * @param commitOrIdOrRawVersion - an id, a full commit, or `{ application, rawVersion }`
 * @param isInvalidated - true to invalidate, false to restore
 * @throws InvalidParameter, ReleaseNotFound, AmbiguousRelease
 * @example
 * ```ts
 * await setIsInvalidated(client, commit, true);
 * ```
 */
export function setIsInvalidated(
  client: Client,
  commitOrIdOrRawVersion: ReleaseIdentifier,
  isInvalidated: boolean,
): Promise<void> {
  if (typeof isInvalidated !== 'boolean') {
    return Promise.reject(new InvalidParameter('isInvalidated', isInvalidated, 'must be a boolean'));
  }
  return patchRelease(client, commitOrIdOrRawVersion, { is_invalidated: isInvalidated });
}

/**
 * Sets the free-form note of a release (`null` clears it).
 *
 * @param client - the client
 * @param commitOrIdOrRawVersion - an id, a full commit, or `{ application, rawVersion }`
 * @param note - the note, or null
 * @throws InvalidParameter for a malformed release or a note that is neither a string nor null, before any request
 * @throws ReleaseNotFound, AmbiguousRelease
 * @example
 * ```ts
 * await setNote(client, commit, 'Field-tested on 40 devices');
 * ```
 */
export function setNote(client: Client, commitOrIdOrRawVersion: ReleaseIdentifier, note: string | null): Promise<void> {
  if (note !== null && typeof note !== 'string') {
    return Promise.reject(new InvalidParameter('note', note, 'must be a string or null'));
  }
  return patchRelease(client, commitOrIdOrRawVersion, { note });
}

/**
 * Sets the known issues of a release (`null` clears them).
 *
 * @param client - the client
 * @param commitOrIdOrRawVersion - an id, a full commit, or `{ application, rawVersion }`
 * @param knownIssueList - the known issues, or null
 * @throws InvalidParameter for a malformed release or a list that is neither a string nor null, before any request
 * @throws ReleaseNotFound, AmbiguousRelease
 * @example
 * ```ts
 * await setKnownIssueList(client, commit, 'Wi-Fi drops on Pi Zero');
 * ```
 */
export function setKnownIssueList(
  client: Client,
  commitOrIdOrRawVersion: ReleaseIdentifier,
  knownIssueList: string | null,
): Promise<void> {
  if (knownIssueList !== null && typeof knownIssueList !== 'string') {
    return Promise.reject(new InvalidParameter('knownIssueList', knownIssueList, 'must be a string or null'));
  }
  return patchRelease(client, commitOrIdOrRawVersion, { known_issue_list: knownIssueList });
}
