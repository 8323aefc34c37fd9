import { type Client, DeviceNotFound, InvalidParameter } from '@balena-ts/core';
import type { DeviceIdentifier } from '../types.js';

const UUID_LENGTHS: ReadonlySet<number> = new Set([32, 62]);

/**
 * Finds a device's uuid (DEV(x) with `$select=uuid`), as balena's SDKs do before reading logs.
 *
 * @param client - the client
 * @param uuidOrId - a full uuid or a numeric id
 * @param signal - aborts the request
 * @returns the device's uuid
 * @throws {@link InvalidParameter} for a malformed argument
 * @throws {@link DeviceNotFound} when no device matches
 */
export async function resolveDeviceUuid(
  client: Client,
  uuidOrId: DeviceIdentifier,
  signal?: AbortSignal,
): Promise<string> {
  const isId = typeof uuidOrId === 'number' && Number.isSafeInteger(uuidOrId) && uuidOrId > 0;
  if (!isId && !(typeof uuidOrId === 'string' && UUID_LENGTHS.has(uuidOrId.length))) {
    throw new InvalidParameter('uuid', uuidOrId, 'expected a uuid of 32 or 62 characters, or a numeric id');
  }
  const device = await client.pine.get<{ uuid: string }>({
    resource: 'device',
    id: isId ? uuidOrId : { uuid: uuidOrId as string },
    options: { $select: 'uuid' },
    signal,
  });
  if (!device) throw new DeviceNotFound(uuidOrId);
  return device.uuid;
}
