import { type Client, InvalidParameter } from '@balena-ts/core';
import type { ApplicationId, DeviceUuid } from '../types.js';
import { callSupervisor, type SupervisorCall } from './supervisor-call.js';

/**
 * Checks the `force` argument of reboot, shutdown and update.
 *
 * @param force - a boolean, or undefined for false
 * @returns the boolean to send
 * @throws {@link InvalidParameter} for any other value
 */
export function checkForce(force: boolean | undefined): boolean {
  if (force === undefined || force === null) return false;
  if (typeof force !== 'boolean') throw new InvalidParameter('force', force, 'expected a boolean');
  return force;
}

/** A call that sends `POST <path>` with `{ force }`: reboot, shutdown and update. */
export type ForcedCall = Omit<SupervisorCall, 'method' | 'data'>;

/**
 * Checks `force` before anything goes out, then sends the call with `{ force }` as its body.
 *
 * @param client - the client
 * @param call - which call
 * @param deviceUuid - the caller's device (optional on the device itself)
 * @param appId - the caller's application (optional on the device itself)
 * @param force - the caller's `force`
 * @returns the supervisor's answer
 * @throws {@link InvalidParameter} when `force` is not a boolean
 * @throws what {@link callSupervisor} throws
 */
export function callForced<T>(
  client: Client,
  call: ForcedCall,
  deviceUuid: DeviceUuid | undefined,
  appId: ApplicationId | undefined,
  force: boolean | undefined,
): Promise<T> {
  const forced = checkForce(force);
  return callSupervisor<T>(client, { ...call, method: 'POST', data: () => ({ force: forced }) }, deviceUuid, appId);
}
