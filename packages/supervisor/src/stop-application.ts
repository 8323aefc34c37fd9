import type { Client } from '@balena-ts/core';
import { type ApplicationActionOptions, applicationAction } from './internal/application-action.js';
import type { ApplicationId, DeviceUuid } from './types.js';

const STOP_APPLICATION: ApplicationActionOptions = {
  functionName: 'stopApplication',
  suffix: '/stop',
  method: 'POST',
  lockable: true,
  advice: 'it handles single-container applications only; use stopService',
};

/**
 * Stops the application's container until the next reboot or supervisor restart. Deprecated: the
 * endpoint only handles single-container applications; it says so once per process.
 *
 * @param client - the client
 * @param appId - the application; optional on the device itself (`BALENA_APP_ID`)
 * @param deviceUuid - the device; optional on the device itself
 * @returns the supervisor's answer, `{ containerId }`
 * @throws {@link @balena-ts/core#InvalidOption} through the API's proxy without `deviceUuid` or `appId`
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @throws {@link @balena-ts/core#DeviceOffline} when the device is not online
 * @throws {@link @balena-ts/core#NotSupported} when the device's supervisor is older than 1.8.0
 * @throws {@link @balena-ts/core#SupervisorLocked} when an update lock holds (423)
 * @example
 * ```ts
 * await stopApplication(client, appId, uuid);
 * ```
 * @deprecated Use `stopService` for each service.
 */
export function stopApplication(
  client: Client,
  appId?: ApplicationId,
  deviceUuid?: DeviceUuid,
): Promise<{ containerId?: string }> {
  return applicationAction<{ containerId?: string }>(client, STOP_APPLICATION, appId, deviceUuid);
}
