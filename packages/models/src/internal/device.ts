import { type Client, DeviceNotFound, type ODataOptions, parseDeviceIdentifier } from '@balena-ts/core';
import { readByKey } from './read-by-key.js';

/** What a device argument may be: an id (a number or a string of digits), or a full uuid (32 or 62 hex characters). */
export type DeviceIdentifier = string | number;

/**
 * Validates a device argument and turns it into a pine key: a number for an id, `{ uuid }`
 * (lowercased) for a uuid.
 *
 * @param uuidOrId - an id (a positive integer, or a string of its digits), or a full uuid
 * @param parameterName - the name the error reports (default `uuidOrId`)
 * @returns the key for `client.pine`
 * @throws {@link @balena-ts/core#InvalidParameter} for anything else (`''`, a short uuid, NaN, a negative id...)
 * @example
 * ```ts
 * deviceKey(12); // 12
 * deviceKey('7CF02A6…'); // { uuid: '7cf02a6…' }
 * ```
 */
export function deviceKey(uuidOrId: DeviceIdentifier, parameterName = 'uuidOrId'): number | { uuid: string } {
  const device = parseDeviceIdentifier(uuidOrId, parameterName);
  return typeof device === 'number' ? device : { uuid: device };
}

/**
 * Gets one device by id or full uuid, with the caller's OData options. Concurrent gets through the
 * same client share one request (see `readByKey`).
 *
 * @typeParam T - the shape of the returned row
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid
 * @param options - OData options for the request
 * @returns the device
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed argument
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @example
 * ```ts
 * const device = await getDevice<{ id: number }>(client, uuid, { $select: 'id' });
 * ```
 */
export async function getDevice<T>(client: Client, uuidOrId: DeviceIdentifier, options?: ODataOptions): Promise<T> {
  const key = deviceKey(uuidOrId);
  const row =
    typeof key === 'number'
      ? await readByKey<T>(client, 'device', 'id', key, options)
      : await readByKey<T>(client, 'device', 'uuid', key.uuid, options);
  if (row === undefined) throw new DeviceNotFound(uuidOrId);
  return row;
}

/**
 * Resolves a device argument to its numeric id; a number is returned without a request.
 *
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid
 * @returns the device id
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed argument
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device has that uuid
 * @example
 * ```ts
 * const id = await resolveDeviceId(client, uuid);
 * ```
 */
export async function resolveDeviceId(client: Client, uuidOrId: DeviceIdentifier): Promise<number> {
  const key = deviceKey(uuidOrId);
  if (typeof key === 'number') return key;
  const row = await getDevice<{ id: number }>(client, uuidOrId, { $select: 'id' });
  return row.id;
}
