import { type Client, checkOptionsObject, InvalidDeviceType, InvalidOption } from '@balena-ts/core';
import { requestOsConfig } from '../device-os/config-request.js';
import type { OsConfig, OsConfigOptions } from '../device-os/get-config.js';
import { checkNetworkParams } from '../device-os/parse-params.js';
import { type ApplicationIdentifier, checkApplicationIdentifier, getApplication } from '../internal/application.js';
import { type DeviceTypeWithOsReleases, HOST_OS_RELEASES_EXPAND, newestOsVersionOf } from '../internal/os-version.js';

/**
 * Gets the config.json of an application for the newest balenaOS release of its device type (the
 * seed needed no OS version). `deviceOs.getConfig` takes an explicit version.
 *
 * @param client - the client
 * @param appId - an id, a slug, a uuid or an application name
 * @param options - config options; `version` defaults to the newest OS release
 * @returns the config.json object
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed application argument, or options that are
 * not an object, before any request
 * @throws {@link @balena-ts/core#MissingOption} / {@link @balena-ts/core#InvalidOption} for invalid options (wifi
 * without `wifiSsid`, an unknown network, an empty version), before any request
 * @throws {@link @balena-ts/core#ApplicationNotFound} when the application does not match
 * @throws {@link @balena-ts/core#AmbiguousApplication} when a name matches several applications
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
  checkApplicationIdentifier(appId);
  checkOptionsObject('options', options);
  if (options.version !== undefined && (typeof options.version !== 'string' || options.version.trim() === '')) {
    throw new InvalidOption('Invalid option: version must be an OS version, or left out for the newest');
  }
  const network = checkNetworkParams(options);
  // One request finds the application, its device type and the host OS releases together.
  const application = await getApplication<{ id: number; is_for__device_type: DeviceTypeWithOsReleases[] }>(
    client,
    appId,
    { $select: 'id', $expand: { is_for__device_type: { $select: 'slug', $expand: HOST_OS_RELEASES_EXPAND } } },
  );
  const [deviceType] = application.is_for__device_type;
  const version = options.version ?? (deviceType === undefined ? undefined : newestOsVersionOf(deviceType));
  if (version === undefined) throw new InvalidDeviceType(`No OS release for the device type of ${String(appId)}`);
  return requestOsConfig(client, appId, { ...options, network, appId: application.id, version });
}
