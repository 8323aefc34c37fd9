import type { Client } from '@balena-ts/core';
import type { DeviceTypeManifest } from '../types/device-type.js';
import { getDeviceTypeManifestBySlug } from './device-types.js';

/** One option of a device-type manifest: a question for a configuration (`network`, `wifiSsid`…) or for flashing (`drive`). */
export interface DeviceTypeOption {
  /** The option's name, e.g. `network`; groups have one too. */
  readonly name?: string;
  /** The question shown to the user. */
  readonly message?: string;
  /** `list`, `text`, `password`, `number`, `drive`… */
  readonly type?: string;
  /** True for a group of options (`options` holds them). */
  readonly isGroup?: boolean;
  /** The options of a group. */
  readonly options?: readonly DeviceTypeOption[];
  /** Any other field the manifest gives. */
  readonly [field: string]: unknown;
}

/**
 * Gets the options a device type's configuration and image take: its manifest's `options` (network,
 * advanced settings, as groups) followed by its `initialization.options` (the drive to flash).
 *
 * @param client - the client
 * @param deviceType - the device type's slug, alias or name
 * @returns the options, in manifest order
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty argument, before any request
 * @throws {@link @balena-ts/core#InvalidDeviceType} when no device type matches
 * @example
 * ```ts
 * const names = (await getDeviceOptions(client, 'raspberrypi4-64')).map((option) => option.name);
 * ```
 */
export async function getDeviceOptions(client: Client, deviceType: string): Promise<DeviceTypeOption[]> {
  const manifest: DeviceTypeManifest = await getDeviceTypeManifestBySlug(client, deviceType);
  const initialization = manifest.initialization as { options?: DeviceTypeOption[] } | undefined;
  return Array.from(
    new Set([...((manifest.options as DeviceTypeOption[] | undefined) ?? []), ...(initialization?.options ?? [])]),
  );
}
