import { type Client, DeviceNotFound } from '@balena-ts/core';
import { type DeviceIdentifier, resolveDeviceId } from '../internal/device.js';
import { translateStatus } from '../internal/request-errors.js';

const UUID_BYTES = 31;
function randomHex(byteCount: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(byteCount));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Generates a random key of 32 hex characters, usable as a device uuid or as a device API key
 * (balena's JavaScript SDK's `generateUniqueKey`: a version 4 UUID without its dashes); makes no request.
 *
 * @returns 32 lowercase hex characters
 * @example
 * ```ts
 * const uuid = generateUniqueKey();
 * await register(client, 'myorg/myfleet', uuid);
 * ```
 */
export function generateUniqueKey(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

/**
 * Generates a random device uuid: 62 lowercase hex characters, as balena's Python SDK did (64 would break the
 * OpenVPN certificate CN; 32-character uuids are accepted everywhere too).
 *
 * @returns the uuid
 * @example
 * ```ts
 * const uuid = generateUuid(); // '19dcb86aa288c66ffbd261c7bcd46117c4c25ec655107d7302aef88b99d14c'
 * ```
 */
export function generateUuid(): string {
  return randomHex(UUID_BYTES);
}

/**
 * Generates a device API key, with which the device talks to the API.
 *
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid
 * @param keyName - a name for the key
 * @param keyDescription - a description
 * @param keyExpiryDate - when the key stops working (ISO 8601); never by default
 * @returns the key
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed device argument
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @example
 * ```ts
 * const deviceKey = await generateDeviceKey(client, uuid, 'provisioning script');
 * ```
 */
export async function generateDeviceKey(
  client: Client,
  uuidOrId: DeviceIdentifier,
  keyName?: string,
  keyDescription?: string,
  keyExpiryDate?: string | null,
): Promise<string> {
  const id = await resolveDeviceId(client, uuidOrId);
  // A numeric id is not looked up first: the API's 404 is the "no such device" answer.
  return translateStatus(
    client.request<string>(`/api-key/device/${id}/device-key`, {
      method: 'POST',
      body: { name: keyName, description: keyDescription, expiryDate: keyExpiryDate ?? null },
    }),
    404,
    (cause) => new DeviceNotFound(uuidOrId, { cause }),
  );
}
