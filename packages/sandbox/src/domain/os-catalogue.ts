import { randomHex } from '../auth/random.js';
import { attachActor, insertRow, newRow } from '../store/new-row.js';
import type { Store } from '../store/store.js';

// balena publishes balenaOS as releases of public host applications (`is_host`), one per device type
// and release policy: the default (rolling) line in `balena_os/<slug>`, the extended-support line in
// `balena_os/<slug>-esr`, whose application tags `esr-current`, `esr-next` and `esr-sunset` name the
// major.minor of each supported ESR line. Supervisors are releases of the public, non-host fleets
// `balena_os/<arch>-supervisor`. The version numbers below are balena's release numbers (the older
// ones are those the official SDK's integration tests name); which device types have them, their
// phases and the images behind them are the sandbox's own: every device type gets the same history.

/** One OS or supervisor release of the catalogue. */
export interface CatalogueRelease {
  /** `major.minor.patch[-prerelease][+build]`, without the variant. */
  readonly version: string;
  /** balena's release `phase` (`end-of-life` for old default-line releases), null otherwise. */
  readonly phase?: string | null;
  /** A draft (pre-)release when false. */
  readonly isFinal?: boolean;
  /** balena's release `variant`: `prod`/`dev` for the releases before unified images, '' after. */
  readonly variant?: string;
  readonly isInvalidated?: boolean;
  /** The default-line version an ESR release is built on (its `meta-balena-base` tag). */
  readonly basedOn?: string;
  /** When the release was created (ISO 8601), where a version depends on it: a draft's carries it. */
  readonly createdAt?: string;
}

/** A release of the years before unified images: one release per variant, both end-of-life. */
function bothVariants(version: string): CatalogueRelease[] {
  return [
    { version, phase: 'end-of-life', variant: 'prod' },
    { version, phase: 'end-of-life', variant: 'dev' },
  ];
}

/** The default (rolling) line of every device type, oldest first; the last final one is `latest`. */
export const DEFAULT_OS_RELEASES: readonly CatalogueRelease[] = [
  ...[
    '2.0.6+rev3',
    '2.9.6+rev1',
    '2.15.1+rev1',
    '2.26.0+rev1',
    '2.29.0+rev1',
    '2.29.2+rev1',
    '2.48.0+rev1',
    '2.54.2+rev1',
    '2.88.4+rev2',
  ].flatMap(bothVariants),
  { version: '2.115.3+rev1', phase: 'end-of-life' },
  // A draft's raw_version carries its creation time: balena's reads 5.1.10-1706616336246+rev2.
  { version: '5.1.10+rev2', isFinal: false, createdAt: '2024-01-30T12:05:36.246Z' },
  { version: '5.1.20+rev1', phase: 'end-of-life' },
  { version: '5.2.8', phase: 'end-of-life', isInvalidated: true },
  { version: '5.3.20' },
  { version: '6.0.10' },
  { version: '6.0.13' },
  { version: '6.1.0', isFinal: false },
];

/** The extended-support line, on the device types listed in {@link ESR_DEVICE_TYPES}. */
export const ESR_OS_RELEASES: readonly CatalogueRelease[] = [
  // Lines of 2019.10 to 2022.01 wrote their months with a leading zero, which is not semver. Their
  // bases are the sandbox's choice: the newest default release here from before each line began.
  { version: '2020.04.0', variant: 'prod', basedOn: '2.48.0' },
  { version: '2020.04.0', variant: 'dev', basedOn: '2.48.0' },
  { version: '2021.07.1', variant: 'prod', basedOn: '2.54.2' },
  { version: '2021.07.1', variant: 'dev', basedOn: '2.54.2' },
  { version: '2024.1.3', basedOn: '2.115.3' },
  { version: '2024.7.0', basedOn: '5.3.20' },
  { version: '2024.7.2', basedOn: '5.3.20' },
  { version: '2025.1.0', basedOn: '6.0.10' },
  { version: '2025.1.1', basedOn: '6.0.13' },
];

/** The ESR lines as balena tags its ESR host applications (major.minor of each line). */
export const ESR_LINE_TAGS: Readonly<Record<string, string>> = {
  'esr-next': '2025.1',
  'esr-current': '2024.7',
  'esr-sunset': '2024.1',
};

/** Device types that have an ESR host application. */
export const ESR_DEVICE_TYPES: readonly string[] = [
  'raspberrypi4-64',
  'raspberrypi3',
  'fincm3',
  'intel-nuc',
  'generic-amd64',
];

/** Supervisor releases of every `balena_os/<arch>-supervisor` fleet, oldest first. */
export const SUPERVISOR_RELEASES: readonly CatalogueRelease[] = [
  { version: '11.12.3' },
  { version: '11.12.4' },
  { version: '12.11.0' },
  { version: '14.11.8' },
  { version: '16.4.6' },
  { version: '17.0.0' },
  { version: '17.1.1' },
  { version: '17.2.0', isInvalidated: true },
];

/** The device type each supervisor fleet is for (balena: a generic device type of that architecture). */
export const SUPERVISOR_DEVICE_TYPES: Readonly<Record<string, string>> = {
  rpi: 'raspberry-pi',
  armv7hf: 'raspberrypi3',
  aarch64: 'generic-aarch64',
  amd64: 'generic-amd64',
  i386: 'qemux86',
};

/** The registry host of the supervisor images (balena keeps them on its `registry2` host). */
const SUPERVISOR_REGISTRY = 'registry2.sandbox.invalid';

const VERSION = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+([0-9A-Za-z.-]+))?$/;

/**
 * The parts of a version balena could store in the release's semver fields, or null: a number with
 * a leading zero (the ESR months of 2020.04.0) is not semver, so those releases are 0.0.0 and known
 * by their `version` tag only.
 */
function semverParts(version: string): RegExpExecArray | null {
  const match = VERSION.exec(version);
  return match?.slice(1, 4).every((part) => /^(?:0|[1-9]\d*)$/.test(part)) ? match : null;
}

function insertCatalogueRelease(store: Store, applicationId: number, release: CatalogueRelease): number {
  const [, major = 0, minor = 0, patch = 0, prerelease = '', build = ''] = semverParts(release.version) ?? [];
  const isFinal = release.isFinal ?? true;
  const row = newRow(store, 'release', {
    belongs_to__application: applicationId,
    commit: randomHex(32),
    status: 'success',
    semver_major: Number(major),
    semver_minor: Number(minor),
    semver_patch: Number(patch),
    semver_prerelease: prerelease,
    semver_build: build,
    is_final: isFinal,
    // The revision a final release got when it was finalized (`rev2` in its build says 2).
    revision: isFinal ? Number(/(?:^|\.)rev(\d+)(?:$|\.)/.exec(build)?.[1] ?? 0) : null,
    is_finalized_at__date: isFinal ? new Date(store.now()).toISOString() : null,
    phase: release.phase ?? null,
    variant: release.variant ?? '',
    is_invalidated: release.isInvalidated ?? false,
    known_issue_list: release.isInvalidated ? 'Invalidated: a regression was found after publication' : null,
    composition: {},
  });
  if (release.createdAt) row.created_at = release.createdAt;
  store.put('release', row);
  return row.id;
}

function insertPublicApplication(
  store: Store,
  organization: number,
  values: { app_name: string; slug: string; is_for__device_type: number; is_host: boolean; is_archived?: boolean },
): number {
  const row = newRow(store, 'application', {
    ...values,
    uuid: randomHex(32),
    organization,
    is_public: true,
    is_of__class: 'app',
  });
  attachActor(store, 'application', row);
  store.put('application', row);
  return row.id;
}

/**
 * Adds the balenaOS catalogue of one device type: its default host application (and ESR host
 * application where balena has one) with their releases, release tags and application tags.
 */
export function seedHostApplications(
  store: Store,
  organization: { id: number; handle: string },
  deviceType: { id: number; slug: string; discontinued?: boolean },
): void {
  const lines: { suffix: string; policy: string; releases: readonly CatalogueRelease[] }[] = [
    { suffix: '', policy: 'default', releases: DEFAULT_OS_RELEASES },
  ];
  if (ESR_DEVICE_TYPES.includes(deviceType.slug)) {
    lines.push({ suffix: '-esr', policy: 'esr', releases: ESR_OS_RELEASES });
  }
  for (const line of lines) {
    const name = `${deviceType.slug}${line.suffix}`;
    const host = insertPublicApplication(store, organization.id, {
      app_name: name,
      slug: `${organization.handle}/${name}`,
      is_for__device_type: deviceType.id,
      is_host: true,
      is_archived: deviceType.discontinued === true,
    });
    insertRow(store, 'application_tag', { application: host, tag_key: 'release-policy', value: line.policy });
    if (line.policy === 'esr') {
      for (const [tag_key, value] of Object.entries(ESR_LINE_TAGS)) {
        insertRow(store, 'application_tag', { application: host, tag_key, value });
      }
    }
    for (const release of line.releases) {
      const id = insertCatalogueRelease(store, host, release);
      const version = release.version;
      insertRow(store, 'release_tag', { release: id, tag_key: 'version', value: version });
      if (release.variant) {
        const variantName = release.variant === 'dev' ? 'development' : 'production';
        insertRow(store, 'release_tag', { release: id, tag_key: 'variant', value: variantName });
      }
      insertRow(store, 'release_tag', {
        release: id,
        tag_key: 'meta-balena-base',
        value: release.basedOn ?? version.split('+')[0],
      });
    }
  }
}

/** Adds the `balena_os/<arch>-supervisor` fleets and their releases. */
export function seedSupervisorFleets(
  store: Store,
  organization: { id: number; handle: string },
  deviceTypeIdOf: (slug: string) => number | undefined,
): void {
  for (const [architecture, slug] of Object.entries(SUPERVISOR_DEVICE_TYPES)) {
    const deviceType = deviceTypeIdOf(slug);
    if (deviceType === undefined) continue;
    const name = `${architecture}-supervisor`;
    const fleet = insertPublicApplication(store, organization.id, {
      app_name: name,
      slug: `${organization.handle}/${name}`,
      is_for__device_type: deviceType,
      is_host: false,
    });
    // The sandbox's own single-service layout; balena-sdk reads where each supervisor image is stored.
    const service = insertRow(store, 'service', { application: fleet, service_name: 'main' });
    for (const release of SUPERVISOR_RELEASES) {
      const id = insertCatalogueRelease(store, fleet, release);
      const image = insertRow(store, 'image', {
        is_a_build_of__service: service.id,
        status: 'success',
        content_hash: `sha256:${randomHex(64)}`,
        is_stored_at__image_location: `${SUPERVISOR_REGISTRY}/v2/${randomHex(32)}`,
      });
      insertRow(store, 'image__is_part_of__release', { image: image.id, is_part_of__release: id });
    }
  }
}
