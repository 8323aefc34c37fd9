import type { Client } from '@balena-ts/core';
import { checkText } from '../internal/argument-checks.js';
import { deviceTypeSlug } from './os-update.js';

/**
 * Tells the size of a balenaOS image (`GET /device-types/v1/:slug/images/:version/download-size`);
 * balena reports the raw, uncompressed size.
 *
 * @param client - the client
 * @param deviceType - a device type slug (or alias)
 * @param version - an exact OS version, or `latest` (the default)
 * @returns the size in bytes
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty version, before any request
 * @throws {@link @balena-ts/core#InvalidDeviceType} for an unknown device type
 * @throws {@link @balena-ts/core#RequestError} (404) for a version the device type does not have
 * @example
 * ```ts
 * const bytes = await getDownloadSize(client, 'raspberrypi4-64', '6.0.13');
 * ```
 */
export async function getDownloadSize(client: Client, deviceType: string, version = 'latest'): Promise<number> {
  checkText('version', version, "expected an OS version or 'latest'");
  const slug = await deviceTypeSlug(client, deviceType);
  const { size } = await client.request<{ size: number }>(
    `/device-types/v1/${encodeURIComponent(slug)}/images/${encodeURIComponent(version)}/download-size`,
  );
  return size;
}
