import { HttpError } from '../http/http-error.js';
import { coerceValue, WrongType } from '../odata/coerce.js';
import { insertRow, updateRow } from '../store/new-row.js';
import type { Row } from '../store/row.js';
import { findField } from '../store/schema.js';
import type { Store } from '../store/store.js';
import { isFirstContact } from './device-status.js';
import { reportedOsRelease } from './host-os-target.js';
import { successfulRelease } from './release-commit.js';

/** Device fields a supervisor may report about itself. */
const REPORTABLE = new Set([
  'status',
  'is_online',
  'os_version',
  'os_variant',
  'supervisor_version',
  'provisioning_progress',
  'provisioning_state',
  'ip_address',
  'mac_address',
  'download_progress',
  'api_port',
  'api_secret',
  'cpu_usage',
  'cpu_temp',
  'cpu_id',
  'memory_usage',
  'memory_total',
  'storage_block_device',
  'storage_usage',
  'storage_total',
  'is_undervolted',
  'update_status',
  'local_id',
]);

type Report = Record<string, unknown>;

function applyRunningApps(store: Store, device: Row, apps: unknown): void {
  if (!apps || typeof apps !== 'object') return;
  for (const app of Object.values(apps as Record<string, Report>)) {
    const releases = (app?.releases ?? {}) as Record<string, Report>;
    for (const [commit, release] of Object.entries(releases)) {
      const releaseRow = successfulRelease(store, device.belongs_to__application as number, commit);
      if (!releaseRow) continue;
      if (app.release_uuid === commit || Object.keys(releases).length === 1) {
        updateRow(store, 'device', device.id, { is_running__release: releaseRow.id });
      }
      for (const [serviceName, serviceState] of Object.entries((release.services ?? {}) as Record<string, Report>)) {
        const service = store.findUnique(
          'service',
          ['application', 'service_name'],
          [device.belongs_to__application, serviceName],
        );
        if (!service) continue;
        const image = store
          .referencing('image', 'is_a_build_of__service', service.id)
          .find((candidate) =>
            store.findUnique(
              'image__is_part_of__release',
              ['image', 'is_part_of__release'],
              [candidate.id, releaseRow.id],
            ),
          );
        if (!image) continue;
        if (!store.findUnique('service_install', ['device', 'installs__service'], [device.id, service.id])) {
          insertRow(store, 'service_install', { device: device.id, installs__service: service.id });
        }
        const changes = {
          status: typeof serviceState?.status === 'string' ? serviceState.status : 'Running',
          download_progress:
            typeof serviceState?.download_progress === 'number' ? serviceState.download_progress : null,
          is_provided_by__release: releaseRow.id,
        };
        const install = store.findUnique('image_install', ['device', 'installs__image'], [device.id, image.id]);
        if (install) updateRow(store, 'image_install', install.id, changes);
        else
          insertRow(store, 'image_install', {
            device: device.id,
            installs__image: image.id,
            install_date: new Date(store.now()).toISOString(),
            ...changes,
          });
      }
    }
  }
}

/** Applies one device's state report (PATCH /device/v2|v3/state): all fields checked before writing. */
export function applyStateReport(store: Store, device: Row, report: Report): void {
  const changes: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(report)) {
    if (name === 'name' && typeof value === 'string') changes.device_name = value;
    if (!REPORTABLE.has(name)) continue;
    try {
      changes[name] = coerceValue(findField('device', name)!, value);
    } catch (error) {
      if (error instanceof WrongType) throw new HttpError(400);
      throw error;
    }
  }
  if (isFirstContact(device)) changes.is_active = true;
  // balena sets the target OS release from the first OS version a device reports.
  if (device.os_version === null && typeof changes.os_version === 'string' && typeof changes.os_variant === 'string') {
    const release = reportedOsRelease(store, device, changes.os_version, changes.os_variant);
    if (release !== undefined) changes.should_be_operated_by__release = release;
  }
  changes.last_connectivity_event = new Date(store.now()).toISOString();
  updateRow(store, 'device', device.id, changes);
  applyRunningApps(store, store.get('device', device.id)!, report.apps);
}
