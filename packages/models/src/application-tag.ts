// Application tags (seed `balena.models.tag.application`).
import { applicationParent } from './dependent-resource/application-parent.js';
import { bindGet, bindGetAllByParent, bindGetEvery, bindRemoveByKey, bindSet } from './dependent-resource/bind.js';
import { dependentResource } from './dependent-resource/definition.js';
import { TAG_RULES } from './dependent-resource/name-rules.js';
import type {
  GetEveryRow,
  GetRowsOf,
  GetRowValue,
  RemoveRowByKey,
  SetRowValue,
} from './dependent-resource/operation-types.js';
import type { ApplicationIdentifier } from './internal/application.js';
import type { ApplicationTag } from './types/tag.js';

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
export type { ApplicationReference } from './types/parent-reference.js';
export type { ApplicationTag, TagFields } from './types/tag.js';

const definition = /* @__PURE__ */ dependentResource<ApplicationIdentifier>(
  'application_tag',
  'application',
  applicationParent,
  TAG_RULES,
);

/**
 * Lists every application tag the caller can read, by key (`GET /v7/application_tag`).
 *
 * @param client - the client
 * @param options - OData options merged into the query; a literal `$select` narrows the result type
 * @returns the tags
 * @example
 * ```ts
 * const tags = await getAll(client);
 * ```
 */
export const getAll: GetEveryRow<ApplicationTag> = /* @__PURE__ */ bindGetEvery(definition);

/**
 * Lists the tags of an application, by key.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param options - OData options merged into the query
 * @returns the tags
 * @throws ApplicationNotFound, AmbiguousApplication, InvalidParameter
 * @example
 * ```ts
 * const tags = await getAllByApplication(client, 'admin/my-fleet');
 * ```
 */
export const getAllByApplication: GetRowsOf<ApplicationIdentifier, ApplicationTag> =
  /* @__PURE__ */ bindGetAllByParent(definition);

/**
 * Reads the value of one tag of an application.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param tagKey - the tag key
 * @returns the value, or `undefined` when the application has no such tag
 * @throws InvalidParameter for an empty key; ApplicationNotFound, AmbiguousApplication
 * @example
 * ```ts
 * const team = await get(client, 'admin/my-fleet', 'team');
 * ```
 */
export const get: GetRowValue<ApplicationIdentifier> = /* @__PURE__ */ bindGet(definition);

/**
 * Sets a tag on an application, creating or overwriting it (an upsert). The key must be non-empty,
 * without whitespace, and not start with `io.resin.` or `io.balena.`.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param tagKey - the tag key
 * @param value - the value (any string)
 * @throws InvalidParameter naming the broken rule, before any request; ApplicationNotFound
 * @example
 * ```ts
 * await set(client, 'admin/my-fleet', 'team', 'platform');
 * ```
 */
export const set: SetRowValue<ApplicationIdentifier> = /* @__PURE__ */ bindSet(definition);

/**
 * Removes a tag from an application. Removing a tag that does not exist is not an error.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param tagKey - the tag key
 * @throws InvalidParameter for an empty key; ApplicationNotFound for an unknown slug or name
 * @example
 * ```ts
 * await remove(client, 'admin/my-fleet', 'team');
 * ```
 */
export const remove: RemoveRowByKey<ApplicationIdentifier> = /* @__PURE__ */ bindRemoveByKey(definition);
