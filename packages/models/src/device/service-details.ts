import { type Client, mergeOptions, type ODataOptions } from '@balena-ts/core';
import { type DeviceIdentifier, getDevice } from '../internal/device.js';
import {
  type DeviceWithServiceDetails,
  type ExpandedInstall,
  SERVICE_DETAILS_EXPAND,
  withServiceDetails,
} from '../internal/service-details.js';
import type { Device } from '../types/device.js';

/**
 * Gets a device with the details of the services it runs, grouped by application and service name.
 *
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid
 * @param options - OData options merged into the query
 * @returns the device with `current_services_by_app` and `current_services`
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed argument
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @example
 * ```ts
 * const device = await getWithServiceDetails(client, uuid);
 * console.log(Object.keys(device.current_services)); // ['main', 'worker']
 * ```
 */
export async function getWithServiceDetails(
  client: Client,
  uuidOrId: DeviceIdentifier,
  options?: ODataOptions,
): Promise<DeviceWithServiceDetails> {
  const device = await getDevice<Device & { image_install: ExpandedInstall[] }>(
    client,
    uuidOrId,
    mergeOptions({ $expand: SERVICE_DETAILS_EXPAND }, options),
  );
  return withServiceDetails(device);
}
