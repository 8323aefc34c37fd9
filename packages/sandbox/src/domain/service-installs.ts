import { insertRow } from '../store/new-row.js';
import type { Row } from '../store/row.js';
import type { Store } from '../store/store.js';

/**
 * Keeps one `service_install` per device and service of its fleet, as balena's hooks do: a device
 * registered into a fleet gets one for each of its services, a new service one for each of its
 * devices, and a device that moves loses those of its old fleet and gets those of the new one
 * (its device service variables go with them). The official SDK's device service variables look
 * the service install up, so without it they answer "Service not found".
 */
export function trackServiceInstalls(store: Store): void {
  store.onChange((resource, _id, row) => {
    if (!row) return;
    if (resource === 'device') syncDevice(store, row);
    else if (resource === 'service') syncService(store, row);
  });
}

function syncDevice(store: Store, device: Row): void {
  const application = device.belongs_to__application as number | null;
  const installs = store.referencing('service_install', 'device', device.id);
  for (const install of installs) {
    const service = store.get('service', install.installs__service as number);
    if (service && service.application !== application) store.remove('service_install', install.id);
  }
  if (application === null || application === undefined) return;
  for (const service of store.referencing('service', 'application', application)) ensureInstall(store, device, service);
}

function syncService(store: Store, service: Row): void {
  for (const device of store.referencing('device', 'belongs_to__application', service.application as number)) {
    ensureInstall(store, device, service);
  }
}

function ensureInstall(store: Store, device: Row, service: Row): void {
  if (store.findUnique('service_install', ['device', 'installs__service'], [device.id, service.id])) return;
  insertRow(store, 'service_install', { device: device.id, installs__service: service.id });
}
