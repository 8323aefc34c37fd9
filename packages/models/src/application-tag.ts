// Application tags (seed `balena.models.tag.application`).
import type { Client, ODataOptions } from '@balena-ts/core';
import * as read from './dependent-resource/read.js';
import { applicationTags } from './dependent-resource/resources.js';
import * as write from './dependent-resource/write.js';
import type { ApplicationIdentifier } from './internal/application.js';
import type { Selected, TypedOptions } from './types/options.js';
import type { ApplicationTag } from './types/tag.js';

export type { ApplicationIdentifier } from './internal/application.js';
export type { Deferred, Navigation } from './types/navigation.js';
export type { Selected, TypedOptions } from './types/options.js';
export type { ApplicationReference } from './types/parent-reference.js';
export type { ApplicationTag, TagFields } from './types/tag.js';

/**
 * Lists every tag the caller can read, by key.
 *
 * @param client - the client
 * @param options - OData options merged into the query; a literal `$select` narrows the result type
 * @returns the tags
 * @throws InvalidParameter for options that are not OData options, before any request
 * @example
 * ```ts
 * const tags = await getAll(client, { $filter: { tag_key: 'team' } });
 * ```
 */
export function getAll<const O extends TypedOptions<ApplicationTag> = {}>(
  client: Client,
  options?: O,
): Promise<Selected<ApplicationTag, O>[]> {
  return read.getAllRows(client, applicationTags, options as ODataOptions);
}

/**
 * Lists the tags of an application, by key.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param options - OData options merged into the query; a literal `$select` narrows the result type
 * @returns the tags
 * @throws InvalidParameter for a malformed application; ApplicationNotFound, AmbiguousApplication
 * @example
 * ```ts
 * const rows = await getAllByApplication(client, 'admin/my-fleet', { $select: ['tag_key', 'value'] });
 * ```
 */
export function getAllByApplication<const O extends TypedOptions<ApplicationTag> = {}>(
  client: Client,
  slugOrUuidOrIdOrName: ApplicationIdentifier,
  options?: O,
): Promise<Selected<ApplicationTag, O>[]> {
  return read.getRowsByParent(client, applicationTags, slugOrUuidOrIdOrName, options as ODataOptions);
}

/**
 * Reads the value of one tag of an application.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param tagKey - the tag key
 * @returns the value, or `undefined` when there is no such tag
 * @throws InvalidParameter for an empty key; ApplicationNotFound, AmbiguousApplication
 * @example
 * ```ts
 * const value = await get(client, 'admin/my-fleet', 'team');
 * ```
 */
export function get(
  client: Client,
  slugOrUuidOrIdOrName: ApplicationIdentifier,
  tagKey: string,
): Promise<string | undefined> {
  return read.getValue(client, applicationTags, slugOrUuidOrIdOrName, tagKey);
}

/**
 * Sets a tag of an application, creating or overwriting it (an upsert: `POST`, and on a conflict
 * `PATCH`). The key must be non-empty, without whitespace, and not start with `io.resin.` or `io.balena.`.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param tagKey - the tag key
 * @param value - the value (any string)
 * @throws InvalidParameter naming the broken rule, before any request; ApplicationNotFound, AmbiguousApplication
 * @example
 * ```ts
 * await set(client, 'admin/my-fleet', 'team', 'platform');
 * ```
 */
export function set(
  client: Client,
  slugOrUuidOrIdOrName: ApplicationIdentifier,
  tagKey: string,
  value: string,
): Promise<void> {
  return write.setValue(client, applicationTags, slugOrUuidOrIdOrName, tagKey, value);
}

/**
 * Removes a tag of an application. Removing a tag that does not exist is not an error.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param tagKey - the tag key
 * @throws InvalidParameter for an empty key or a malformed application; ApplicationNotFound, AmbiguousApplication
 * @example
 * ```ts
 * await remove(client, 'admin/my-fleet', 'team');
 * ```
 */
export function remove(client: Client, slugOrUuidOrIdOrName: ApplicationIdentifier, tagKey: string): Promise<void> {
  return write.removeByKey(client, applicationTags, slugOrUuidOrIdOrName, tagKey);
}
