import type { Client } from '@balena-ts/core';
import { type ApplicationActionOptions, applicationAction } from './internal/application-action.js';
import type { ApplicationId, DeviceUuid } from './types.js';

const APPLICATION_INFO: ApplicationActionOptions = {
  functionName: 'getApplicationInfo',
  suffix: '',
  method: 'GET',
  lockable: false,
  advice: 'it describes single-container applications only; use getDeviceState or device service details',
};

/**
 * Reads what the supervisor knows of the application's container. Deprecated: the endpoint only
 * describes single-container applications; it says so once per process.
 *
 * @param client - the client
 * @param appId - the application; optional on the device itself (`BALENA_APP_ID`)
 * @param deviceUuid - the device; optional on the device itself
 * @returns the supervisor's description of the application
 * @throws {@link @balena-ts/core#InvalidOption} through the API's proxy without `deviceUuid` or `appId`
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @throws {@link @balena-ts/core#DeviceOffline} when the device is not online
 * @throws {@link @balena-ts/core#NotSupported} when the device's supervisor is older than 1.8.0
 * @example
 * ```ts
 * const info = await getApplicationInfo(client, appId, uuid);
 * ```
 * @deprecated Use `getDeviceState`, or the device's service details from `@balena-ts/models/device`.
 */
export function getApplicationInfo(
  client: Client,
  appId?: ApplicationId,
  deviceUuid?: DeviceUuid,
): Promise<Record<string, unknown>> {
  return applicationAction<Record<string, unknown>>(client, APPLICATION_INFO, appId, deviceUuid);
}
