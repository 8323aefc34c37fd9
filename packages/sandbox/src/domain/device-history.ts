import { insertRow, updateRow } from '../store/new-row.js';
import type { Row } from '../store/row.js';
import type { Store } from '../store/store.js';

/** The device fields a history row copies; a change to any of them ends the row and opens the next. */
const TRACKED_FIELDS = [
  'uuid',
  'belongs_to__application',
  'is_active',
  'is_running__release',
  'is_pinned_on__release',
  'is_managed_by__service_instance',
  'os_version',
  'os_variant',
  'supervisor_version',
  'is_of__device_type',
  'cpu_id',
  'should_be_managed_by__release',
] as const;

function openRow(store: Store, deviceId: number): Row | undefined {
  return store
    .referencing('device_history', 'tracks__device', deviceId)
    .find((row) => row.end_timestamp === null || row.end_timestamp === undefined);
}

function snapshot(device: Row): Record<string, unknown> {
  return Object.fromEntries(TRACKED_FIELDS.map((field) => [field, device[field] ?? null]));
}

function close(store: Store, row: Row): void {
  updateRow(store, 'device_history', row.id, { end_timestamp: new Date(store.now()).toISOString() });
}

/**
 * Records `device_history` as balena-cloud does: a row when a device is created, and on every
 * change of its fleet, releases (running, pinned, supervisor), OS version or variant, supervisor
 * version, device type, CPU id or active state, the previous row ending at that moment. Deleting
 * the device ends its open row; the rows stay (their `tracks__device` goes null) and keep the fleet
 * they were written in, so a device's past survives moves and removal.
 *
 * @param store - the sandbox's store
 */
export function trackDeviceHistory(store: Store): void {
  store.onChange((resource, id, row) => {
    if (resource !== 'device') return;
    const current = openRow(store, id);
    if (!row) {
      if (current) close(store, current);
      return;
    }
    const values = snapshot(row);
    if (current && TRACKED_FIELDS.every((field) => (current[field] ?? null) === values[field])) return;
    if (current) close(store, current);
    insertRow(store, 'device_history', {
      ...values,
      tracks__device: id,
      tracks__actor: row.actor ?? null,
      end_timestamp: null,
    });
  });
}
