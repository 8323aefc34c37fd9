import { insertRow } from '../store/new-row.js';
import type { Store } from '../store/store.js';
import { ensureCreditFeatures } from './credit-features.js';
import { deviceTypeContract } from './device-type-contracts.js';
import { CPU_ARCHITECTURES, DEVICE_FAMILIES, DEVICE_MANUFACTURERS, DEVICE_TYPES } from './device-type-table.js';
import { ensureFleetMembershipRoles } from './fleet-roles.js';
import { ensureMembershipRoles } from './memberships.js';
import { seedHostApplications, seedSupervisorFleets } from './os-catalogue.js';

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
  const hostOrganization = {
    id: insertRow(store, 'organization', { name: 'balenaOS', handle: HOST_ORGANIZATION_HANDLE }).id,
    handle: HOST_ORGANIZATION_HANDLE,
  };
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
    seedHostApplications(store, hostOrganization, {
      id: deviceType.id,
      slug: entry.slug,
      discontinued: entry.state === 'DISCONTINUED',
    });
  }
  seedSupervisorFleets(store, hostOrganization, (slug) => store.findUnique('device_type', ['slug'], [slug])?.id);
}
