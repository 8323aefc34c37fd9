// Getting an image and its build log.
import { type Client, ImageNotFound, type ODataOptions, parseRowId } from '@balena-ts/core';
import { checkODataOptions } from '../internal/odata-options.js';
import { getRow } from '../internal/rows.js';
import type { Image } from '../types/image.js';
import type { Selected, TypedOptions } from '../types/options.js';

/**
 * The fields `get` returns when the caller selects none: the balena Python SDK's list. The build log is left out
 * because it can be large; {@link getLog} reads it.
 */
export const IMAGE_DEFAULT_FIELDS: readonly (keyof Image & string)[] = [
  'id',
  'content_hash',
  'dockerfile',
  'project_type',
  'status',
  'error_message',
  'image_size',
  'created_at',
  'push_timestamp',
  'start_timestamp',
  'end_timestamp',
];

async function getImage<T>(client: Client, id: number | string, options: ODataOptions): Promise<T> {
  const imageId = parseRowId(id, 'id');
  return getRow<T>(client, 'image', imageId, options, () => new ImageNotFound(imageId));
}

/**
 * Gets one image (`GET /v7/image(id)`). Without a `$select` it returns the balena Python SDK's fields
 * ({@link IMAGE_DEFAULT_FIELDS}); a caller's `$select` replaces that list.
 *
 * @param client - the client
 * @param id - the image id (a number, or a string of digits)
 * @param options - OData options; a literal `$select` narrows the result type
 * @returns the image
 * @throws InvalidParameter for a malformed id or options, before any request; ImageNotFound
 * @example
 * ```ts
 * const image = await get(client, 1234, { $select: ['status', 'image_size'] });
 * ```
 */
export async function get<const O extends TypedOptions<Image> = {}>(
  client: Client,
  id: number | string,
  options?: O,
): Promise<Selected<Image, O>> {
  const { $select, ...rest } = checkODataOptions(options as ODataOptions) ?? {};
  return getImage(client, id, { ...rest, $select: $select ?? IMAGE_DEFAULT_FIELDS });
}

/**
 * Gets the build log of an image (`GET /v7/image(id)?$select=build_log`).
 *
 * @param client - the client
 * @param id - the image id (a number, or a string of digits)
 * @returns the build log, or `null` when the image has none
 * @throws InvalidParameter for a malformed id; ImageNotFound
 * @example
 * ```ts
 * const log = await getLog(client, 1234);
 * ```
 */
export async function getLog(client: Client, id: number | string): Promise<string | null> {
  const image = await getImage<Pick<Image, 'build_log'>>(client, id, { $select: 'build_log' });
  return image.build_log ?? null;
}

/**
 * Today's name for {@link getLog}.
 *
 * @param client - the client
 * @param id - the image id
 * @returns the build log, or `null`
 * @throws InvalidParameter; ImageNotFound
 * @example
 * ```ts
 * const log = await getLogs(client, 1234);
 * ```
 */
export const getLogs: (client: Client, id: number | string) => Promise<string | null> = getLog;
