import { type Client, InvalidDeviceType, InvalidParameter, isPositiveId, mergeOptions } from '@balena-ts/core';
import { checkText } from '../internal/argument-checks.js';
import { SUPPORTED_DEVICE_TYPES } from '../internal/device-type.js';
import { getRows } from '../internal/rows.js';
import type { DeviceType } from '../types/device-type.js';
import type { Selected, TypedOptions } from '../types/options.js';

const EXPECTED_SLUG_OR_NAME = 'expected a device type slug or name';

/**
 * Gets one device type by id, or by slug or alias (`raspberrypi4-64`, `raspberrypi`).
 *
 * @param client - the client
 * @param idOrSlug - the numeric id, or a slug or alias
 * @param options - OData options merged into the query; a literal `$select` narrows the result type
 * @returns the device type
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty slug or an id that is not a positive integer
 * @throws {@link @balena-ts/core#InvalidDeviceType} when no device type matches
 * @example
 * ```ts
 * const { name } = await get(client, 'raspberrypi4-64', { $select: 'name' });
 * ```
 */
export async function get<const O extends TypedOptions<DeviceType> = Record<never, never>>(
  client: Client,
  idOrSlug: number | string,
  options?: O,
): Promise<Selected<DeviceType, O>> {
  if (typeof idOrSlug === 'number') {
    if (!isPositiveId(idOrSlug)) throw new InvalidParameter('idOrSlug', idOrSlug, 'expected a positive integer id');
    const row = await client.pine.get<Selected<DeviceType, O>>({ resource: 'device_type', id: idOrSlug, options });
    if (row === undefined) throw new InvalidDeviceType(`Invalid device type: ${idOrSlug}`);
    return row;
  }
  checkText('idOrSlug', idOrSlug, EXPECTED_SLUG_OR_NAME);
  const [row] = await getAll(
    client,
    mergeOptions(
      {
        $top: 1,
        $filter: {
          device_type_alias: { $any: { $alias: 'dta', $expr: { dta: { is_referenced_by__alias: idOrSlug } } } },
        },
      },
      options,
    ) as O,
  );
  if (row === undefined) throw new InvalidDeviceType(`Invalid device type: ${idOrSlug}`);
  return row;
}

/**
 * Lists the device types, by name.
 *
 * @param client - the client
 * @param options - OData options merged into the query; a literal `$select` narrows the result type
 * @returns the device types
 * @throws {@link @balena-ts/core#InvalidParameter} for an unknown OData option, before any request
 * @example
 * ```ts
 * const types = await getAll(client, { $select: ['slug', 'name'] });
 * ```
 */
export async function getAll<const O extends TypedOptions<DeviceType> = Record<never, never>>(
  client: Client,
  options?: O,
): Promise<Selected<DeviceType, O>[]> {
  return getRows<Selected<DeviceType, O>>(client, 'device_type', { $orderby: 'name asc' }, options);
}

/**
 * Lists the device types balenaOS supports today: those whose host application is not archived
 * and has a successful, final, valid release.
 *
 * @param client - the client
 * @param options - OData options merged into the query; a literal `$select` narrows the result type
 * @returns the supported device types, by name
 * @throws {@link @balena-ts/core#InvalidParameter} for an unknown OData option, before any request
 * @example
 * ```ts
 * const slugs = (await getAllSupported(client, { $select: 'slug' })).map((type) => type.slug);
 * ```
 */
export async function getAllSupported<const O extends TypedOptions<DeviceType> = Record<never, never>>(
  client: Client,
  options?: O,
): Promise<Selected<DeviceType, O>[]> {
  return getAll(client, mergeOptions({ $filter: SUPPORTED_DEVICE_TYPES }, options) as O);
}

/**
 * Gets one device type by its slug or its display name.
 *
 * @param client - the client
 * @param slugOrName - a slug (`raspberrypi3`) or a name (`Raspberry Pi 3`)
 * @param options - OData options merged into the query; a literal `$select` narrows the result type
 * @returns the device type
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty argument, before any request
 * @throws {@link @balena-ts/core#InvalidDeviceType} when no device type matches
 * @example
 * ```ts
 * const { slug } = await getBySlugOrName(client, 'Raspberry Pi 3', { $select: 'slug' });
 * ```
 */
export async function getBySlugOrName<const O extends TypedOptions<DeviceType> = Record<never, never>>(
  client: Client,
  slugOrName: string,
  options?: O,
): Promise<Selected<DeviceType, O>> {
  checkText('slugOrName', slugOrName, EXPECTED_SLUG_OR_NAME);
  const [row] = await getAll(
    client,
    mergeOptions({ $top: 1, $filter: { $or: { name: slugOrName, slug: slugOrName } } }, options) as O,
  );
  if (row === undefined) throw new InvalidDeviceType(`Invalid device type: ${slugOrName}`);
  return row;
}

/**
 * Gets the display name of a device type.
 *
 * @param client - the client
 * @param deviceTypeSlug - the slug, e.g. `raspberrypi3` (a name works too)
 * @returns the name, e.g. `Raspberry Pi 3`
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty argument, before any request
 * @throws {@link @balena-ts/core#InvalidDeviceType} when no device type matches
 * @example
 * ```ts
 * const name = await getName(client, 'raspberrypi3');
 * ```
 */
export async function getName(client: Client, deviceTypeSlug: string): Promise<string> {
  return (await getBySlugOrName(client, deviceTypeSlug, { $select: 'name' })).name;
}

/**
 * Gets the slug of a device type from its display name.
 *
 * @param client - the client
 * @param deviceTypeName - the name, e.g. `Raspberry Pi 3` (a slug works too)
 * @returns the slug, e.g. `raspberrypi3`
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty argument, before any request
 * @throws {@link @balena-ts/core#InvalidDeviceType} when no device type matches
 * @example
 * ```ts
 * const slug = await getSlugByName(client, 'Raspberry Pi 3');
 * ```
 */
export async function getSlugByName(client: Client, deviceTypeName: string): Promise<string> {
  return (await getBySlugOrName(client, deviceTypeName, { $select: 'slug' })).slug;
}
