import { type Client, DeviceNotFound, InvalidParameter } from '@balena-ts/core';
import type { DeviceIdentifier } from '../types.js';

const FULL_UUID_PATTERN = /^(?:[0-9a-f]{32}|[0-9a-f]{62})$/i;

/**
 * Checks a device argument before anything else happens.
 *
 * @param uuidOrId - a full uuid (32 or 62 hex characters) or a positive integer id
 * @returns the lowercased uuid, or the id
 * @throws {@link InvalidParameter} for anything else (objects included)
 */
export function checkDevice(uuidOrId: unknown): string | number {
  if (typeof uuidOrId === 'number' && Number.isSafeInteger(uuidOrId) && uuidOrId > 0) return uuidOrId;
  if (typeof uuidOrId === 'string' && FULL_UUID_PATTERN.test(uuidOrId)) return uuidOrId.toLowerCase();
  throw new InvalidParameter('uuid', uuidOrId, 'expected a uuid of 32 or 62 hex characters, or a numeric id');
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
