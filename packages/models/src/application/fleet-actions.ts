import { type Client, InvalidParameter, parseRowId } from '@balena-ts/core';
import { sendSupervisorAction } from '../internal/supervisor-action.js';

/** Options of {@link reboot} and {@link shutdown}. */
export interface FleetPowerOptions {
  /** Act even where an update lock holds; default false. */
  readonly force?: boolean;
}

function checkForce(options: FleetPowerOptions | undefined): boolean {
  if (options === undefined || options === null) return false;
  if (typeof options !== 'object') throw new InvalidParameter('options', options, 'expected an object');
  const { force } = options;
  if (force === undefined) return false;
  if (typeof force !== 'boolean') throw new InvalidParameter('options.force', force, 'expected a boolean');
  return force;
}

/**
 * Clears the `/data` folder of the application on every online device of the fleet (the
 * supervisor's purge, through the API's proxy). With several online devices the API answers each
 * device's status in one 207, and the call resolves whatever they were, as balena-sdk's does.
 *
 * @param client - the client
 * @param appId - the application id
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed id, before any request
 * @throws {@link @balena-ts/core#SupervisorLocked} when the fleet's one online device holds an update lock (423)
 * @throws {@link @balena-ts/core#RequestError} 404 "No online device(s) found" when no device of the fleet is online
 * @returns resolves once the devices have answered
 * @example
 * ```ts
 * await purge(client, 42);
 * ```
 */
export async function purge(client: Client, appId: number): Promise<void> {
  const id = parseRowId(appId, 'appId');
  await sendSupervisorAction(client, '/v1/purge', { appId: id, data: { appId: String(id) } });
}

/**
 * Reboots every online device of the fleet (through the API's supervisor proxy). With several
 * online devices a lock on one of them does not fail the call (the API answers 207 per device).
 *
 * @param client - the client
 * @param appId - the application id
 * @param options - `force` to reboot despite update locks
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed id or a `force` that is not a boolean, before any request
 * @throws {@link @balena-ts/core#SupervisorLocked} when the fleet's one online device holds an update lock and `force` is false (423)
 * @throws {@link @balena-ts/core#RequestError} 404 "No online device(s) found" when no device of the fleet is online
 * @returns resolves once the devices have accepted the reboot
 * @example
 * ```ts
 * await reboot(client, 42, { force: true });
 * ```
 */
export async function reboot(client: Client, appId: number, options?: FleetPowerOptions): Promise<void> {
  const id = parseRowId(appId, 'appId');
  const force = checkForce(options);
  await sendSupervisorAction(client, '/v1/reboot', { appId: id, data: { force } });
}

/**
 * Shuts down every online device of the fleet (through the API's supervisor proxy); they stay
 * off until someone powers them on. With several online devices a lock on one of them does not
 * fail the call (the API answers 207 per device).
 *
 * @param client - the client
 * @param appId - the application id
 * @param options - `force` to shut down despite update locks
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed id or a `force` that is not a boolean, before any request
 * @throws {@link @balena-ts/core#SupervisorLocked} when the fleet's one online device holds an update lock and `force` is false (423)
 * @throws {@link @balena-ts/core#RequestError} 404 "No online device(s) found" when no device of the fleet is online
 * @returns resolves once the devices have accepted the shutdown
 * @example
 * ```ts
 * await shutdown(client, 42);
 * ```
 */
export async function shutdown(client: Client, appId: number, options?: FleetPowerOptions): Promise<void> {
  const id = parseRowId(appId, 'appId');
  const force = checkForce(options);
  await sendSupervisorAction(client, '/v1/shutdown', { appId: id, data: { force } });
}
