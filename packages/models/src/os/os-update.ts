import type { Client } from '@balena-ts/core';
import { checkText } from '../internal/argument-checks.js';
import { findDeviceType } from '../internal/device-type.js';
import { isOsUpdateAllowed, type OsUpdateType, osUpdateType } from '../internal/os-update-rules.js';

function checkVersion(name: string, value: string): void {
  checkText(name, value, 'expected a balenaOS version');
}

/**
 * The canonical slug of a device type given by slug, alias or name.
 *
 * @param client - the client
 * @param deviceType - a slug, alias or display name
 * @returns the slug
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty argument
 * @throws {@link @balena-ts/core#InvalidDeviceType} when nothing matches
 * @example
 * ```ts
 * await deviceTypeSlug(client, 'raspberrypi'); // 'raspberry-pi'
 * ```
 */
export async function deviceTypeSlug(client: Client, deviceType: string): Promise<string> {
  // Stryker disable next-line ObjectLiteral,StringLiteral: without the $select every field of the device type is read, the slug among them
  return (await findDeviceType<{ slug: string }>(client, deviceType, { $select: 'slug' })).slug;
}

/**
 * Tells how balena would update a device type's host OS between two versions.
 *
 * @param client - the client
 * @param deviceType - a device type slug (or alias)
 * @param currentVersion - the running version, e.g. `6.0.10` or `2.88.4+rev2.prod`
 * @param targetVersion - the target version
 * @returns `balenahup` (in place) or `takeover` (reflash)
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty argument, before any request
 * @throws {@link @balena-ts/core#InvalidDeviceType} for an unknown device type
 * @throws {@link @balena-ts/core#OsUpdateNotSupported} when balena refuses the update (downgrade, same version,
 * development to production, versions below balena's minimums), with balena's reason
 * @example
 * ```ts
 * await getOsUpdateType(client, 'raspberrypi4-64', '6.0.10', '6.0.13'); // 'balenahup'
 * ```
 */
export async function getOsUpdateType(
  client: Client,
  deviceType: string,
  currentVersion: string,
  targetVersion: string,
): Promise<OsUpdateType> {
  checkVersion('currentVersion', currentVersion);
  checkVersion('targetVersion', targetVersion);
  return osUpdateType(await deviceTypeSlug(client, deviceType), currentVersion, targetVersion);
}

/**
 * Tells whether balena can update a device type's host OS from one version to another.
 *
 * @param client - the client
 * @param deviceType - a device type slug (or alias)
 * @param currentVersion - the running version
 * @param targetVersion - the target version
 * @returns true when the update is supported
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty argument, before any request
 * @throws {@link @balena-ts/core#InvalidDeviceType} for an unknown device type
 * @example
 * ```ts
 * await isSupportedOsUpdate(client, 'raspberrypi4-64', '6.0.13', '6.0.10'); // false: a downgrade
 * ```
 */
export async function isSupportedOsUpdate(
  client: Client,
  deviceType: string,
  currentVersion: string,
  targetVersion: string,
): Promise<boolean> {
  checkVersion('currentVersion', currentVersion);
  checkVersion('targetVersion', targetVersion);
  return isOsUpdateAllowed(await deviceTypeSlug(client, deviceType), currentVersion, targetVersion);
}
