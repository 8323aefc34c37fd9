import { InvalidDeviceType, OsUpdateNotSupported } from '@balena-ts/core';
import { osUpdateType } from '../internal/os-update-rules.js';
import { compareOsVersions, parseOsVersion } from '../internal/os-version.js';
import type { OsVersion } from '../os/os-versions.js';

/** The device fields an OS update check reads. */
export interface OsUpdateDevice {
  readonly id: number;
  readonly uuid: string;
  readonly os_version: string | null;
  readonly os_variant: string | null;
  readonly is_of__device_type: readonly { readonly slug: string }[];
}

/**
 * The device's OS version with its variant in the build (`2.88.4+rev2` and `prod` give
 * `2.88.4+rev2.prod`), as balena compares versions for host updates.
 *
 * @param osVersion - the reported `os_version` (`balenaOS 2.88.4+rev2`)
 * @param osVariant - the reported `os_variant`
 * @returns the version, or undefined when it is not semver
 * @example
 * ```ts
 * osVersionWithVariant('balenaOS 6.0.10', 'prod'); // '6.0.10+prod'
 * ```
 */
export function osVersionWithVariant(osVersion: string, osVariant: string | null): string | undefined {
  const parsed = parseOsVersion(osVersion);
  if (parsed === null) return undefined;
  const build = [...parsed.build];
  if (osVariant && !build.includes(osVariant)) build.push(osVariant);
  const prerelease = parsed.prerelease.length > 0 ? `-${parsed.prerelease.join('.')}` : '';
  return `${parsed.major}.${parsed.minor}.${parsed.patch}${prerelease}${build.length > 0 ? `+${build.join('.')}` : ''}`;
}

/**
 * Checks that a device may be given a host OS release, as balena does before an update or a pin
 * (a pin back to the running version is allowed).
 *
 * @param device - the device with its OS version, variant and device type
 * @param target - the OS release
 * @param mode - `start` for an update, `pin` for a pin
 * @throws {@link @balena-ts/core#OsUpdateNotSupported} when the device has no OS version or variant yet, or balena
 * refuses the update (downgrade, same version, development to production, ESR base older than the running version)
 * @throws {@link @balena-ts/core#InvalidDeviceType} when the device's device type is not known
 * @example
 * ```ts
 * checkOsUpdateTarget(device, release, 'start');
 * ```
 */
export function checkOsUpdateTarget(
  device: OsUpdateDevice,
  target: Pick<OsVersion, 'raw_version' | 'basedOnVersion'>,
  mode: 'start' | 'pin',
): void {
  const { uuid, os_version: osVersion, os_variant: osVariant } = device;
  if (!osVersion) throw new OsUpdateNotSupported(`The current os version of the device is not available: ${uuid}`);
  const current = parseOsVersion(osVersion);
  if (current === null) throw new OsUpdateNotSupported('Invalid current balenaOS version');
  const deviceType = device.is_of__device_type[0]?.slug;
  if (deviceType === undefined) throw new InvalidDeviceType(`The device type of the device is not available: ${uuid}`);
  if (osVariant === null || osVariant === undefined) {
    throw new OsUpdateNotSupported(`The os variant of the device is not available: ${uuid}`);
  }
  if (mode === 'pin') {
    // Stryker disable next-line ArrayDeclaration: the pattern matches every version, and a one-element array has no groups either
    const [, withoutVariant, variant] = /^(.+?)(?:\.(dev|prod))?$/.exec(target.raw_version) ?? [];
    if (
      withoutVariant !== undefined &&
      (variant === undefined || variant === osVariant) &&
      compareOsVersions(osVersion, withoutVariant) === 0
    ) {
      return;
    }
  }
  const currentWithVariant = osVersionWithVariant(osVersion, osVariant) ?? osVersion;
  osUpdateType(deviceType, currentWithVariant, target.raw_version);
  // A device on the default line may not move to an ESR release built on an older default version.
  const targetMajor = parseOsVersion(target.raw_version)?.major ?? null;
  if (current.major <= 2000 && targetMajor !== null && targetMajor > 2000) {
    osUpdateType(deviceType, currentWithVariant, target.basedOnVersion);
  }
}
