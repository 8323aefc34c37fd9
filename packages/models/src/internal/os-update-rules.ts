import { OsUpdateNotSupported } from '@balena-ts/core';
import { compareOsVersions, parseOsVersion } from './os-version.js';

/** How balena updates a device's host OS: in place (`balenahup`) or by reflashing (`takeover`). */
export type OsUpdateType = 'balenahup' | 'takeover';

// balena's host-update rules (balena-hup-action-utils): an in-place update needs a source of at
// least 2.14.0+rev1 and a target of at least 2.16.0+rev1; a few device types must be reflashed
// ("takeover") when they cross a given version.
const MIN_SOURCE_VERSION = '2.14.0+rev1';
const MIN_TARGET_VERSION = '2.16.0+rev1';
const TAKEOVER_FROM: ReadonlyMap<string, string> = new Map([
  ['jetson-xavier', '6.0.50'],
  ['jetson-xavier-nx-devkit', '6.0.50+rev1'],
  ['jetson-xavier-nx-devkit-emmc', '6.0.39'],
]);

function variantOf(version: string): 'dev' | 'prod' | undefined {
  const parsed = parseOsVersion(version);
  const parts = [...(parsed?.build ?? []), ...(parsed?.prerelease ?? [])];
  return (['dev', 'prod'] as const).find((variant) => parts.includes(variant));
}

/**
 * The kind of host OS update balena runs from one version to another on a device type, or the
 * reason it refuses, in balena's words.
 *
 * @param deviceType - the device type slug
 * @param currentVersion - the version the device runs (`2.88.4+rev2.prod`, `6.0.10`)
 * @param targetVersion - the version to update to
 * @returns `balenahup` or `takeover`
 * @throws {@link @balena-ts/core#OsUpdateNotSupported} for an invalid version, a switch between development and
 * production variants, a downgrade, the same version, or a version below balena's minimums
 * @example
 * ```ts
 * osUpdateType('raspberrypi4-64', '6.0.10', '6.0.13'); // 'balenahup'
 * ```
 */
export function osUpdateType(deviceType: string, currentVersion: string, targetVersion: string): OsUpdateType {
  if (parseOsVersion(currentVersion) === null) throw new OsUpdateNotSupported('Invalid current balenaOS version');
  if (parseOsVersion(targetVersion) === null) throw new OsUpdateNotSupported('Invalid target balenaOS version');
  const targetVariant = variantOf(targetVersion);
  if (targetVariant !== undefined && (variantOf(currentVersion) === 'dev') !== (targetVariant === 'dev')) {
    throw new OsUpdateNotSupported('Updates cannot be performed between development and production balenaOS variants');
  }
  if (compareOsVersions(targetVersion, currentVersion) < 0)
    throw new OsUpdateNotSupported('OS downgrades are not allowed');
  if (compareOsVersions(currentVersion, targetVersion) === 0) {
    throw new OsUpdateNotSupported('Current OS version matches Target OS version');
  }
  if (compareOsVersions(currentVersion, MIN_SOURCE_VERSION) < 0) {
    throw new OsUpdateNotSupported(`Current OS version must be >= ${MIN_SOURCE_VERSION}`);
  }
  if (compareOsVersions(targetVersion, MIN_TARGET_VERSION) < 0) {
    throw new OsUpdateNotSupported(`Target OS version must be >= ${MIN_TARGET_VERSION}`);
  }
  const takeoverFrom = TAKEOVER_FROM.get(deviceType);
  // The variant sorts below the plain version and would trigger a second takeover.
  const withoutVariant = currentVersion.replace(/\.(dev|prod)$/, '');
  if (
    takeoverFrom !== undefined &&
    compareOsVersions(withoutVariant, takeoverFrom) < 0 &&
    compareOsVersions(targetVersion, takeoverFrom) >= 0
  ) {
    return 'takeover';
  }
  return 'balenahup';
}

/**
 * Whether balena can update a device type's host OS from one version to another.
 *
 * @param deviceType - the device type slug
 * @param currentVersion - the running version
 * @param targetVersion - the target version
 * @returns true when {@link osUpdateType} finds an update type
 * @example
 * ```ts
 * isOsUpdateAllowed('raspberrypi4-64', '6.0.13', '6.0.10'); // false: a downgrade
 * ```
 */
export function isOsUpdateAllowed(deviceType: string, currentVersion: string, targetVersion: string): boolean {
  try {
    osUpdateType(deviceType, currentVersion, targetVersion);
    return true;
  } catch (error) {
    if (error instanceof OsUpdateNotSupported) return false;
    throw error;
  }
}
