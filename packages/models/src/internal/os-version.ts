// balenaOS versions as balena compares them (the rules of balena's own `balena-semver`, whose
// CommonJS build and caching dependencies made up most of what installing the models package
// brought with it). Parsing and ordering follow semver 2.0.0's grammar and precedence, written here
// rather than loaded from `semver`: the device model compares versions (local mode, supervisor
// pins) and a Node program would load semver's nine modules, and compile its expressions, to
// read one device. Ranges, a grammar of their own, stay with `semver` (os-version-range.ts); the
// test checks both files against balena-semver on every pair of a table of spellings.

/** A parsed balenaOS version: semver's parts (numeric pre-release identifiers as numbers). */
export interface ParsedOsVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  readonly prerelease: readonly (string | number)[];
  readonly build: readonly string[];
  /** `major.minor.patch` and the pre-release, without the build. */
  readonly version: string;
}

// semver 2.0.0's grammar (semver.org), with the leading `v` node-semver also accepts.
const SEMVER_PATTERN =
  /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
const NUMERIC = /^[0-9]+$/;
// node-semver's limits: a longer string or a larger number is not a version.
const MAX_LENGTH = 256;

function semverParse(text: string): ParsedOsVersion | null {
  const trimmed = text.trim();
  if (trimmed.length > MAX_LENGTH) return null;
  const match = SEMVER_PATTERN.exec(trimmed);
  if (!match) return null;
  const [major, minor, patch] = [match[1], match[2], match[3]].map(Number) as [number, number, number];
  if (![major, minor, patch].every(Number.isSafeInteger)) return null;
  const prerelease = match[4] === undefined ? [] : match[4].split('.').map(preReleaseIdentifier);
  const core = `${major}.${minor}.${patch}`;
  return {
    major,
    minor,
    patch,
    prerelease,
    build: match[5] === undefined ? [] : match[5].split('.'),
    version: prerelease.length > 0 ? `${core}-${prerelease.join('.')}` : core,
  };
}

function preReleaseIdentifier(identifier: string): string | number {
  if (!NUMERIC.test(identifier)) return identifier;
  const number = Number(identifier);
  return Number.isSafeInteger(number) ? number : identifier;
}

function compareIdentifiers(left: string | number, right: string | number): number {
  const leftNumeric = NUMERIC.test(String(left));
  const rightNumeric = NUMERIC.test(String(right));
  const a = leftNumeric && rightNumeric ? Number(left) : left;
  const b = leftNumeric && rightNumeric ? Number(right) : right;
  if (a === b) return 0;
  // A numeric identifier sorts below an alphanumeric one (semver 2.0.0, precedence rule 11.4).
  if (leftNumeric && !rightNumeric) return -1;
  if (rightNumeric && !leftNumeric) return 1;
  return a < b ? -1 : 1;
}

function semverCompare(left: ParsedOsVersion, right: ParsedOsVersion): number {
  const main =
    compareIdentifiers(left.major, right.major) ||
    compareIdentifiers(left.minor, right.minor) ||
    compareIdentifiers(left.patch, right.patch);
  if (main !== 0) return main;
  // A version without pre-release parts is above any pre-release of it.
  if (left.prerelease.length === 0 || right.prerelease.length === 0) {
    return sign(left.prerelease.length === 0, right.prerelease.length === 0);
  }
  for (let index = 0; ; index++) {
    const a = left.prerelease[index];
    const b = right.prerelease[index];
    if (a === undefined || b === undefined) return sign(a !== undefined, b !== undefined);
    const order = compareIdentifiers(a, b);
    if (order !== 0) return order;
  }
}

/**
 * A balenaOS version spelled as devices and releases spell it, rewritten as semver: prefixes
 * (`balenaOS `, `Resin OS `, `v`) dropped, `2.0.0.rev1` and `2.0.0_rev1` as `2.0.0+rev1`,
 * `2.0.0.dev` as `2.0.0+dev`, a parenthesised suffix (`(prod)`) as build metadata, and leading
 * zeros removed.
 *
 * @param version - a version as reported (`balenaOS 2.88.4+rev2`, `Resin OS 1.24.0 (prod)`)
 * @returns the semver spelling (`2.88.4+rev2`, `1.24.0`), valid or not
 * @example
 * ```ts
 * normalizeOsVersion('Resin OS 2.0.0.rev1 (prod)'); // '2.0.0+rev1.prod'
 * ```
 */
export function normalizeOsVersion(version: string): string {
  const semverSpelling = version
    .trim()
    .replace(/([0-9]+\.[0-9]+\.[0-9]+)_(\w+)/, '$1+$2')
    .replace(/(\.[0-9]+)\.rev/, '$1+rev')
    .replace(/([0-9]+\.[0-9]+\.[0-9]+)\.(dev|prod)\b/i, '$1+$2')
    // A parenthesised word is the build metadata when there is none, else one more part of it.
    .replace(/([0-9]+\.[0-9]+\.[0-9]+(?:[-.][0-9a-z]+)*) \(([0-9a-z]+)\)/i, '$1+$2')
    .replace(/([0-9]+\.[0-9]+\.[0-9]+(?:[-+.][0-9a-z]+)*) \(([0-9a-z]+)\)/i, '$1.$2')
    .replace(/([^0-9])0+([1-9]+)/i, '$1$2');
  return semverSpelling
    .replace(/(resin|balena)\s*os\s*/gi, '')
    .replace(/\s+\(\w+\)$/, '')
    .replace(/^v/, '');
}

/**
 * Parses a balenaOS version (see {@link normalizeOsVersion} for the spellings accepted).
 *
 * @param version - the version
 * @returns the parsed version, or null when it is not one
 * @example
 * ```ts
 * parseOsVersion('balenaOS 2.88.4+rev2')?.major; // 2
 * ```
 */
export function parseOsVersion(version: string | null | undefined): ParsedOsVersion | null {
  if (typeof version !== 'string') return null;
  return readOsVersion(version).parsed;
}

function revisionOf(version: ParsedOsVersion): number {
  for (const part of version.build) {
    const revision = /^rev(\d+)$/.exec(part);
    if (revision) return Number.parseInt(revision[1] as string, 10);
  }
  return 0;
}

function sign(left: number | string | boolean, right: number | string | boolean): number {
  if (left > right) return 1;
  return left < right ? -1 : 0;
}

/**
 * Compares two balenaOS versions as balena does: semver order first, then the `revN` build
 * number, then a production build above a development one. A missing version sorts below any
 * other, a version that does not parse below every one that does (two unparsable ones compare as
 * text).
 *
 * @param left - a version
 * @param right - another version
 * @returns a negative number when `left` is older, positive when newer, 0 when equal
 * @example
 * ```ts
 * compareOsVersions('2.115.7+rev1', '2.115.7'); // 1
 * ```
 */
export function compareOsVersions(left: string | null | undefined, right: string | null | undefined): number {
  if (left === null || left === undefined) return right === null || right === undefined ? 0 : -1;
  if (right === null || right === undefined) return 1;
  return compareReadVersions(readOsVersion(left), readOsVersion(right));
}

/** A version read once (normalised and parsed) to be compared or tested many times. */
export interface ReadOsVersion {
  /** The semver spelling ({@link normalizeOsVersion}). */
  readonly text: string;
  /** Its parse, null when it is not a version. */
  readonly parsed: ParsedOsVersion | null;
}

// The same spellings come back call after call (a device type's releases, a fleet's devices), and
// reading one (nine rewriting patterns, then semver's grammar) was most of the work on an OS
// versions answer: each is read once, frozen since every caller shares it. Bounded, so that a
// long-lived process that meets many spellings starts again rather than grows.
const READ_VERSIONS_LIMIT = 4_096;
const readVersions = new Map<string, ReadOsVersion>();

/**
 * Normalises and parses a balenaOS version once.
 *
 * @param version - a version as reported
 * @returns its semver spelling and its parse (null when it is not a version)
 */
export function readOsVersion(version: string): ReadOsVersion {
  let read = readVersions.get(version);
  if (read === undefined) {
    const text = normalizeOsVersion(version);
    const parsed = semverParse(text);
    if (parsed !== null) {
      Object.freeze(parsed.prerelease);
      Object.freeze(parsed.build);
    }
    read = Object.freeze({ text, parsed: parsed === null ? null : Object.freeze(parsed) });
    if (readVersions.size >= READ_VERSIONS_LIMIT) readVersions.clear();
    readVersions.set(version, read);
  }
  return read;
}

function compareReadVersions(a: ReadOsVersion, b: ReadOsVersion): number {
  const { parsed: parsedA } = a;
  const { parsed: parsedB } = b;
  if (parsedA === null || parsedB === null) {
    if (parsedA !== null) return 1;
    if (parsedB !== null) return -1;
    return sign(a.text, b.text);
  }
  return (
    semverCompare(parsedA, parsedB) ||
    sign(revisionOf(parsedA), revisionOf(parsedB)) ||
    sign(parsedB.build.includes('dev'), parsedA.build.includes('dev')) ||
    a.text.localeCompare(b.text)
  );
}

/**
 * Sorts items by a balenaOS version of theirs, newest first, in the order of
 * {@link compareOsVersions}: each version is read once, not at each of the sort's comparisons.
 *
 * @param items - the items (not changed)
 * @param versionOf - reads an item's version
 * @returns a new array, newest first
 * @example
 * ```ts
 * newestFirst(releases, (release) => release.raw_version);
 * ```
 */
export function newestFirst<T>(items: readonly T[], versionOf: (item: T) => string): T[] {
  return items
    .map((item) => ({ item, version: readOsVersion(versionOf(item)) }))
    .sort((a, b) => compareReadVersions(b.version, a.version))
    .map(({ item }) => item);
}

/** A host OS release as the host application lists it. */
export interface OsRelease {
  readonly raw_version: string;
}

/** A tag of a host application; its `release-policy` tag says which line it serves. */
export interface HostApplicationTag {
  readonly tag_key: string;
  readonly value: string;
}

/**
 * The release policy of a host application: the value of its `release-policy` tag, `default`
 * (the rolling line) when it has none.
 *
 * @param tags - the host application's tags (others are ignored)
 * @returns `default`, `esr`, or whatever the tag says
 * @example
 * ```ts
 * releasePolicyOf([{ tag_key: 'release-policy', value: 'esr' }]); // 'esr'
 * ```
 */
export function releasePolicyOf(tags: readonly HostApplicationTag[]): string {
  return tags.find((tag) => tag.tag_key === 'release-policy')?.value ?? 'default';
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

/**
 * The `$expand` that lists a device type's usable host OS releases, with each host application's
 * release policy, in the same request.
 */
export const HOST_OS_RELEASES_EXPAND = {
  is_default_for__application: {
    $select: 'id',
    $filter: { is_host: true, is_archived: false },
    $expand: {
      application_tag: { $select: ['tag_key', 'value'], $filter: { tag_key: 'release-policy' } },
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
  readonly is_default_for__application: readonly {
    readonly application_tag: readonly HostApplicationTag[];
    readonly owns__release: readonly OsRelease[];
  }[];
}

/**
 * The newest OS version of a device type's default line (what `latest` means for a download or a
 * configuration, as in balena's SDK: an ESR release, numbered by year, is never `latest`).
 *
 * @param deviceType - the device type expanded with {@link HOST_OS_RELEASES_EXPAND}
 * @returns the newest version, or undefined when the device type has no OS release on the default line
 * @example
 * ```ts
 * const version = newestOsVersionOf(deviceTypeRow);
 * ```
 */
export function newestOsVersionOf(deviceType: DeviceTypeWithOsReleases): string | undefined {
  return newestOsVersion(
    deviceType.is_default_for__application
      .filter((host) => releasePolicyOf(host.application_tag) === 'default')
      .flatMap((host) => host.owns__release),
  );
}
