import { ApplicationNotFound, type Client, InvalidDeviceType, RequestError } from '@balena-ts/core';
import type { OsConfig, OsConfigOptions } from '../device-os/get-config.js';
import { type ApplicationIdentifier, getApplication } from '../internal/application.js';
import { type DeviceTypeWithOsReleases, HOST_OS_RELEASES_EXPAND, newestOsVersionOf } from '../internal/os-version.js';

/**
 * Gets the config.json of an application for the newest balenaOS release of its device type (the
 * seed needed no OS version). `deviceOs.getConfig` takes an explicit version.
 *
 * @param client - the client
 * @param appId - an id, a slug, a uuid or an application name
 * @param options - config options; `version` defaults to the newest OS release
 * @returns the config.json object
 * @throws {@link @balena-ts/core#ApplicationNotFound} when the application does not match
 * @throws {@link @balena-ts/core#InvalidDeviceType} when the device type has no OS release
 * @example
 * ```ts
 * const config = await getConfig(client, 'admin/my-fleet');
 * console.log(config.applicationId);
 * ```
 */
export async function getConfig(
  client: Client,
  appId: ApplicationIdentifier,
  options: Partial<OsConfigOptions> = {},
): Promise<OsConfig> {
  // One request finds the application, its device type and the host OS releases together.
  const application = await getApplication<{ id: number; is_for__device_type: DeviceTypeWithOsReleases[] }>(
    client,
    appId,
    { $select: 'id', $expand: { is_for__device_type: { $select: 'slug', $expand: HOST_OS_RELEASES_EXPAND } } },
  );
  const [deviceType] = application.is_for__device_type;
  const version = options.version ?? (deviceType === undefined ? undefined : newestOsVersionOf(deviceType));
  if (version === undefined) throw new InvalidDeviceType(`No OS release for the device type of ${String(appId)}`);
  try {
    return await client.request<OsConfig>('/download-config', {
      method: 'POST',
      body: { network: 'ethernet', ...options, appId: application.id, version },
    });
  } catch (error) {
    if (error instanceof RequestError && error.status === 404) throw new ApplicationNotFound(appId, { cause: error });
    throw error;
  }
}
