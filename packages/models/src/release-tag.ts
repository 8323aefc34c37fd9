// Release tags (seed `balena.models.tag.release`).
import { applicationParent } from './dependent-resource/application-parent.js';
import {
  bindGet,
  bindGetAllByOwner,
  bindGetAllByParent,
  bindGetEvery,
  bindRemoveByKey,
  bindSet,
} from './dependent-resource/bind.js';
import { dependentResource } from './dependent-resource/definition.js';
import { TAG_RULES } from './dependent-resource/name-rules.js';
import type {
  GetEveryRow,
  GetRowsOf,
  GetRowValue,
  RemoveRowByKey,
  SetRowValue,
} from './dependent-resource/operation-types.js';
import { ownedVia } from './dependent-resource/owner-filter.js';
import { releaseParent } from './dependent-resource/release-parent.js';
import type { ApplicationIdentifier } from './internal/application.js';
import type { ReleaseIdentifier } from './types/release.js';
import type { ReleaseTag } from './types/tag.js';

export type {
  GetEveryRow,
  GetRowsOf,
  GetRowValue,
  RemoveRowByKey,
  SetRowValue,
} from './dependent-resource/operation-types.js';
export type { ApplicationIdentifier } from './internal/application.js';
export type { Deferred, Navigation } from './types/navigation.js';
export type { Selected, TypedOptions } from './types/options.js';
export type { ReleaseIdentifier } from './types/release.js';
export type { ReleaseReference } from './types/release-reference.js';
export type { ReleaseTag, TagFields } from './types/tag.js';

const definition = /* @__PURE__ */ dependentResource<ReleaseIdentifier>(
  'release_tag',
  'release',
  releaseParent,
  TAG_RULES,
);

/**
 * Lists every release tag the caller can read, by key.
 *
 * @param client - the client
 * @param options - OData options merged into the query; a literal `$select` narrows the result type
 * @returns the tags
 * @example
 * ```ts
 * const tags = await getAll(client);
 * ```
 */
export const getAll: GetEveryRow<ReleaseTag> = /* @__PURE__ */ bindGetEvery(definition);

/**
 * Lists the tags of every release of an application, by key.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param options - OData options merged into the query
 * @returns the tags
 * @throws ApplicationNotFound, AmbiguousApplication, InvalidParameter
 * @example
 * ```ts
 * const tags = await getAllByApplication(client, 1043050);
 * ```
 */
export const getAllByApplication: GetRowsOf<ApplicationIdentifier, ReleaseTag> = /* @__PURE__ */ bindGetAllByOwner(
  definition,
  applicationParent,
  ownedVia(['release'], 'belongs_to__application'),
);

/**
 * Lists the tags of one release, by key.
 *
 * @param client - the client
 * @param commitOrIdOrRawVersion - the release: an id, a full commit, or `{ application, rawVersion }`
 * @param options - OData options merged into the query
 * @returns the tags
 * @throws InvalidParameter; ReleaseNotFound, AmbiguousRelease
 * @example
 * ```ts
 * const tags = await getAllByRelease(client, 135);
 * ```
 */
export const getAllByRelease: GetRowsOf<ReleaseIdentifier, ReleaseTag> = /* @__PURE__ */ bindGetAllByParent(definition);

/**
 * Reads the value of one tag of a release.
 *
 * @param client - the client
 * @param commitOrIdOrRawVersion - the release: an id, a full commit, or `{ application, rawVersion }`
 * @param tagKey - the tag key
 * @returns the value, or `undefined` when the release has no such tag
 * @throws InvalidParameter for an empty key; ReleaseNotFound, AmbiguousRelease
 * @example
 * ```ts
 * const notes = await get(client, commit, 'notes');
 * ```
 */
export const get: GetRowValue<ReleaseIdentifier> = /* @__PURE__ */ bindGet(definition);

/**
 * Sets a tag on a release, creating or overwriting it (an upsert). The key must be non-empty,
 * without whitespace, and not start with `io.resin.` or `io.balena.`.
 *
 * @param client - the client
 * @param commitOrIdOrRawVersion - the release: an id, a full commit, or `{ application, rawVersion }`
 * @param tagKey - the tag key
 * @param value - the value (any string)
 * @throws InvalidParameter naming the broken rule, before any request; ReleaseNotFound
 * @example
 * ```ts
 * await set(client, 465307, 'releaseTag1', 'Python SDK');
 * ```
 */
export const set: SetRowValue<ReleaseIdentifier> = /* @__PURE__ */ bindSet(definition);

/**
 * Removes a tag from a release. Removing a tag that does not exist is not an error.
 *
 * @param client - the client
 * @param commitOrIdOrRawVersion - the release: an id, a full commit, or `{ application, rawVersion }`
 * @param tagKey - the tag key
 * @throws InvalidParameter for an empty key; ReleaseNotFound for an unknown commit or version
 * @example
 * ```ts
 * await remove(client, 135, 'releaseTag1');
 * ```
 */
export const remove: RemoveRowByKey<ReleaseIdentifier> = /* @__PURE__ */ bindRemoveByKey(definition);
