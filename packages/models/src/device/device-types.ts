import { type Client, InvalidDeviceType } from '@balena-ts/core';
import { getDeviceTypeManifest, getDeviceTypeManifestBySlug } from '../config/device-types.js';
import { type ApplicationIdentifier, getApplication } from '../internal/application.js';
import { findDeviceType, SUPPORTED_DEVICE_TYPES } from '../internal/device-type.js';
import type { DeviceTypeManifest } from '../types/device-type.js';

/**
 * Gets the slug of a device type from its display name (the balena Python SDK's `get_device_slug`); a slug or
 * an alias works too.
 *
 * @param client - the client
 * @param deviceTypeName - e.g. `Raspberry Pi 4 (using 64bit OS)`
 * @returns the slug, e.g. `raspberrypi4-64`
 * @throws {@link @balena-ts/core#InvalidDeviceType} when no device type matches
 * @example
 * ```ts
 * const slug = await getDeviceSlug(client, 'Raspberry Pi 3');
 * ```
 */
export async function getDeviceSlug(client: Client, deviceTypeName: string): Promise<string> {
  const row = await findDeviceType<{ slug: string }>(client, deviceTypeName, { $select: 'slug' });
  return row.slug;
}

/**
 * Gets the display name of a device type from its slug (the balena Python SDK's `get_display_name`).
 *
 * @param client - the client
 * @param deviceTypeSlug - e.g. `raspberrypi3`
 * @returns the name, e.g. `Raspberry Pi 3`
 * @throws {@link @balena-ts/core#InvalidDeviceType} when no device type matches
 * @example
 * ```ts
 * const name = await getDisplayName(client, 'raspberrypi3');
 * ```
 */
export async function getDisplayName(client: Client, deviceTypeSlug: string): Promise<string> {
  const row = await findDeviceType<{ name: string }>(client, deviceTypeSlug, { $select: 'name' });
  return row.name;
}

/**
 * Gets the device-type.json manifest of a device type by slug, name or alias.
 *
 * @param client - the client
 * @param slug - the device type's slug, name or alias
 * @returns the manifest
 * @throws {@link @balena-ts/core#InvalidDeviceType} when no device type matches
 * @example
 * ```ts
 * const manifest = await getManifestBySlug(client, 'raspberrypi3');
 * ```
 */
export function getManifestBySlug(client: Client, slug: string): Promise<DeviceTypeManifest> {
  return getDeviceTypeManifestBySlug(client, slug);
}

/**
 * Gets the device-type.json manifest of an application's device type.
 *
 * @deprecated The manifests are legacy; read the device type's `contract` instead.
 * @param client - the client
 * @param appName - an id, a slug, a uuid or an application name
 * @returns the manifest
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed application argument, before any request
 * @throws {@link @balena-ts/core#ApplicationNotFound} when the application does not match
 * @throws {@link @balena-ts/core#InvalidDeviceType} when the API has no manifest for its device type
 * @example
 * ```ts
 * const manifest = await getManifestByApplication(client, 'admin/my-fleet');
 * ```
 */
export async function getManifestByApplication(
  client: Client,
  appName: ApplicationIdentifier,
): Promise<DeviceTypeManifest> {
  const application = await getApplication<{ is_for__device_type: { slug: string }[] }>(client, appName, {
    $select: 'id',
    $expand: { is_for__device_type: { $select: 'slug' } },
  });
  const slug = application.is_for__device_type[0]?.slug;
  if (slug === undefined) throw new InvalidDeviceType(`No device type for application ${String(appName)}`);
  return getDeviceTypeManifest(client, slug);
}

/**
 * Gets the display names of the device types that have a usable balenaOS release.
 *
 * @param client - the client
 * @returns the names, sorted
 * @throws {@link @balena-ts/core#RequestError} when the API refuses
 * @example
 * ```ts
 * const names = await getSupportedDeviceTypes(client);
 * ```
 */
export async function getSupportedDeviceTypes(client: Client): Promise<string[]> {
  const rows = await client.pine.get<{ name: string }>({
    resource: 'device_type',
    options: {
      $select: 'name',
      $orderby: 'name asc',
      $filter: SUPPORTED_DEVICE_TYPES,
    },
  });
  return rows.map((row) => row.name);
}
