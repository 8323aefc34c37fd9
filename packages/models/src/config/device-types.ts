import { type Client, InvalidDeviceType, RequestError } from '@balena-ts/core';
import { checkText } from '../internal/argument-checks.js';
import { translateStatus } from '../internal/request-errors.js';
import type { DeviceTypeManifest } from '../types/device-type.js';

/**
 * Gets the device-type.json manifest of every device type the user can use
 * (`GET /device-types/v1`), without their install instructions.
 *
 * @param client - the client
 * @returns the manifests
 * @throws {@link @balena-ts/core#RequestError} when the API answers something other than a list
 * @example
 * ```ts
 * const names = (await getDeviceTypes(client)).map((type) => type.name);
 * ```
 */
export async function getDeviceTypes(client: Client): Promise<DeviceTypeManifest[]> {
  const path = '/device-types/v1';
  const manifests = await client.request<DeviceTypeManifest[] | null>(path);
  if (!Array.isArray(manifests)) {
    throw new RequestError({ status: 200, method: 'GET', url: path, body: manifests, message: 'No device types' });
  }
  return manifests.map(({ instructions: _instructions, ...manifest }) => manifest as DeviceTypeManifest);
}

/**
 * Gets one device-type.json manifest by slug, display name or alias.
 *
 * @param client - the client
 * @param slugOrName - the device type's slug, name or one of its aliases
 * @returns the manifest
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty argument
 * @throws {@link @balena-ts/core#InvalidDeviceType} when no device type matches
 * @example
 * ```ts
 * const manifest = await getDeviceTypeManifestBySlug(client, 'raspberrypi4-64');
 * ```
 */
export async function getDeviceTypeManifestBySlug(client: Client, slugOrName: string): Promise<DeviceTypeManifest> {
  checkText('slugOrName', slugOrName, 'expected a device type slug or name');
  const manifests = await getDeviceTypes(client);
  const manifest = manifests.find(
    (candidate) =>
      candidate.slug === slugOrName || candidate.name === slugOrName || candidate.aliases?.includes(slugOrName),
  );
  if (manifest === undefined) throw new InvalidDeviceType(`Invalid device type: ${slugOrName}`);
  return manifest;
}

/**
 * Gets one device-type.json manifest by exact slug (`GET /device-types/v1/<slug>`).
 *
 * @param client - the client
 * @param slug - the device type slug
 * @returns the manifest
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty slug, before any request
 * @throws {@link @balena-ts/core#InvalidDeviceType} when the API knows no such device type
 * @example
 * ```ts
 * const { arch } = await getDeviceTypeManifest(client, 'raspberrypi3');
 * ```
 */
export async function getDeviceTypeManifest(client: Client, slug: string): Promise<DeviceTypeManifest> {
  checkText('slug', slug, 'expected a device type slug');
  return translateStatus(
    client.request<DeviceTypeManifest>(`/device-types/v1/${encodeURIComponent(slug)}`),
    404,
    (cause) => new InvalidDeviceType(`Invalid device type: ${slug}`, { cause }),
  );
}
