import type { Client } from '@balena-ts/core';
import { type ApplicationActionOptions, applicationAction } from './internal/application-action.js';
import type { ApplicationId, DeviceUuid } from './types.js';

const START_APPLICATION: ApplicationActionOptions = {
  functionName: 'startApplication',
  suffix: '/start',
  method: 'POST',
  lockable: false,
  advice: 'it handles single-container applications only; use startService',
};

/**
 * Starts the application's container, usually after {@link stopApplication}. Deprecated: the
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
 * @example
 * ```ts
 * await startApplication(client, appId, uuid);
 * ```
 * @deprecated Use `startService` for each service.
 */
export function startApplication(
  client: Client,
  appId?: ApplicationId,
  deviceUuid?: DeviceUuid,
): Promise<{ containerId?: string }> {
  return applicationAction<{ containerId?: string }>(client, START_APPLICATION, appId, deviceUuid);
}
