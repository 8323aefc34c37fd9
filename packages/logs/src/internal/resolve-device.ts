import { type Client, DeviceNotFound, InvalidParameter, parseDeviceIdentifier } from '@balena-ts/core';
import type { DeviceIdentifier } from '../types.js';

/**
 * Checks a device argument before anything else happens.
 *
 * @param uuidOrId - a full uuid (32 or 62 hex characters) or an id (a number, or a string of digits)
 * @returns the lowercased uuid, or the id
 * @throws {@link InvalidParameter} for anything else (objects included)
 */
export function checkDevice(uuidOrId: unknown): string | number {
  return parseDeviceIdentifier(uuidOrId, 'uuid');
}

/**
 * Finds a device's uuid (DEV(x) with `$select=uuid`), as balena's SDKs do before reading logs; a
 * full uuid is returned as it is, without a request, when `lookUpUuids` is false.
 *
 * @param client - the client
 * @param uuidOrId - a full uuid or a numeric id
 * @param signal - aborts the request
 * @param lookUpUuids - also look a full uuid up (default true: a stream checks its device first)
 * @returns the device's uuid
 * @throws {@link InvalidParameter} for a malformed argument
 * @throws {@link DeviceNotFound} when no device matches
 */
export async function resolveDeviceUuid(
  client: Client,
  uuidOrId: DeviceIdentifier,
  signal?: AbortSignal,
  lookUpUuids = true,
): Promise<string> {
  const device = checkDevice(uuidOrId);
  if (typeof device === 'string' && !lookUpUuids) return device;
  const row = await client.pine.get<{ uuid: string }>({
    resource: 'device',
    id: typeof device === 'number' ? device : { uuid: device },
    options: { $select: 'uuid' },
    signal,
  });
  if (!row) throw new DeviceNotFound(uuidOrId);
  return row.uuid;
}

/**
 * Checks an options argument: undefined, or an object.
 *
 * @param options - the caller's options
 * @returns the options, `{}` for undefined or null
 * @throws {@link InvalidParameter} for anything else
 */
export function checkOptions<T extends object>(options: T | null | undefined): T | Record<never, never> {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object') throw new InvalidParameter('options', options, 'expected an object');
  return options;
}
