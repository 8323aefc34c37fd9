import { type Client, type Filter, InvalidDeviceType, mergeOptions, type ODataOptions } from '@balena-ts/core';
import { checkText } from './argument-checks.js';

/**
 * The device types balena offers for new fleets: those that are the default device type of an
 * active host (balenaOS) fleet with at least one final, valid, successful release.
 */
export const SUPPORTED_DEVICE_TYPES: Filter = {
  is_default_for__application: {
    $any: {
      $alias: 'idfa',
      $expr: {
        idfa: {
          is_host: true,
          is_archived: false,
          owns__release: {
            $any: { $alias: 'r', $expr: { r: { status: 'success', is_final: true, is_invalidated: false } } },
          },
        },
      },
    },
  },
};

/**
 * Checks a device type argument before any request.
 *
 * @param slugOrName - the value as given
 * @throws {@link @balena-ts/core#InvalidParameter} for `''` or a value that is not a string
 * @example
 * ```ts
 * checkDeviceTypeArgument('raspberrypi4-64'); // passes
 * ```
 */
export function checkDeviceTypeArgument(slugOrName: string): void {
  checkText('deviceType', slugOrName, 'expected a device type slug or name');
}

/**
 * Finds a device type by slug, alias or display name in one request (balena's Python SDK took display names,
 * today's API takes slugs and aliases).
 *
 * @typeParam T - the shape of the returned row
 * @param client - the client
 * @param slugOrName - a slug (`raspberrypi4-64`), an alias (`raspberrypi4`) or a name (`Raspberry Pi 4 (using 64bit OS)`)
 * @param options - OData options merged into the query
 * @returns the device type
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty argument
 * @throws {@link @balena-ts/core#InvalidDeviceType} when nothing matches
 * @example
 * ```ts
 * const { id } = await findDeviceType<{ id: number }>(client, 'Raspberry Pi 3', { $select: 'id' });
 * ```
 */
export async function findDeviceType<T>(client: Client, slugOrName: string, options?: ODataOptions): Promise<T> {
  checkDeviceTypeArgument(slugOrName);
  const query = mergeOptions(
    {
      $top: 1,
      $orderby: 'name asc',
      $filter: {
        $or: [
          { slug: slugOrName },
          { name: slugOrName },
          { device_type_alias: { $any: { $alias: 'dta', $expr: { dta: { is_referenced_by__alias: slugOrName } } } } },
        ],
      },
    },
    options,
  );
  const [row] = await client.pine.get<T>({ resource: 'device_type', options: query });
  if (row === undefined) throw new InvalidDeviceType(`Invalid device type: ${slugOrName}`);
  return row;
}
