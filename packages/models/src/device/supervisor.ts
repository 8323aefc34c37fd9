import type { Client } from '@balena-ts/core';
import { type DeviceIdentifier, getDevice } from '../internal/device.js';

/**
 * Makes a device blink its LED, so that it can be told apart (through the API's supervisor proxy).
 *
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed device argument, before any request
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @throws {@link @balena-ts/core#RequestError} 404 "No online device(s) found" when the device is offline
 * @returns resolves once the supervisor proxy accepted the request
 * @example
 * ```ts
 * await identify(client, uuid);
 * ```
 */
export async function identify(client: Client, uuidOrId: DeviceIdentifier): Promise<void> {
  const { uuid } = await getDevice<{ uuid: string }>(client, uuidOrId, { $select: 'uuid' });
  await client.request('/supervisor/v1/blink', { method: 'POST', body: { uuid } });
}
