import { type Client, InvalidParameter } from '@balena-ts/core';
import { checkObjectArgument, checkText } from '../internal/argument-checks.js';
import { isOsUpdateAllowed } from '../internal/os-update-rules.js';
import { compareOsVersions, parseOsVersion } from '../internal/os-version.js';
import { maxSatisfyingOsVersion } from '../internal/os-version-range.js';
import { deviceTypeSlug } from './os-update.js';
import { getAvailableOsVersions, type OsType, type OsVersion } from './os-versions.js';

/** What {@link getSupportedOsUpdateVersions} finds. */
export interface OsUpdateVersions {
  /** The versions a device can be updated to, newest first. */
  readonly versions: string[];
  /** The newest of them that is not a pre-release. */
  readonly recommended: string | undefined;
  /** The given current version as the catalogue spells it, when it is listed. */
  readonly current: string | undefined;
}

/** Options of {@link getSupportedOsUpdateVersions}. */
export interface SupportedOsUpdateVersionsOptions {
  /** Only versions of this release policy; both when null or absent. */
  readonly osType?: OsType | null;
  /** Include draft (pre-)releases; false by default. */
  readonly includeDraft?: boolean;
}

/**
 * Picks, among OS versions sorted newest first, the one a version or range names: `latest` is the
 * newest, an exact version is returned as is when listed, a semver range gives its newest match.
 *
 * @param versionOrRange - `latest`, an exact version or a semver range
 * @param versions - versions sorted newest first
 * @returns the version, or null when none matches
 * @example
 * ```ts
 * maxSatisfyingVersion('^6.0.0', [{ raw_version: '6.0.13' }, { raw_version: '5.3.20' }]); // '6.0.13'
 * ```
 */
export function maxSatisfyingVersion(
  versionOrRange: string,
  versions: readonly Pick<OsVersion, 'raw_version'>[],
): string | null {
  if (versionOrRange === 'latest') return versions[0]?.raw_version ?? null;
  const raw = versions.map((version) => version.raw_version);
  // An exact version is not a range: return it, not some equivalent spelling of it.
  if (raw.includes(versionOrRange)) return versionOrRange;
  return maxSatisfyingOsVersion(raw, versionOrRange);
}

/**
 * Finds the newest OS version of a device type that satisfies a version or semver range.
 *
 * @param client - the client
 * @param deviceType - a device type slug (or alias)
 * @param versionOrRange - an exact version, a semver range (`^6.0.0`), or `latest` (the default)
 * @param osType - only this release policy (`default` or `esr`); every policy when absent
 * @returns the version, or null when none matches
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty range or an unknown `osType`, before any request
 * @throws {@link @balena-ts/core#InvalidDeviceType} for an unknown device type
 * @example
 * ```ts
 * await getMaxSatisfyingVersion(client, 'raspberrypi4-64', '^5.0.0'); // '5.3.20'
 * await getMaxSatisfyingVersion(client, 'raspberrypi4-64', 'latest', 'esr'); // '2025.1.1'
 * ```
 */
export async function getMaxSatisfyingVersion(
  client: Client,
  deviceType: string,
  versionOrRange = 'latest',
  osType?: OsType,
): Promise<string | null> {
  checkText('versionOrRange', versionOrRange, "expected a version, a semver range or 'latest'");
  checkOsType(osType);
  const slug = await deviceTypeSlug(client, deviceType);
  let versions = await getAvailableOsVersions(client, slug);
  if (osType !== undefined && osType !== null) versions = versions.filter((version) => version.osType === osType);
  return maxSatisfyingVersion(versionOrRange, versions);
}

function checkOsType(osType: unknown): void {
  if (osType !== undefined && osType !== null && osType !== 'default' && osType !== 'esr') {
    throw new InvalidParameter('osType', osType, "expected 'default', 'esr' or null");
  }
}

/**
 * Lists the OS versions a device of a device type running `currentVersion` can be updated to.
 * A device on the default line is not offered ESR releases built on an older default version.
 *
 * @param client - the client
 * @param deviceType - a device type slug (or alias)
 * @param currentVersion - the running version (`6.0.10`, `2.88.4+rev2.prod`)
 * @param options - `osType` to keep one release policy, `includeDraft` for pre-releases
 * @returns the versions, the recommended one and the current one
 * @throws {@link @balena-ts/core#InvalidParameter} for a current version that is not semver, or a bad option, before any request
 * @throws {@link @balena-ts/core#InvalidDeviceType} for an unknown device type
 * @example
 * ```ts
 * const { versions, recommended } = await getSupportedOsUpdateVersions(client, 'raspberrypi4-64', '6.0.10');
 * ```
 */
export async function getSupportedOsUpdateVersions(
  client: Client,
  deviceType: string,
  currentVersion: string,
  options: SupportedOsUpdateVersionsOptions = {},
): Promise<OsUpdateVersions> {
  const current = parseOsVersion(currentVersion);
  if (current === null) throw new InvalidParameter('currentVersion', currentVersion, 'expected a balenaOS version');
  checkObjectArgument('options', options, 'expected an object');
  checkOsType(options.osType);
  // ESR versions are year-based (2025.1.0): a device already on ESR is not held to its base version.
  const isEsr = current.major > 2000;
  const slug = await deviceTypeSlug(client, deviceType);
  const all = await getAvailableOsVersions(client, slug, undefined, { includeDraft: options.includeDraft === true });
  const candidates =
    options.osType === undefined || options.osType === null
      ? all
      : all.filter((version) => version.osType === options.osType);
  const versions = candidates
    .filter(
      (version) =>
        isOsUpdateAllowed(slug, currentVersion, version.raw_version) &&
        (isEsr || isOsUpdateAllowed(slug, currentVersion, version.basedOnVersion)),
    )
    .map((version) => version.raw_version);
  return {
    versions,
    recommended: versions.find((version) => (parseOsVersion(version)?.prerelease.length ?? 0) === 0),
    current: all.find((version) => compareOsVersions(version.raw_version, currentVersion) === 0)?.raw_version,
  };
}
