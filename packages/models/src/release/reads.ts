// Reading releases: one by id, commit or raw version, an application's releases, its latest, and
// one with its images' details.
import { type Client, mergeOptions, type ODataOptions } from '@balena-ts/core';
import { applicationParent } from '../dependent-resource/application-parent.js';
import { listChildren } from '../dependent-resource/list-children.js';
import type { ApplicationIdentifier } from '../internal/application.js';
import { getRelease } from '../internal/release.js';
import type { Selected, TypedOptions } from '../types/options.js';
import type { Release, ReleaseIdentifier, ReleaseWithImageDetails } from '../types/release.js';
import { getReleaseWithImageDetails, type ImageDetailsOptions } from './get-with-image-details.js';

/**
 * Gets one release: by id (`GET /v7/release(id)`), by full commit, or by an application and a raw
 * version (`{ application, rawVersion }`).
 *
 * @param client - the client
 * @param commitOrIdOrRawVersion - an id, a full commit, or `{ application, rawVersion }`
 * @param options - OData options merged into the query; a literal `$select` narrows the result type
 * @returns the release
 * @throws InvalidParameter for `''` or a malformed argument
 * @throws ReleaseNotFound; AmbiguousRelease when several releases match; ApplicationNotFound for the pair form
 * @example
 * ```ts
 * const release = await get(client, commit, { $select: ['id', 'status'] });
 * const tagged = await get(client, { application: 'admin/my-fleet', rawVersion: '1.2.3' });
 * ```
 */
export function get<const O extends TypedOptions<Release> = {}>(
  client: Client,
  commitOrIdOrRawVersion: ReleaseIdentifier,
  options?: O,
): Promise<Selected<Release, O>> {
  return getRelease(client, commitOrIdOrRawVersion, options as ODataOptions);
}

/**
 * Lists the releases of an application, newest first.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param options - OData options merged into the query; a literal `$select` narrows the result type
 * @returns the releases
 * @throws ApplicationNotFound, AmbiguousApplication, InvalidParameter
 * @example
 * ```ts
 * const releases = await getAllByApplication(client, 'admin/my-fleet', { $filter: { status: 'success' } });
 * ```
 */
export function getAllByApplication<const O extends TypedOptions<Release> = {}>(
  client: Client,
  slugOrUuidOrIdOrName: ApplicationIdentifier,
  options?: O,
): Promise<Selected<Release, O>[]> {
  return listChildren(
    client,
    applicationParent,
    slugOrUuidOrIdOrName,
    { resource: 'release', filter: (id) => ({ belongs_to__application: id }), orderBy: 'created_at desc' },
    options as ODataOptions,
  );
}

/**
 * Gets the newest successful release of an application.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param options - OData options merged into the query
 * @returns the release, or `undefined` when the application has no successful release
 * @throws ApplicationNotFound, AmbiguousApplication, InvalidParameter
 * @example
 * ```ts
 * const latest = await getLatestByApplication(client, 'admin/my-fleet', { $select: ['commit'] });
 * ```
 */
export async function getLatestByApplication<const O extends TypedOptions<Release> = {}>(
  client: Client,
  slugOrUuidOrIdOrName: ApplicationIdentifier,
  options?: O,
): Promise<Selected<Release, O> | undefined> {
  const [latest] = await getAllByApplication(
    client,
    slugOrUuidOrIdOrName,
    mergeOptions({ $top: 1, $filter: { status: 'success' } }, options as ODataOptions) as O,
  );
  return latest;
}

/**
 * Gets a release with the details of the images built for it, in one request: `images` holds one
 * entry per image (`id`, `service_name` and any image fields asked for), sorted by service name, and
 * `user` the creator's `{ id, username }`.
 *
 * @param client - the client
 * @param commitOrIdOrRawVersion - an id, a full commit, or `{ application, rawVersion }`
 * @param options - `release`: options merged into the release query; `image`: into each image's expand
 * @returns the release with `images` and `user`
 * @throws InvalidParameter, ReleaseNotFound, AmbiguousRelease, ApplicationNotFound
 * @example
 * ```ts
 * const release = await getWithImageDetails(client, commit, { image: { $select: ['status', 'image_size'] } });
 * for (const image of release.images) console.log(image.service_name, image.status);
 * ```
 */
export function getWithImageDetails(
  client: Client,
  commitOrIdOrRawVersion: ReleaseIdentifier,
  options?: ImageDetailsOptions,
): Promise<ReleaseWithImageDetails> {
  return getReleaseWithImageDetails(client, commitOrIdOrRawVersion, options);
}
