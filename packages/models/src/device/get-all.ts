import type { Client } from '@balena-ts/core';
import type { ApplicationIdentifier } from '../internal/application.js';
import type { Device } from '../types/device.js';
import type { Selected, TypedOptions } from '../types/options.js';
import { type DeviceListOptions, streamAll, streamAllByApplication, streamAllByOrganization } from './device-list.js';

/**
 * Gets every device the user can see, ordered by name, in one request whose answer is parsed row
 * by row into one array. To hold only a few rows at a time, iterate {@link streamAll} instead.
 *
 * @param client - the client
 * @param options - OData options merged into the query; `pageSize` to read it one page per request instead
 * @returns the devices
 * @throws {@link @balena-ts/core#NotLoggedIn} without credentials (from core)
 * @throws {@link @balena-ts/core#RequestError} when the API refuses the query (e.g. an unknown field in `options`)
 * @example
 * ```ts
 * const devices = await getAll(client, { $select: ['uuid', 'device_name'] });
 * ```
 */
export function getAll<const O extends TypedOptions<Device> & DeviceListOptions = Record<never, never>>(
  client: Client,
  options?: O,
): Promise<Selected<Device, O>[]> {
  return streamAll(client, options).toArray();
}

/**
 * Gets the devices of an application, ordered by name: one request for a numeric id (plus one
 * lookup for a slug, uuid or name). To hold only a few rows at a time, iterate
 * {@link streamAllByApplication} instead.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - an id, a slug, a uuid or an application name
 * @param options - OData options merged into the query; `pageSize` to read it one page per request instead
 * @returns the devices
 * @throws {@link @balena-ts/core#InvalidParameter} for `''` or a malformed id
 * @throws {@link @balena-ts/core#ApplicationNotFound} when the application does not match
 * @throws {@link @balena-ts/core#AmbiguousApplication} when a name matches several applications
 * @example
 * ```ts
 * const devices = await getAllByApplication(client, 'admin/my-fleet', { $select: ['id', 'uuid'] });
 * ```
 */
export function getAllByApplication<const O extends TypedOptions<Device> & DeviceListOptions = Record<never, never>>(
  client: Client,
  slugOrUuidOrIdOrName: ApplicationIdentifier,
  options?: O,
): Promise<Selected<Device, O>[]> {
  return streamAllByApplication(client, slugOrUuidOrIdOrName, options).toArray();
}

/**
 * Gets the devices of every application of one organization, ordered by name, in one request
 * (after the organization's lookup). To hold only a few rows at a time, iterate
 * {@link streamAllByOrganization} instead.
 *
 * @param client - the client
 * @param handleOrId - the organization's handle or id
 * @param options - OData options merged into the query; `pageSize` to read it one page per request instead
 * @returns the devices
 * @throws {@link @balena-ts/core#InvalidParameter} for `''` or a malformed id, before any request
 * @throws {@link @balena-ts/core#OrganizationNotFound} when the organization does not exist or is not visible
 * @example
 * ```ts
 * const devices = await getAllByOrganization(client, 'admin', { $select: ['uuid'] });
 * ```
 */
export function getAllByOrganization<const O extends TypedOptions<Device> & DeviceListOptions = Record<never, never>>(
  client: Client,
  handleOrId: string | number,
  options?: O,
): Promise<Selected<Device, O>[]> {
  return streamAllByOrganization(client, handleOrId, options).toArray();
}

/**
 * The balena Python SDK's `get_all_by_application_id`: {@link getAllByApplication} with a numeric id.
 *
 * @param client - the client
 * @param appId - the application id
 * @param options - OData options merged into the query; `pageSize` to read it one page per request instead
 * @returns the devices
 * @throws {@link @balena-ts/core#ApplicationNotFound} when no application has that id
 * @example
 * ```ts
 * const devices = await getAllByApplicationId(client, 42);
 * ```
 */
export function getAllByApplicationId<const O extends TypedOptions<Device> & DeviceListOptions = Record<never, never>>(
  client: Client,
  appId: number,
  options?: O,
): Promise<Selected<Device, O>[]> {
  return getAllByApplication(client, appId, options);
}
