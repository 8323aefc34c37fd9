/** A host OS release as the host application lists it. */
export interface OsRelease {
  readonly raw_version: string;
}

interface ParsedVersion {
  readonly core: readonly number[];
  readonly prerelease: string;
  readonly revision: number;
}

function parseVersion(version: string): ParsedVersion {
  const [main = '', build = ''] = version.replace(/^v/, '').split('+');
  const dash = main.indexOf('-');
  const coreText = dash === -1 ? main : main.slice(0, dash);
  const revision = /rev(\d+)/.exec(build);
  return {
    core: coreText.split('.').map((part) => Number.parseInt(part, 10) || 0),
    prerelease: dash === -1 ? '' : main.slice(dash + 1),
    revision: revision ? Number(revision[1]) : 0,
  };
}

/**
 * Compares two balenaOS versions (`2.115.7+rev1`, `6.0.13`, `5.1.0-1700000000000`) semver-style,
 * with the `revN` build number as the last tie-breaker.
 *
 * @param left - a version
 * @param right - another version
 * @returns a negative number when `left` is older, positive when newer, 0 when equal
 * @example
 * ```ts
 * compareOsVersions('2.115.7+rev1', '2.115.7'); // > 0
 * ```
 */
export function compareOsVersions(left: string, right: string): number {
  const a = parseVersion(left);
  const b = parseVersion(right);
  for (let index = 0; index < 3; index += 1) {
    const difference = (a.core[index] ?? 0) - (b.core[index] ?? 0);
    if (difference !== 0) return difference;
  }
  if (a.prerelease !== b.prerelease) {
    if (a.prerelease === '') return 1;
    if (b.prerelease === '') return -1;
    return a.prerelease < b.prerelease ? -1 : 1;
  }
  return a.revision - b.revision;
}

/**
 * Picks the newest version among host OS releases.
 *
 * @param releases - releases with a `raw_version`
 * @returns the newest `raw_version`, or undefined for an empty list
 * @example
 * ```ts
 * newestOsVersion([{ raw_version: '5.0.1' }, { raw_version: '6.0.13' }]); // '6.0.13'
 * ```
 */
export function newestOsVersion(releases: readonly OsRelease[]): string | undefined {
  let newest: string | undefined;
  for (const release of releases) {
    if (newest === undefined || compareOsVersions(release.raw_version, newest) > 0) newest = release.raw_version;
  }
  return newest;
}

/** The `$expand` that lists a device type's usable host OS releases in the same request. */
export const HOST_OS_RELEASES_EXPAND = {
  is_default_for__application: {
    $select: 'id',
    $filter: { is_host: true, is_archived: false },
    $expand: {
      owns__release: {
        $select: 'raw_version',
        $filter: { status: 'success', is_final: true, is_invalidated: false },
      },
    },
  },
} as const;

/** A device type row expanded with {@link HOST_OS_RELEASES_EXPAND}. */
export interface DeviceTypeWithOsReleases {
  readonly slug: string;
  readonly is_default_for__application: readonly { readonly owns__release: readonly OsRelease[] }[];
}

/**
 * The newest OS version of a device type expanded with {@link HOST_OS_RELEASES_EXPAND}.
 *
 * @param deviceType - the expanded device type
 * @returns the newest version, or undefined when the device type has no OS release
 * @example
 * ```ts
 * const version = newestOsVersionOf(deviceTypeRow);
 * ```
 */
export function newestOsVersionOf(deviceType: DeviceTypeWithOsReleases): string | undefined {
  return newestOsVersion(deviceType.is_default_for__application.flatMap((host) => host.owns__release));
}
