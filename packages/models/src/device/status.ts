import { type Client, DeviceOffline } from '@balena-ts/core';
import { type DeviceIdentifier, getDevice } from '../internal/device.js';
import type { ApiHeartbeatState, DeviceOverallStatus } from '../types/device.js';

interface Connectivity {
  readonly is_connected_to_vpn: boolean;
  readonly api_heartbeat_state: ApiHeartbeatState;
}

const CONNECTIVITY_FIELDS = ['is_connected_to_vpn', 'api_heartbeat_state'];

// Online means reachable: through the VPN, or heard from recently over the API heartbeat.
function online(device: Connectivity): boolean {
  return device.is_connected_to_vpn === true || device.api_heartbeat_state === 'online';
}

/**
 * Gets the status the API computes for a device (`GET /v7/device(…)?$select=overall_status`).
 *
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid
 * @returns `configuring`, `inactive`, `post-provisioning`, `updating`, `operational`, `disconnected`
 * or `reduced-functionality`
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed argument
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @example
 * ```ts
 * if ((await getStatus(client, uuid)) === 'operational') console.log('all good');
 * ```
 */
export async function getStatus(client: Client, uuidOrId: DeviceIdentifier): Promise<DeviceOverallStatus> {
  const row = await getDevice<{ overall_status: DeviceOverallStatus }>(client, uuidOrId, {
    $select: 'overall_status',
  });
  return row.overall_status;
}

/**
 * Gets the server-computed progress of a device's provisioning or update (`overall_progress`).
 *
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid
 * @returns a percentage, or null when nothing is in progress
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed device argument, before any request
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @example
 * ```ts
 * const percent = await getProgress(client, uuid);
 * ```
 */
export async function getProgress(client: Client, uuidOrId: DeviceIdentifier): Promise<number | null> {
  const row = await getDevice<{ overall_progress: number | null }>(client, uuidOrId, {
    $select: 'overall_progress',
  });
  return row.overall_progress;
}

/**
 * Tells whether a device is online: connected to the VPN, or its API heartbeat is `online`.
 *
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid
 * @returns true when online
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed device argument, before any request
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @example
 * ```ts
 * if (await isOnline(client, uuid)) console.log('reachable');
 * ```
 */
export async function isOnline(client: Client, uuidOrId: DeviceIdentifier): Promise<boolean> {
  return online(await getDevice<Connectivity>(client, uuidOrId, { $select: CONNECTIVITY_FIELDS }));
}

/**
 * Gets the local IP addresses of an online device.
 *
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid
 * @returns the addresses the device reported
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed device argument, before any request
 * @throws {@link @balena-ts/core#DeviceOffline} when the device is offline
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @example
 * ```ts
 * const [address] = await getLocalIpAddress(client, uuid);
 * ```
 */
export async function getLocalIpAddress(client: Client, uuidOrId: DeviceIdentifier): Promise<string[]> {
  const row = await getDevice<Connectivity & { ip_address: string | null }>(client, uuidOrId, {
    $select: [...CONNECTIVITY_FIELDS, 'ip_address'],
  });
  if (!online(row)) throw new DeviceOffline(`The device is offline: ${uuidOrId}`);
  return (row.ip_address ?? '').split(' ').filter((address) => address !== '');
}

/**
 * Tells whether a device's public URL is enabled.
 *
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid
 * @returns `is_web_accessible`
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed device argument, before any request
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @example
 * ```ts
 * if (await hasDeviceUrl(client, uuid)) console.log(await getDeviceUrl(client, uuid));
 * ```
 */
export async function hasDeviceUrl(client: Client, uuidOrId: DeviceIdentifier): Promise<boolean> {
  const row = await getDevice<{ is_web_accessible: boolean }>(client, uuidOrId, { $select: 'is_web_accessible' });
  return row.is_web_accessible;
}
