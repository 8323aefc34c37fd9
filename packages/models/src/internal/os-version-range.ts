import SemverRange from 'semver/classes/range.js';
import { compareOsVersions, normalizeOsVersion, readOsVersion } from './os-version.js';

// Ranges (`^6.0.0`, `>=2.88 <3`, `~2.0`, `6.x`) are a grammar of their own: `semver` reads them.
// Apart from os-version.ts so that entries which only compare versions (the device model's local
// mode and supervisor checks) neither bundle nor load it.

/**
 * Whether a balenaOS version satisfies a semver range (loose parsing, as balena's tools read ranges).
 *
 * @param version - the version
 * @param range - a range (`^6.0.0`, `>=2.88 <3`)
 * @returns false for a version that does not parse
 * @example
 * ```ts
 * satisfiesOsRange('balenaOS 6.0.13', '^6.0.0'); // true
 * ```
 */
export function satisfiesOsRange(version: string, range: string): boolean {
  return osRangeTest(range)(version);
}

/**
 * Reads a range once, for testing many versions against it (as {@link satisfiesOsRange} does).
 *
 * @param range - a range (`^2024.7`, `>=2.88 <3`); one that does not parse is satisfied by no version
 * @returns whether a version satisfies it
 * @example
 * ```ts
 * const inLine = osRangeTest('^2024.7');
 * inLine('2024.7.2'); // true
 * ```
 */
export function osRangeTest(range: string): (version: string) => boolean {
  let parsed: SemverRange | null;
  try {
    parsed = new SemverRange(range, { loose: true });
  } catch {
    // semver's own `satisfies` answers false for a range it cannot read.
    parsed = null;
  }
  return (version) => {
    if (parsed === null) return false;
    const read = readOsVersion(version);
    return read.parsed !== null && parsed.test(read.text);
  };
}

/**
 * The newest of some balenaOS versions that satisfies a range.
 *
 * @param versions - the versions, in any order
 * @param range - a range, spelled as versions may be (see {@link normalizeOsVersion})
 * @returns the version as given, or null when none satisfies the range
 * @example
 * ```ts
 * maxSatisfyingOsVersion(['6.0.13', '5.3.20'], '^5'); // '5.3.20'
 * ```
 */
export function maxSatisfyingOsVersion(versions: readonly string[], range: string): string | null {
  const covers = osRangeTest(normalizeOsVersion(range));
  let newest: string | null = null;
  for (const version of versions) {
    if (covers(version) && compareOsVersions(version, newest) > 0) newest = version;
  }
  return newest;
}
