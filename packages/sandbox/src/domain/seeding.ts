import { randomHex } from '../auth/random.js';
import { attachActor, insertRow, newRow } from '../store/new-row.js';
import { applicationSlug } from '../store/schema-fleet.js';
import type { Store } from '../store/store.js';
import type { SeedApplicationOptions, SeedDevicesOptions, SeededRelease, SeedReleaseOptions } from '../types.js';
import { randomDeviceName } from './names.js';
import { finalizeRelease, parseReleaseBody } from './release-version.js';
import { isTrackable, trackLatestRelease } from './track-latest-release.js';

/** The id of a device type by slug or alias (throws for an unknown one). */
export function deviceTypeId(store: Store, slug: string): number {
  const alias = store.findUnique('device_type_alias', ['is_referenced_by__alias'], [slug]);
  const id = (alias?.device_type as number | undefined) ?? store.findUnique('device_type', ['slug'], [slug])?.id;
  if (id === undefined) throw new Error(`Unknown device type ${slug}`);
  return id;
}

/** Creates a fleet in the given organization, or else the owner's own. */
export function seedApplication(
  store: Store,
  ownerId: number,
  options: SeedApplicationOptions,
): { id: number; slug: string; uuid: string } {
  let organization = options.organization;
  if (organization === undefined) {
    const membership = store.referencing('organization_membership', 'user', ownerId)[0];
    if (!membership) throw new Error(`user ${ownerId} has no organization`);
    organization = membership.is_member_of__organization as number;
  } else if (!store.get('organization', organization)) {
    throw new Error(`no organization ${organization}`);
  }
  const row = newRow(store, 'application', {
    app_name: options.name,
    organization,
    is_for__device_type: deviceTypeId(store, options.deviceType ?? 'raspberrypi4-64'),
    uuid: randomHex(32),
  });
  row.slug = applicationSlug(store, row);
  store.checkUnique('application', row);
  attachActor(store, 'application', row);
  store.put('application', row);
  return { id: row.id, slug: row.slug as string, uuid: row.uuid as string };
}

/** Bulk-inserts devices into a fleet. */
export function seedDevices(store: Store, options: SeedDevicesOptions): { id: number; uuid: string }[] {
  const application = store.get('application', options.application);
  if (!application) throw new Error(`no application ${options.application}`);
  const type = options.deviceType
    ? deviceTypeId(store, options.deviceType)
    : (application.is_for__device_type as number);
  const created: { id: number; uuid: string }[] = [];
  for (let index = 0; index < options.count; index++) {
    const row = newRow(store, 'device', {
      uuid: randomHex(32),
      device_name: options.namePrefix ? `${options.namePrefix}${index + 1}` : randomDeviceName(),
      belongs_to__application: application.id,
      is_of__device_type: type,
      ...options.fields,
    });
    // A device seeded online was just heard from: without a heartbeat time, the next sweep of
    // expired heartbeats (every second) would turn it offline before a test reads it.
    if (row.api_heartbeat_state === 'online' && row.heartbeat_at_ms === undefined) row.heartbeat_at_ms = store.now();
    attachActor(store, 'device', row);
    store.put('device', row);
    created.push({ id: row.id, uuid: row.uuid as string });
  }
  return created;
}

/** Creates a release with one service, image and release image per service name. */
export function seedRelease(store: Store, options: SeedReleaseOptions): SeededRelease {
  const application = store.get('application', options.application);
  if (!application) throw new Error(`no application ${options.application}`);
  const now = new Date(store.now()).toISOString();
  const release = newRow(store, 'release', {
    ...parseReleaseBody({ semver: options.semver ?? '0.0.0' }),
    belongs_to__application: application.id,
    commit: options.commit ?? randomHex(32),
    status: options.status ?? 'success',
    is_final: options.isFinal ?? true,
    start_timestamp: now,
    end_timestamp: options.status === 'running' ? null : now,
    composition: {
      version: '2.1',
      services: Object.fromEntries((options.services ?? ['main']).map((name) => [name, { build: '.' }])),
    },
  });
  if (release.is_final === false) release.revision = null;
  else finalizeRelease(store, release);
  store.put('release', release);
  const services = (options.services ?? ['main']).map((name) => {
    const service =
      store.findUnique('service', ['application', 'service_name'], [application.id, name]) ??
      insertRow(store, 'service', { application: application.id, service_name: name });
    const image = insertRow(store, 'image', {
      is_a_build_of__service: service.id,
      status: options.status ?? 'success',
      content_hash: `sha256:${randomHex(64)}`,
      image_size: 50_000_000,
      start_timestamp: now,
      push_timestamp: now,
      is_stored_at__image_location: `registry.sandbox.invalid/v2/${randomHex(32)}`,
    });
    insertRow(store, 'image__is_part_of__release', { image: image.id, is_part_of__release: release.id });
    return { id: service.id, name, imageId: image.id };
  });
  if (isTrackable(release)) trackLatestRelease(store, application.id);
  return { id: release.id, commit: release.commit as string, services };
}
