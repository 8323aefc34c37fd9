import {
  AmbiguousDevice,
  type Client,
  type Filter,
  InvalidParameter,
  isPositiveId,
  ServiceNotFound,
} from '@balena-ts/core';
import { type DeviceIdentifier, deviceKey, getDevice } from './device.js';

/** A device and one of its services, named by service name or service id. */
export interface DeviceServiceIdentifier {
  /** The device: a numeric id or a full uuid. */
  readonly device: DeviceIdentifier;
  /** The service: its name or its id. */
  readonly service: string | number;
}

function serviceFilter(service: string | number): Filter {
  if (isPositiveId(service)) return { installs__service: service };
  if (typeof service === 'string' && service !== '') {
    return { installs__service: { $any: { $alias: 's', $expr: { s: { service_name: service } } } } };
  }
  throw new InvalidParameter('serviceNameOrId', service, 'expected a service name or a positive integer service id');
}

/**
 * Finds the service install of a service on a device, in one request
 * (`GET /v7/service_install?$select=id&$filter=<device> and <service>`). When nothing matches, the
 * device is looked up so that a missing device is reported as such.
 *
 * @param client - the client
 * @param target - the device (id or full uuid) and the service (name or id)
 * @returns the service install's id
 * @throws InvalidParameter for a malformed device or service
 * @throws DeviceNotFound when the device does not exist
 * @throws ServiceNotFound when the device does not run that service
 * @throws AmbiguousDevice when more than one service install matches
 */
export async function resolveServiceInstallId(client: Client, target: DeviceServiceIdentifier): Promise<number> {
  const key = deviceKey(target.device);
  const deviceFilter: Filter =
    typeof key === 'number' ? { device: key } : { device: { $any: { $alias: 'd', $expr: { d: { uuid: key.uuid } } } } };
  const rows = await client.pine.get<{ id: number }>({
    resource: 'service_install',
    options: { $select: 'id', $filter: { $and: [deviceFilter, serviceFilter(target.service)] } },
  });
  if (rows.length > 1) throw new AmbiguousDevice(target.device);
  const row = rows[0];
  if (row !== undefined) return row.id;
  await getDevice(client, target.device, { $select: 'id' });
  throw new ServiceNotFound(target.service);
}
