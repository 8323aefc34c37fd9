// Release tags (seed `balena.models.tag.release`).
import type { Client, ODataOptions } from '@balena-ts/core';
import * as read from './dependent-resource/read.js';
import { releaseTags } from './dependent-resource/resources.js';
import * as write from './dependent-resource/write.js';
import type { ApplicationIdentifier } from './internal/application.js';
import type { Selected, TypedOptions } from './types/options.js';
import type { ReleaseIdentifier } from './types/release.js';
import type { ReleaseTag } from './types/tag.js';

export type { ApplicationIdentifier } from './internal/application.js';
export type { Deferred, Navigation } from './types/navigation.js';
export type { Selected, TypedOptions } from './types/options.js';
export type { ReleaseIdentifier } from './types/release.js';
export type { ReleaseReference } from './types/release-reference.js';
export type { ReleaseTag, TagFields } from './types/tag.js';

/**
 * Lists every tag the caller can read, by key.
 *
 * @param client - the client
 * @param options - OData options merged into the query; a literal `$select` narrows the result type
 * @returns the tags
 * @throws InvalidParameter for options that are not OData options, before any request
 * @example
 * ```ts
 * const tags = await getAll(client, { $filter: { tag_key: 'notes' } });
 * ```
 */
export function getAll<const O extends TypedOptions<ReleaseTag> = {}>(
  client: Client,
  options?: O,
): Promise<Selected<ReleaseTag, O>[]> {
  return read.getAllRows(client, releaseTags, options as ODataOptions);
}

/**
 * Lists the tags of one release, by key.
 *
 * @param client - the client
 * @param commitOrIdOrRawVersion - the release: an id, a full commit, or `{ application, rawVersion }`
 * @param options - OData options merged into the query; a literal `$select` narrows the result type
 * @returns the tags
 * @throws InvalidParameter for a malformed release; ReleaseNotFound, AmbiguousRelease
 * @example
 * ```ts
 * const rows = await getAllByRelease(client, commit, { $select: ['tag_key', 'value'] });
 * ```
 */
export function getAllByRelease<const O extends TypedOptions<ReleaseTag> = {}>(
  client: Client,
  commitOrIdOrRawVersion: ReleaseIdentifier,
  options?: O,
): Promise<Selected<ReleaseTag, O>[]> {
  return read.getRowsByParent(client, releaseTags, commitOrIdOrRawVersion, options as ODataOptions);
}

/**
 * Lists the tags of every release of an application, by key.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param options - OData options merged into the query; a literal `$select` narrows the result type
 * @returns the tags
 * @throws ApplicationNotFound, AmbiguousApplication, InvalidParameter
 * @example
 * ```ts
 * const rows = await getAllByApplication(client, 'admin/my-fleet');
 * ```
 */
export function getAllByApplication<const O extends TypedOptions<ReleaseTag> = {}>(
  client: Client,
  slugOrUuidOrIdOrName: ApplicationIdentifier,
  options?: O,
): Promise<Selected<ReleaseTag, O>[]> {
  return read.getRowsByApplication(client, releaseTags, slugOrUuidOrIdOrName, options as ODataOptions);
}

/**
 * Reads the value of one tag of one release.
 *
 * @param client - the client
 * @param commitOrIdOrRawVersion - the release: an id, a full commit, or `{ application, rawVersion }`
 * @param tagKey - the tag key
 * @returns the value, or `undefined` when there is no such tag
 * @throws InvalidParameter for an empty key; ReleaseNotFound, AmbiguousRelease
 * @example
 * ```ts
 * const value = await get(client, commit, 'notes');
 * ```
 */
export function get(
  client: Client,
  commitOrIdOrRawVersion: ReleaseIdentifier,
  tagKey: string,
): Promise<string | undefined> {
  return read.getValue(client, releaseTags, commitOrIdOrRawVersion, tagKey);
}

/**
 * Sets a tag of one release, creating or overwriting it (an upsert: `POST`, and on a conflict
 * `PATCH`). The key must be non-empty, without whitespace, and not start with `io.resin.` or `io.balena.`.
 *
 * @param client - the client
 * @param commitOrIdOrRawVersion - the release: an id, a full commit, or `{ application, rawVersion }`
 * @param tagKey - the tag key
 * @param value - the value (any string)
 * @throws InvalidParameter naming the broken rule, before any request; ReleaseNotFound, AmbiguousRelease
 * @example
 * ```ts
 * await set(client, commit, 'notes', 'first field test');
 * ```
 */
export function set(
  client: Client,
  commitOrIdOrRawVersion: ReleaseIdentifier,
  tagKey: string,
  value: string,
): Promise<void> {
  return write.setValue(client, releaseTags, commitOrIdOrRawVersion, tagKey, value);
}

/**
 * Removes a tag of one release. Removing a tag that does not exist is not an error.
 *
 * @param client - the client
 * @param commitOrIdOrRawVersion - the release: an id, a full commit, or `{ application, rawVersion }`
 * @param tagKey - the tag key
 * @throws InvalidParameter for an empty key or a malformed release; ReleaseNotFound, AmbiguousRelease
 * @example
 * ```ts
 * await remove(client, commit, 'notes');
 * ```
 */
export function remove(client: Client, commitOrIdOrRawVersion: ReleaseIdentifier, tagKey: string): Promise<void> {
  return write.removeByKey(client, releaseTags, commitOrIdOrRawVersion, tagKey);
}
