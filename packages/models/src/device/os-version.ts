import { checkObjectArgument } from '../internal/argument-checks.js';

/** The device fields {@link getOsVersion} reads. */
export interface OsVersionDeviceFields {
  /** The balenaOS version the device reports, e.g. `balenaOS 2.26.0+rev1`. */
  readonly os_version: string | null;
  /** `prod` or `dev`, or null. */
  readonly os_variant: string | null;
}

// The version inside an `os_version` string: a product name may come first (`balenaOS `,
// `Resin OS `), and old releases wrote the revision as a fourth part (`2.0.0.rev1`).
const OS_VERSION_PATTERN = /(\d+\.\d+\.\d+)(-[0-9A-Za-z.-]+)?(?:\+([0-9A-Za-z.-]+)|\.(rev\d+))?/;

/**
 * Gets the OS version of a device as one semver string, the version and the variant combined
 * (`balenaOS 2.26.0+rev1` on a `prod` image gives `2.26.0+rev1.prod`), from a device row read
 * before; makes no request.
 *
 * @param device - a device with `os_version` and `os_variant`
 * @returns the combined version, or null when the device reported no (readable) OS version
 * @throws {@link @balena-ts/core#InvalidParameter} when `device` is not an object
 * @example
 * ```ts
 * const row = await get(client, uuid, { $select: ['os_version', 'os_variant'] });
 * getOsVersion(row); // '2.26.0+rev1.prod'
 * ```
 */
export function getOsVersion(device: OsVersionDeviceFields): string | null {
  checkObjectArgument('device', device, 'expected a device with os_version and os_variant');
  const match = device.os_version ? OS_VERSION_PATTERN.exec(device.os_version) : null;
  if (!match) return null;
  const [, core, prerelease = '', build, oldRevision] = match;
  const buildParts = (build ?? oldRevision ?? '').split('.').filter((part) => part !== '');
  const prereleaseParts = prerelease.slice(1).split('.');
  const variant = device.os_variant;
  if (variant && !buildParts.includes(variant) && !prereleaseParts.includes(variant)) buildParts.push(variant);
  return `${core}${prerelease}${buildParts.length > 0 ? `+${buildParts.join('.')}` : ''}`;
}
