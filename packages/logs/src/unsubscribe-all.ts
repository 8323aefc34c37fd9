import type { Client } from '@balena-ts/core';
import { subscriptionsOf } from './internal/registry.js';

/**
 * Ends every log subscription of this client.
 *
 * @param client - the client
 * @example
 * ```ts
 * unsubscribeAll(client);
 * ```
 */
export function unsubscribeAll(client: Client): void {
  for (const subscription of subscriptionsOf(client)) subscription.unsubscribe();
}
