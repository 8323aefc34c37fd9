import { type Client, InvalidParameter, mergeOptions, type ODataOptions } from '@balena-ts/core';
import { checkObjectArgument } from '../internal/argument-checks.js';
import { checkODataOptions } from '../internal/odata-options.js';
import { newestFirst, parseOsVersion, releasePolicyOf } from '../internal/os-version.js';
import { osRangeTest } from '../internal/os-version-range.js';

/** The release policies of balenaOS host applications (their `release-policy` tag). */
export const OS_TYPES: { readonly DEFAULT: 'default'; readonly ESR: 'esr' } = { DEFAULT: 'default', ESR: 'esr' };

/** A release policy: `default` (the rolling line) or `esr` (extended support). */
export type OsType = 'default' | 'esr';

/** The support line of an OS version: from its `phase`, or for ESR from the host application's `esr-*` tags. */
export type OsLine = 'next' | 'current' | 'sunset' | 'outdated' | undefined;

/** One balenaOS version: a host application release, with what the SDK derives from it. */
export interface OsVersion {
  /** The release id. */
  readonly id: number;
  /** The release's version, variant included (`2.88.4+rev2.prod`, `6.0.13`, `2025.1.1`). */
  readonly raw_version: string;
  /** `prod`, `dev`, or `''` for unified images. */
  readonly variant: string;
  /** balena's release phase (`end-of-life`, ...) or null. */
  readonly phase: string | null;
  /** Known issues, when balena flagged the release. */
  readonly known_issue_list: string | null;
  /** The release tags (`version`, `variant`, `meta-balena-base`). */
  readonly release_tag: readonly { readonly tag_key: string; readonly value: string }[];
  /** The version without the variant (`2.88.4+rev2`). */
  readonly strippedVersion: string;
  /** The default-line version an ESR release is built on (its `meta-balena-base` tag), else {@link OsVersion.strippedVersion}. */
  readonly basedOnVersion: string;
  /** The host application's release policy: `default` or `esr`. */
  readonly osType: string;
  /** The support line. */
  readonly line: OsLine;
}

/** Options of `getAvailableOsVersions`. */
export interface AvailableOsVersionsOptions {
  /** Include draft (pre-)releases; false by default. */
  readonly includeDraft?: boolean;
}

type Tag = { readonly tag_key: string; readonly value: string };
type RawRelease = Omit<OsVersion, 'strippedVersion' | 'basedOnVersion' | 'osType' | 'line'>;
interface HostApplication {
  readonly is_for__device_type: readonly { readonly slug: string }[];
  readonly application_tag: readonly Tag[];
  readonly owns__release: readonly RawRelease[];
}

const RELEASE_OPTIONS: ODataOptions = {
  $select: ['id', 'known_issue_list', 'raw_version', 'variant', 'phase'],
  $expand: { release_tag: { $select: ['tag_key', 'value'] } },
};
const VARIANT_NAMES: ReadonlyMap<string, string> = new Map([
  ['production', 'prod'],
  ['development', 'dev'],
]);

function tagMap(tags: readonly Tag[]): Map<string, string> {
  return new Map(tags.map((tag) => [tag.tag_key, tag.value]));
}

const ESR_LINES = ['next', 'current', 'sunset'] as const;

/** The ESR lines a host application's `esr-*` tags name, each with its range read once. */
function esrLinesOf(appTags: Map<string, string>): (readonly [OsLine, (version: string) => boolean])[] {
  const lines: (readonly [OsLine, (version: string) => boolean])[] = [];
  for (const line of ESR_LINES) {
    const range = appTags.get(`esr-${line}`);
    // Every patch of an ESR line belongs to it: `esr-current: 2024.7` covers 2024.7.x.
    if (range !== undefined) lines.push([line, osRangeTest(`^${range}`)]);
  }
  return lines;
}

function lineOf(
  phase: string | null,
  version: string,
  esrLines: ReturnType<typeof esrLinesOf>,
  osType: string,
): OsLine {
  if (phase === null || phase === undefined) {
    for (const [line, covers] of esrLines) {
      if (covers(version)) return line;
    }
    return osType.toLowerCase() === OS_TYPES.ESR ? 'outdated' : undefined;
  }
  return phase === 'end-of-life' ? 'outdated' : (phase as OsLine);
}

function toOsVersions(host: HostApplication): OsVersion[] {
  // Stryker disable next-line ArrayDeclaration: the API answers an expanded collection as an array, never leaves it out
  const esrLines = esrLinesOf(tagMap(host.application_tag ?? []));
  // Stryker disable next-line ArrayDeclaration: the API answers an expanded collection as an array, never leaves it out
  const osType = releasePolicyOf(host.application_tag ?? []);
  const versions: OsVersion[] = [];
  // Stryker disable next-line ArrayDeclaration: the API answers an expanded collection as an array, never leaves it out
  for (const release of host.owns__release ?? []) {
    // Stryker disable next-line ArrayDeclaration: the API answers an expanded collection as an array, never leaves it out
    const tags = tagMap(release.release_tag ?? []);
    const parsed = release.raw_version.startsWith('0.0.0') ? null : parseOsVersion(release.raw_version);
    let variant = release.variant;
    let rawVersion = release.raw_version;
    let strippedVersion: string;
    if (parsed === null) {
      // Releases from before semver fields (2019.10.0.dev ...) carry their version and variant in tags only.
      const tagged = tags.get('version');
      if (tagged === undefined) continue;
      const variantTag = tags.get('variant');
      if (variantTag !== undefined) variant = VARIANT_NAMES.get(variantTag) ?? variantTag;
      strippedVersion = tagged;
      rawVersion = [tagged, variant].filter((part) => part !== '').join('.');
    } else {
      const build = parsed.build.filter((part) => part !== release.variant).join('.');
      strippedVersion = [parsed.version, build].filter((part) => part !== '').join('+');
    }
    versions.push({
      ...release,
      raw_version: rawVersion,
      variant,
      osType,
      line: lineOf(release.phase, strippedVersion, esrLines, osType),
      strippedVersion,
      basedOnVersion: tags.get('meta-balena-base') ?? strippedVersion,
    });
  }
  return versions;
}

function checkDeviceTypes(deviceTypes: string | readonly string[]): string[] {
  const list = typeof deviceTypes === 'string' ? [deviceTypes] : deviceTypes;
  if (!Array.isArray(list) || list.length === 0) {
    throw new InvalidParameter('deviceTypes', deviceTypes, 'expected a device type slug or a non-empty array of them');
  }
  for (const slug of list) {
    if (typeof slug !== 'string' || slug.trim() === '') {
      throw new InvalidParameter('deviceTypes', deviceTypes, 'expected device type slugs');
    }
  }
  return [...list];
}

/**
 * Lists the OS versions of device types, newest first, grouped by device type slug.
 *
 * @param client - the client
 * @param deviceTypes - device type slugs
 * @param releaseOptions - OData options merged into the releases' `$expand`
 * @returns the versions of each device type that has any
 * @example
 * ```ts
 * const byType = await fetchOsVersions(client, ['raspberrypi3'], { $filter: { is_final: true } });
 * ```
 */
export async function fetchOsVersions(
  client: Client,
  deviceTypes: readonly string[],
  releaseOptions: ODataOptions | undefined,
): Promise<Record<string, OsVersion[]>> {
  const hosts = await client.pine.get<HostApplication>({
    resource: 'application',
    options: {
      // Stryker disable next-line StringLiteral: an empty $select reads every field, this one among them
      $select: 'is_for__device_type',
      $expand: {
        // Stryker disable next-line ObjectLiteral,ArrayDeclaration: without the $select every field of the tags is read, these among them
        application_tag: { $select: ['tag_key', 'value'] },
        // Stryker disable next-line ObjectLiteral,StringLiteral: without the $select every field of the device type is read, the slug among them
        is_for__device_type: { $select: 'slug' },
        owns__release: mergeOptions(RELEASE_OPTIONS, releaseOptions),
      },
      $filter: {
        is_host: true,
        is_for__device_type: { $any: { $alias: 'dt', $expr: { dt: { slug: { $in: [...deviceTypes] } } } } },
      },
    },
  });
  const byType: Record<string, OsVersion[]> = Object.create(null);
  for (const host of hosts) {
    const slug = host.is_for__device_type[0]?.slug;
    if (slug === undefined) continue;
    byType[slug] ??= [];
    byType[slug].push(...toOsVersions(host));
  }
  for (const [slug, versions] of Object.entries(byType)) {
    byType[slug] = newestFirst(versions, (version) => version.raw_version);
  }
  return byType;
}

function pick(
  deviceTypes: string | readonly string[],
  byType: Record<string, OsVersion[]>,
): OsVersion[] | Record<string, OsVersion[]> {
  return typeof deviceTypes === 'string' ? (byType[deviceTypes] ?? []) : byType;
}

/**
 * Lists every OS version of a device type, newest first, invalidated and draft ones included.
 *
 * @param client - the client
 * @param deviceTypes - a device type slug
 * @param options - OData options for the releases (e.g. `{ $filter: { is_invalidated: false } }`)
 * @returns the versions
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty or non-string slug, or options that are not an object
 * @example
 * ```ts
 * const versions = await getAllOsVersions(client, 'raspberrypi4-64');
 * const byType = await getAllOsVersions(client, ['raspberrypi3', 'fincm3']);
 * ```
 */
export async function getAllOsVersions(
  client: Client,
  deviceTypes: string,
  options?: ODataOptions,
): Promise<OsVersion[]>;
/**
 * Lists every OS version of several device types, newest first, by device type slug.
 *
 * @param client - the client
 * @param deviceTypes - device type slugs
 * @param options - OData options for the releases
 * @returns the versions by slug
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty list, a non-string slug, or options that are not an object
 * @example
 * ```ts
 * const byType = await getAllOsVersions(client, ['raspberrypi3', 'fincm3']);
 * ```
 */
export async function getAllOsVersions(
  client: Client,
  deviceTypes: readonly string[],
  options?: ODataOptions,
): Promise<Record<string, OsVersion[]>>;
export async function getAllOsVersions(
  client: Client,
  deviceTypes: string | readonly string[],
  options?: ODataOptions,
): Promise<OsVersion[] | Record<string, OsVersion[]>> {
  const slugs = checkDeviceTypes(deviceTypes);
  const checked = checkODataOptions(options);
  return pick(deviceTypes, await fetchOsVersions(client, slugs, checked));
}

/**
 * Lists the OS versions a device type can be given, newest first: successful, final (unless
 * `includeDraft`) and not invalidated, from both the default and the ESR lines.
 *
 * @param client - the client
 * @param deviceTypes - a device type slug
 * @param options - OData options for the releases
 * @param extraOptions - `includeDraft` to list pre-releases too
 * @returns the versions
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty or non-string slug, or options that are not an object
 * @example
 * ```ts
 * const versions = await getAvailableOsVersions(client, 'raspberrypi4-64');
 * const esr = versions.filter((version) => version.osType === 'esr');
 * ```
 */
export async function getAvailableOsVersions(
  client: Client,
  deviceTypes: string,
  options?: ODataOptions,
  extraOptions?: AvailableOsVersionsOptions,
): Promise<OsVersion[]>;
/**
 * Lists the OS versions several device types can be given, newest first, by device type slug.
 *
 * @param client - the client
 * @param deviceTypes - device type slugs
 * @param options - OData options for the releases
 * @param extraOptions - `includeDraft` to list pre-releases too
 * @returns the versions by slug
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty list, a non-string slug, or options that are not an object
 * @example
 * ```ts
 * const byType = await getAvailableOsVersions(client, ['raspberrypi3', 'fincm3']);
 * ```
 */
export async function getAvailableOsVersions(
  client: Client,
  deviceTypes: readonly string[],
  options?: ODataOptions,
  extraOptions?: AvailableOsVersionsOptions,
): Promise<Record<string, OsVersion[]>>;
export async function getAvailableOsVersions(
  client: Client,
  deviceTypes: string | readonly string[],
  options?: ODataOptions,
  extraOptions?: AvailableOsVersionsOptions,
): Promise<OsVersion[] | Record<string, OsVersion[]>> {
  const slugs = checkDeviceTypes(deviceTypes);
  const checked = checkODataOptions(options);
  if (extraOptions !== undefined) checkObjectArgument('extraOptions', extraOptions, 'expected an object');
  const includeDraft = extraOptions?.includeDraft === true;
  const filter: ODataOptions = {
    $filter: { ...(includeDraft ? {} : { is_final: true }), is_invalidated: false, status: 'success' },
  };
  return pick(deviceTypes, await fetchOsVersions(client, slugs, mergeOptions(checked, filter)));
}
