// The supervisor actions where balena's JavaScript SDK places them (`device.reboot(uuidOrId)`):
// each names its device by id or uuid and runs `@balena-ts/supervisor`'s call through the API's proxy.
import { type Client, InvalidParameter, parseDeviceIdentifier } from '@balena-ts/core';
import * as supervisor from '@balena-ts/supervisor';
import type { DeviceIdentifier } from '../internal/device.js';
import { supervisorTarget } from './supervisor-target.js';

/** Options of {@link reboot} and {@link shutdown}. */
export interface SupervisorForceOptions {
  /** Override an update lock the device holds; default false. */
  force?: boolean;
}

function forceOf(options: SupervisorForceOptions | undefined): boolean | undefined {
  if (options === undefined || options === null) return undefined;
  if (typeof options !== 'object') throw new InvalidParameter('options', options, 'expected an object');
  const { force } = options;
  if (force !== undefined && force !== null && typeof force !== 'boolean') {
    throw new InvalidParameter('options.force', force, 'expected a boolean');
  }
  return force ?? undefined;
}

/** Runs a supervisor action that an update lock stops unless forced: `force` checked before any request. */
async function forcedAction(
  client: Client,
  uuidOrId: DeviceIdentifier,
  options: SupervisorForceOptions | undefined,
  action: typeof supervisor.reboot,
): Promise<supervisor.SupervisorActionResult> {
  const force = forceOf(options);
  const { uuid, appId } = await supervisorTarget(client, uuidOrId);
  return action(client, uuid, appId, force);
}

/**
 * Checks that a device's supervisor answers (`POST /supervisor/ping` through the API).
 *
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid
 * @returns resolves once the supervisor answered
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed device argument, before any request
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @throws {@link @balena-ts/core#DeviceOffline} when the device is offline
 * @example
 * ```ts
 * await ping(client, uuid);
 * ```
 */
export async function ping(client: Client, uuidOrId: DeviceIdentifier): Promise<void> {
  const { uuid, appId } = await supervisorTarget(client, uuidOrId);
  await supervisor.ping(client, uuid, appId);
}

/**
 * Reboots a device.
 *
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid
 * @param options - `force` overrides an update lock
 * @returns the supervisor's answer, `{ Data: 'OK', Error: '' }`
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed device argument or `force`, before any request
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @throws {@link @balena-ts/core#DeviceOffline} when the device is offline
 * @throws {@link @balena-ts/core#SupervisorLocked} when an update lock holds and `force` is not set
 * @example
 * ```ts
 * await reboot(client, uuid, { force: true });
 * ```
 */
export async function reboot(
  client: Client,
  uuidOrId: DeviceIdentifier,
  options?: SupervisorForceOptions,
): Promise<supervisor.SupervisorActionResult> {
  return forcedAction(client, uuidOrId, options, supervisor.reboot);
}

/**
 * Shuts a device down.
 *
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid
 * @param options - `force` overrides an update lock
 * @returns the supervisor's answer, `{ Data: 'OK', Error: '' }`
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed device argument or `force`, before any request
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @throws {@link @balena-ts/core#DeviceOffline} when the device is offline
 * @throws {@link @balena-ts/core#SupervisorLocked} when an update lock holds and `force` is not set
 * @example
 * ```ts
 * await shutdown(client, uuid);
 * ```
 */
export async function shutdown(
  client: Client,
  uuidOrId: DeviceIdentifier,
  options?: SupervisorForceOptions,
): Promise<supervisor.SupervisorActionResult> {
  return forcedAction(client, uuidOrId, options, supervisor.shutdown);
}

/**
 * Clears the `/data` folder of the device's application.
 *
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid
 * @returns the supervisor's answer, `{ Data: 'OK', Error: '' }`
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed device argument, before any request
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @throws {@link @balena-ts/core#DeviceOffline} when the device is offline
 * @throws {@link @balena-ts/core#SupervisorLocked} when an update lock holds
 * @example
 * ```ts
 * await purge(client, uuid);
 * ```
 */
export async function purge(client: Client, uuidOrId: DeviceIdentifier): Promise<supervisor.SupervisorActionResult> {
  const { uuid, appId } = await supervisorTarget(client, uuidOrId);
  return supervisor.purge(client, appId, uuid);
}

/**
 * Restarts the application's containers on a device.
 *
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid
 * @returns the supervisor's answer, `'OK'`
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed device argument, before any request
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @throws {@link @balena-ts/core#DeviceOffline} when the device is offline
 * @throws {@link @balena-ts/core#SupervisorLocked} when an update lock holds (423)
 * @example
 * ```ts
 * await restartApplication(client, uuid);
 * ```
 */
export async function restartApplication(client: Client, uuidOrId: DeviceIdentifier): Promise<string> {
  const { uuid, appId } = await supervisorTarget(client, uuidOrId);
  return supervisor.restart(client, appId, uuid);
}

/**
 * The balena Python SDK's `restart`: restarts the application's containers on a device (see {@link restartApplication}).
 *
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid
 * @returns the supervisor's answer, `'OK'`
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed device argument, before any request
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @throws {@link @balena-ts/core#DeviceOffline} when the device is offline
 * @throws {@link @balena-ts/core#SupervisorLocked} when an update lock holds
 * @example
 * ```ts
 * await restart(client, uuid);
 * ```
 */
export function restart(client: Client, uuidOrId: DeviceIdentifier): Promise<string> {
  return restartApplication(client, uuidOrId);
}

/**
 * Restarts one service of a device, chosen by the id of its image (supervisor 7.0.0 or later).
 *
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid
 * @param imageId - the id of the service's image
 * @returns the supervisor's answer, `'OK'`
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed device or image argument, before any request
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @throws {@link @balena-ts/core#DeviceOffline} when the device is offline
 * @throws {@link @balena-ts/core#NotSupported} when the device's supervisor is older than 7.0.0
 * @throws {@link @balena-ts/core#SupervisorLocked} when an update lock holds
 * @example
 * ```ts
 * await restartService(client, uuid, imageId);
 * ```
 */
export async function restartService(client: Client, uuidOrId: DeviceIdentifier, imageId: number): Promise<string> {
  return supervisor.restartService(client, serviceTarget(uuidOrId, imageId), imageId);
}

/**
 * Starts one service of a device, chosen by the id of its image (supervisor 7.0.0 or later).
 *
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid
 * @param imageId - the id of the service's image
 * @returns the supervisor's answer, `'OK'`
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed device or image argument, before any request
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @throws {@link @balena-ts/core#DeviceOffline} when the device is offline
 * @throws {@link @balena-ts/core#NotSupported} when the device's supervisor is older than 7.0.0
 * @example
 * ```ts
 * await startService(client, uuid, imageId);
 * ```
 */
export async function startService(client: Client, uuidOrId: DeviceIdentifier, imageId: number): Promise<string> {
  return supervisor.startService(client, serviceTarget(uuidOrId, imageId), imageId);
}

/**
 * Stops one service of a device, chosen by the id of its image (supervisor 7.0.0 or later).
 *
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid
 * @param imageId - the id of the service's image
 * @returns the supervisor's answer, `'OK'`
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed device or image argument, before any request
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @throws {@link @balena-ts/core#DeviceOffline} when the device is offline
 * @throws {@link @balena-ts/core#NotSupported} when the device's supervisor is older than 7.0.0
 * @throws {@link @balena-ts/core#SupervisorLocked} when an update lock holds
 * @example
 * ```ts
 * await stopService(client, uuid, imageId);
 * ```
 */
export async function stopService(client: Client, uuidOrId: DeviceIdentifier, imageId: number): Promise<string> {
  return supervisor.stopService(client, serviceTarget(uuidOrId, imageId), imageId);
}

// The service actions look the device and its fleet up themselves: check both arguments first, so
// that a bad one is named as this function names it.
function serviceTarget(uuidOrId: DeviceIdentifier, imageId: number): string | number {
  const device = parseDeviceIdentifier(uuidOrId, 'uuidOrId');
  if (!Number.isSafeInteger(imageId) || imageId <= 0) {
    throw new InvalidParameter('imageId', imageId, 'expected a positive integer');
  }
  return device;
}
