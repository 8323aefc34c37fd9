import type { Client } from '@balena-ts/core';
import { subscriptionsOf } from './internal/registry.js';
import type { DeviceIdentifier } from './types.js';

/**
 * Ends every subscription of this client to a device's logs.
 *
 * @param client - the client
 * @param uuid - the device, as given to `subscribe`
 * @example
 * ```ts
 * subscribe(client, uuid, console.log);
 * unsubscribe(client, uuid);
 * ```
 */
export function unsubscribe(client: Client, uuid: DeviceIdentifier): void {
  for (const subscription of subscriptionsOf(client, uuid)) subscription.unsubscribe();
}
