import { type Client, DeviceNotFound, InvalidParameter, mergeOptions } from '@balena-ts/core';
import { type DeviceIdentifier, getDevice } from '../internal/device.js';
import { isFound } from '../internal/is-found.js';
import type { Device } from '../types/device.js';
import type { Selected, TypedOptions } from '../types/options.js';

/**
 * Gets one device by id or full uuid.
 *
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid (32 or 62 hex characters)
 * @param options - OData options merged into the query; a literal `$select` narrows the result type
 * @returns the device
 * @throws {@link @balena-ts/core#InvalidParameter} for `''`, a short uuid or a malformed id
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @example
 * ```ts
 * const device = await get(client, uuid, { $select: ['id', 'device_name', 'overall_status'] });
 * ```
 */
export function get<const O extends TypedOptions<Device> = Record<never, never>>(
  client: Client,
  uuidOrId: DeviceIdentifier,
  options?: O,
): Promise<Selected<Device, O>> {
  return getDevice<Selected<Device, O>>(client, uuidOrId, options);
}

/**
 * Gets the devices with a given name (names are not unique).
 *
 * @param client - the client
 * @param name - the device name
 * @param options - OData options merged into the query
 * @returns the matching devices, ordered by name
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty name
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device has that name
 * @example
 * ```ts
 * const [device] = await getByName(client, 'green-waterfall');
 * ```
 */
export async function getByName<const O extends TypedOptions<Device> = Record<never, never>>(
  client: Client,
  name: string,
  options?: O,
): Promise<Selected<Device, O>[]> {
  if (typeof name !== 'string' || name === '') throw new InvalidParameter('name', name, 'expected a device name');
  const rows = await client.pine.get<Selected<Device, O>>({
    resource: 'device',
    options: mergeOptions({ $orderby: 'device_name asc', $filter: { device_name: name } }, options),
  });
  if (rows.length === 0) throw new DeviceNotFound(name);
  return rows;
}

/**
 * Gets the name of a device.
 *
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid
 * @returns the device name
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed argument
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @example
 * ```ts
 * const name = await getName(client, uuid);
 * ```
 */
export async function getName(client: Client, uuidOrId: DeviceIdentifier): Promise<string> {
  const row = await getDevice<{ device_name: string }>(client, uuidOrId, { $select: 'device_name' });
  return row.device_name;
}

/**
 * Gets the name of the application a device belongs to.
 *
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid
 * @returns the application name
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed argument
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @example
 * ```ts
 * const appName = await getApplicationName(client, uuid);
 * ```
 */
export async function getApplicationName(client: Client, uuidOrId: DeviceIdentifier): Promise<string> {
  const row = await getDevice<{ belongs_to__application: { app_name: string }[] }>(client, uuidOrId, {
    $select: 'id',
    $expand: { belongs_to__application: { $select: 'app_name' } },
  });
  const [application] = row.belongs_to__application;
  if (application === undefined) throw new DeviceNotFound(uuidOrId);
  return application.app_name;
}

/**
 * Tells whether a device exists and is visible to the user.
 *
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid
 * @returns true when it exists
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed argument (a short uuid is not "missing", it is invalid)
 * @example
 * ```ts
 * if (!(await has(client, uuid))) console.log('gone');
 * ```
 */
export function has(client: Client, uuidOrId: DeviceIdentifier): Promise<boolean> {
  return isFound(getDevice(client, uuidOrId, { $select: 'id' }), DeviceNotFound);
}
