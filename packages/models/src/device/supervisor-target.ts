import type { Client } from '@balena-ts/core';
import { type DeviceIdentifier, getDevice } from '../internal/device.js';

/** What a supervisor call through the API's proxy names: the device and its fleet. */
export interface SupervisorTarget {
  /** The device's uuid. */
  readonly uuid: string;
  /** The id of the fleet the device belongs to. */
  readonly appId: number;
}

/**
 * Reads the uuid and the fleet of a device, which `@balena-ts/supervisor` needs to reach it
 * through the API's proxy.
 *
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid
 * @returns the device's uuid and fleet id
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed device argument, before any request
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 */
export async function supervisorTarget(client: Client, uuidOrId: DeviceIdentifier): Promise<SupervisorTarget> {
  const device = await getDevice<{ uuid: string; belongs_to__application: { id: number }[] }>(client, uuidOrId, {
    $select: 'uuid',
    $expand: { belongs_to__application: { $select: 'id' } },
  });
  // A device always belongs to a fleet: the API refuses a device without one.
  const appId = device.belongs_to__application[0]?.id as number;
  return { uuid: device.uuid, appId };
}
