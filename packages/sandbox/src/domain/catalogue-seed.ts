import { randomHex } from '../auth/random.js';
import { attachActor, insertRow, newRow } from '../store/new-row.js';
import type { Store } from '../store/store.js';
import { ensureCreditFeatures } from './credit-features.js';
import { deviceTypeContract } from './device-type-contracts.js';
import {
  CPU_ARCHITECTURES,
  DEVICE_FAMILIES,
  DEVICE_MANUFACTURERS,
  DEVICE_TYPES,
  HOST_OS_RELEASES,
} from './device-type-table.js';
import { ensureFleetMembershipRoles } from './fleet-roles.js';
import { ensureMembershipRoles } from './memberships.js';

/** The organization that owns the balenaOS host applications (nobody is a member). */
export const HOST_ORGANIZATION_HANDLE = 'balena_os';

/** Fills a new store with membership roles, the application type, device types, their aliases and balenaOS host apps. */
export function seedCatalogue(store: Store): void {
  ensureMembershipRoles(store);
  ensureCreditFeatures(store);
  ensureFleetMembershipRoles(store);
  insertRow(store, 'application_type', {
    name: 'Default',
    slug: 'default',
    description: 'Multi-container fleet',
    supports_multicontainer: true,
    supports_web_url: true,
    needs__os_version_range: '>=2.12.0',
  });
  const architectures = new Map(
    CPU_ARCHITECTURES.map((slug) => [slug, insertRow(store, 'cpu_architecture', { slug }).id]),
  );
  const manufacturers = new Map(
    DEVICE_MANUFACTURERS.map((entry) => [entry.slug, insertRow(store, 'device_manufacturer', entry).id]),
  );
  const families = new Map(
    DEVICE_FAMILIES.map((family) => [
      family.slug,
      insertRow(store, 'device_family', {
        slug: family.slug,
        name: family.name,
        is_manufactured_by__device_manufacturer: manufacturers.get(family.manufacturer) ?? null,
      }).id,
    ]),
  );
  const hostOrganization = insertRow(store, 'organization', { name: 'balenaOS', handle: HOST_ORGANIZATION_HANDLE });
  for (const entry of DEVICE_TYPES) {
    const deviceType = insertRow(store, 'device_type', {
      slug: entry.slug,
      name: entry.name,
      is_of__cpu_architecture: architectures.get(entry.arch),
      belongs_to__device_family: families.get(entry.family) ?? null,
      contract: deviceTypeContract(entry),
    });
    for (const alias of [entry.slug, ...(entry.aliases ?? [])]) {
      insertRow(store, 'device_type_alias', { device_type: deviceType.id, is_referenced_by__alias: alias });
    }
    const host = newRow(store, 'application', {
      app_name: entry.slug,
      slug: `${HOST_ORGANIZATION_HANDLE}/${entry.slug}`,
      uuid: randomHex(32),
      organization: hostOrganization.id,
      is_for__device_type: deviceType.id,
      is_host: true,
      is_public: true,
      is_of__class: 'app',
    });
    attachActor(store, 'application', host);
    store.put('application', host);
    insertRow(store, 'application_tag', { application: host.id, tag_key: 'release-policy', value: 'default' });
    for (const release of HOST_OS_RELEASES) {
      const row = insertRow(store, 'release', {
        belongs_to__application: host.id,
        commit: randomHex(32),
        status: 'success',
        semver_major: release.major,
        semver_minor: release.minor,
        semver_patch: release.patch,
        semver_build: release.build,
        is_final: release.isFinal,
        // The revision a final release got when it was finalized (`rev1` in its build says 1).
        revision: release.isFinal ? Number(/^rev(\d+)$/.exec(release.build)?.[1] ?? 0) : null,
        phase: release.phase,
        variant: '',
        is_invalidated: release.isInvalidated ?? false,
      });
      insertRow(store, 'release_tag', { release: row.id, tag_key: 'version', value: release.version });
      insertRow(store, 'release_tag', {
        release: row.id,
        tag_key: 'meta-balena-base',
        value: release.version.split('+')[0],
      });
    }
  }
}
