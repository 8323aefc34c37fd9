import type { Client } from '@balena-ts/core';
import { subscriptionsOf } from './internal/registry.js';
import { checkDevice } from './internal/resolve-device.js';
import type { DeviceIdentifier } from './types.js';

/**
 * Ends every subscription of this client to a device's logs.
 *
 * @param client - the client
 * @param uuid - the device, as given to `subscribe` (a uuid matches whatever its case)
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed uuid
 * @example
 * ```ts
 * subscribe(client, uuid, console.log);
 * unsubscribe(client, uuid);
 * ```
 */
export function unsubscribe(client: Client, uuid: DeviceIdentifier): void {
  checkDevice(uuid);
  for (const subscription of subscriptionsOf(client, uuid)) subscription.unsubscribe();
}
