import type { Client } from '@balena-ts/core';
import { serviceAction } from './internal/service-action.js';
import type { DeviceUuid } from './types.js';

/**
 * Restarts one service of the device's application, chosen by its image (supervisor 7.0.0 or later).
 *
 * @param client - the client
 * @param deviceUuid - the device (its application is looked up); on the device itself, undefined
 *   means this device and `BALENA_APP_ID`
 * @param imageId - the id of the service's image
 * @returns the supervisor's answer, `'OK'`
 * @throws {@link @balena-ts/core#InvalidOption} through the API's proxy without `deviceUuid`
 * @throws {@link @balena-ts/core#InvalidParameter} when `imageId` is not a positive integer
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @throws {@link @balena-ts/core#DeviceOffline} when the device is not online
 * @throws {@link @balena-ts/core#NotSupported} when the device's supervisor is older than 7.0.0
 * @throws {@link @balena-ts/core#SupervisorLocked} when an update lock holds (423)
 * @example
 * ```ts
 * await restartService(client, uuid, 392229);
 * ```
 */
export function restartService(client: Client, deviceUuid: DeviceUuid | undefined, imageId: number): Promise<string> {
  return serviceAction(client, 'restartService', 'restart-service', deviceUuid, imageId, true);
}
