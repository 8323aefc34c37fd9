import { type Client, checkOptionsObject, mergeOptions, type ODataOptions } from '@balena-ts/core';
import { getRelease } from '../internal/release.js';
import type { Image } from '../types/image.js';
import type { Release, ReleaseIdentifier, ReleaseImageDetails, ReleaseWithImageDetails } from '../types/release.js';

/** Extra OData options for `getWithImageDetails`: one set for the release, one for its images. */
export interface ImageDetailsOptions {
  /** Options merged into the release query. */
  readonly release?: ODataOptions;
  /** Options merged into each image's expand (e.g. `$select: ['status', 'image_size']`). */
  readonly image?: ODataOptions;
}

type ExpandedImage = Partial<Image> & { id: number; is_a_build_of__service: { service_name: string }[] };
type ExpandedRelease = Omit<Release, 'release_image' | 'is_created_by__user'> & {
  release_image: { image: ExpandedImage[] }[];
  is_created_by__user: { id: number; username: string }[] | { __id: number } | null;
};

function toImageDetails(image: ExpandedImage): ReleaseImageDetails {
  const { is_a_build_of__service: service, ...fields } = image;
  return { ...fields, service_name: service[0]?.service_name ?? '' };
}

/**
 * Gets a release with its images and its creator in one request: the release's `release_image`
 * links expanded to each image and its service name, and `is_created_by__user` to `{ id, username }`.
 *
 * @param client - the client
 * @param commitOrIdOrRawVersion - an id, a full commit, or `{ application, rawVersion }`
 * @param options - options merged into the release query and into each image's expand
 * @returns the release with `images` (sorted by service name) and `user` (or `undefined`)
 * @throws InvalidParameter (also for options that are not an object, before any request), ReleaseNotFound,
 * AmbiguousRelease, ApplicationNotFound
 */
export async function getReleaseWithImageDetails(
  client: Client,
  commitOrIdOrRawVersion: ReleaseIdentifier,
  options: ImageDetailsOptions = {},
): Promise<ReleaseWithImageDetails> {
  const { image, release: releaseOptions } = checkOptionsObject('options', options);
  const imageQuery = mergeOptions(
    { $select: 'id', $expand: { is_a_build_of__service: { $select: 'service_name' } } },
    image,
  );
  const query = mergeOptions(
    {
      $expand: {
        release_image: { $expand: { image: imageQuery } },
        is_created_by__user: { $select: ['id', 'username'] },
      },
    },
    releaseOptions,
  );
  const release = await getRelease<ExpandedRelease>(client, commitOrIdOrRawVersion, query);
  const { release_image: links, is_created_by__user: creator, ...fields } = release;
  const images = links
    .flatMap((link) => link.image.map(toImageDetails))
    .sort((first, second) =>
      first.service_name < second.service_name ? -1 : first.service_name > second.service_name ? 1 : 0,
    );
  const user = Array.isArray(creator) ? creator[0] : undefined;
  return { ...fields, images, user };
}
