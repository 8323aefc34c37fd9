// The fleet table both tours end with: one row per device with its status, read through the facade.
import { shortCommit, table } from './output.mjs';

const DEVICE_QUERY = {
  $select: [
    'device_name',
    'uuid',
    'overall_status',
    'is_connected_to_vpn',
    'api_heartbeat_state',
    'ip_address',
    'os_version',
    'is_running__release',
    'is_pinned_on__release',
  ],
  $expand: {
    is_running__release: { $select: 'commit' },
    is_pinned_on__release: { $select: 'commit' },
    is_of__device_type: { $select: 'slug' },
  },
  $orderby: 'device_name asc',
};

/**
 * Prints the devices of one fleet, or every device the credential can see.
 * @param balena - a logged-in facade
 * @param fleet - a fleet id or slug; all devices when omitted
 * @param limit - at most this many rows
 * @returns how many devices were listed
 */
export async function printFleetTable(balena, fleet, limit = 50) {
  const query = { ...DEVICE_QUERY, $top: limit };
  const devices =
    fleet === undefined
      ? await balena.models.device.getAll(query)
      : await balena.models.device.getAllByApplication(fleet, query);
  if (devices.length === 0) {
    console.log('    (no devices)');
    return 0;
  }
  table(
    ['name', 'uuid', 'type', 'status', 'online', 'release', 'pinned', 'ip', 'os'],
    devices.map((device) => ({
      name: device.device_name,
      uuid: device.uuid.slice(0, 7),
      type: device.is_of__device_type?.[0]?.slug ?? '-',
      status: device.overall_status,
      online: device.is_connected_to_vpn || device.api_heartbeat_state === 'online' ? 'yes' : 'no',
      release: shortCommit(device.is_running__release),
      pinned: device.is_pinned_on__release?.length ? 'yes' : 'no',
      ip: device.ip_address ?? '-',
      os: device.os_version ?? '-',
    })),
  );
  return devices.length;
}
