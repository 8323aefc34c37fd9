import type { Client } from '@balena-ts/core';
import type { LogSubscription } from '../types.js';

// The client is plain data: its subscriptions are tracked beside it, keyed by the client object.
const subscriptionsByClient = new WeakMap<Client, Map<string, Set<LogSubscription>>>();

function keyOf(device: string | number): string {
  // Stryker disable next-line MethodExpression: the same normalisation stores and finds a key; upper case would do as well
  return String(device).toLowerCase();
}

/**
 * Records a subscription under its client and device.
 *
 * @param client - the client
 * @param device - the device argument given to `subscribe`
 * @param subscription - the subscription
 */
export function track(client: Client, device: string | number, subscription: LogSubscription): void {
  let byDevice = subscriptionsByClient.get(client);
  if (!byDevice) {
    byDevice = new Map();
    subscriptionsByClient.set(client, byDevice);
  }
  const key = keyOf(device);
  const set = byDevice.get(key) ?? new Set();
  set.add(subscription);
  byDevice.set(key, set);
}

/**
 * Forgets a subscription.
 *
 * @param client - the client
 * @param device - the device argument given to `subscribe`
 * @param subscription - the subscription
 */
export function untrack(client: Client, device: string | number, subscription: LogSubscription): void {
  const byDevice = subscriptionsByClient.get(client);
  const key = keyOf(device);
  const set = byDevice?.get(key);
  if (!set) return;
  set.delete(subscription);
  if (set.size === 0) byDevice?.delete(key);
}

/**
 * The subscriptions of a client, to one device or to all.
 *
 * @param client - the client
 * @param device - a device argument, or undefined for every device
 * @returns a copy of the matching subscriptions
 */
export function subscriptionsOf(client: Client, device?: string | number): LogSubscription[] {
  const byDevice = subscriptionsByClient.get(client);
  if (!byDevice) return [];
  if (device !== undefined) return [...(byDevice.get(keyOf(device)) ?? [])];
  return [...byDevice.values()].flatMap((set) => [...set]);
}
