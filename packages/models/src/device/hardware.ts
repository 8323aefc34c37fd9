import { type Client, DeviceOffline } from '@balena-ts/core';
import { type DeviceIdentifier, getDevice } from '../internal/device.js';
import type { Device } from '../types/device.js';

/** The hardware metrics a device's supervisor reports: these fields of its {@link Device} row. */
export type DeviceMetrics = Pick<
  Device,
  | 'memory_usage'
  | 'memory_total'
  | 'storage_block_device'
  | 'storage_usage'
  | 'storage_total'
  | 'cpu_usage'
  | 'cpu_temp'
  | 'cpu_id'
  | 'is_undervolted'
>;

// Every field of DeviceMetrics, for `$select` (the type check keeps the two lists the same names).
const METRIC_FIELDS: (keyof DeviceMetrics)[] = [
  'memory_usage',
  'memory_total',
  'storage_block_device',
  'storage_usage',
  'storage_total',
  'cpu_usage',
  'cpu_temp',
  'cpu_id',
  'is_undervolted',
];

/**
 * Gets the latest hardware metrics a device reported: cpu, memory, storage and temperature.
 *
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid
 * @returns the metrics (null fields until the device reports them)
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed device argument, before any request
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @example
 * ```ts
 * const { cpu_usage, cpu_temp } = await getMetrics(client, uuid);
 * ```
 */
export function getMetrics(client: Client, uuidOrId: DeviceIdentifier): Promise<DeviceMetrics> {
  return getDevice<DeviceMetrics>(client, uuidOrId, { $select: METRIC_FIELDS });
}

/**
 * Gets the MAC addresses of a device's network interfaces, as its supervisor reported them.
 *
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid
 * @returns the addresses; empty before the device reported any
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed device argument, before any request
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @example
 * ```ts
 * const [ethernet] = await getMACAddresses(client, uuid);
 * ```
 */
export async function getMACAddresses(client: Client, uuidOrId: DeviceIdentifier): Promise<string[]> {
  const { mac_address } = await getDevice<{ mac_address: string | null }>(client, uuidOrId, {
    $select: 'mac_address',
  });
  return splitAddresses(mac_address);
}

/**
 * Gets the local IP addresses of a device connected to the VPN, as its supervisor reported them
 * (balena's JavaScript SDK name; {@link getLocalIpAddress} also accepts an API heartbeat as online).
 *
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid
 * @returns the addresses
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed device argument, before any request
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @throws {@link @balena-ts/core#DeviceOffline} when the device is not connected to the VPN
 * @example
 * ```ts
 * const addresses = await getLocalIPAddresses(client, uuid);
 * ```
 */
export async function getLocalIPAddresses(client: Client, uuidOrId: DeviceIdentifier): Promise<string[]> {
  const row = await getDevice<{ is_connected_to_vpn: boolean; ip_address: string | null }>(client, uuidOrId, {
    $select: ['is_connected_to_vpn', 'ip_address'],
  });
  if (!row.is_connected_to_vpn) throw new DeviceOffline(`The device is offline: ${uuidOrId}`);
  return splitAddresses(row.ip_address);
}

function splitAddresses(addresses: string | null): string[] {
  return (addresses ?? '').split(' ').filter((address) => address !== '');
}
