// The device table: one query for the fleet's devices, and the rows drawn from it.
import type { Balena } from '@balena-ts/sdk';

/** What a row shows of a device. */
export interface DeviceRow {
  uuid: string;
  name: string;
  status: string;
  online: boolean;
  /** The short commit of the release it runs, or '-'. */
  release: string;
  /** The short commit of the release it is pinned to, or undefined when it tracks the fleet's. */
  pinned: string | undefined;
  os: string;
}

// A navigation reads as `{ __id }` when not expanded, and as an array of rows when expanded.
function shortCommit(navigation: { __id: number } | { commit: string }[] | null): string | undefined {
  return Array.isArray(navigation) ? navigation[0]?.commit.slice(0, 7) : undefined;
}

/** Reads the fleet's devices (one request) and turns them into rows. */
export async function fetchDeviceRows(balena: Balena, fleetId: number): Promise<DeviceRow[]> {
  const devices = await balena.models.device.getAllByApplication(fleetId, {
    $select: [
      'uuid',
      'device_name',
      'overall_status',
      'overall_progress',
      'is_connected_to_vpn',
      'api_heartbeat_state',
      'os_version',
      // Selecting the navigations keeps them in the result's type; the expand fills them in.
      'is_running__release',
      'is_pinned_on__release',
    ],
    $expand: { is_running__release: { $select: 'commit' }, is_pinned_on__release: { $select: 'commit' } },
    $orderby: 'device_name asc',
  });
  return devices.map((device) => ({
    uuid: device.uuid,
    name: device.device_name,
    // The API's own summary (operational, updating, offline, ...), with the progress while it updates.
    status:
      device.overall_progress === null ? device.overall_status : `${device.overall_status} ${device.overall_progress}%`,
    // Online as `device.isOnline` has it: reachable over the VPN, or heard from over the API.
    online: device.is_connected_to_vpn || device.api_heartbeat_state === 'online',
    release: shortCommit(device.is_running__release) ?? '-',
    pinned: shortCommit(device.is_pinned_on__release),
    os: device.os_version ?? '-',
  }));
}

function cell(row: HTMLTableRowElement, text: string, className?: string): HTMLTableCellElement {
  const td = row.insertCell();
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

/** Redraws the table body; the selected device's row gets the `selected` class. */
export function renderDeviceRows(body: HTMLTableSectionElement, rows: DeviceRow[], selected?: string): void {
  body.replaceChildren();
  for (const device of rows) {
    const row = body.insertRow();
    row.dataset.uuid = device.uuid;
    if (device.uuid === selected) row.className = 'selected';
    cell(row, device.name);
    cell(row, device.uuid.slice(0, 7), 'uuid');
    cell(row, device.status);
    const online = cell(row, device.online ? 'online' : 'offline', device.online ? 'online' : 'offline');
    online.prepend(Object.assign(document.createElement('span'), { className: 'dot' }));
    cell(row, device.release);
    cell(row, device.pinned === undefined ? 'no' : `pinned to ${device.pinned}`);
    cell(row, device.os);
  }
}
