import { ApplicationNotFound, type Client, mergeOptions, type ODataOptions, type PageIterable } from '@balena-ts/core';
import {
  type ApplicationIdentifier,
  checkApplicationIdentifier,
  resolveApplicationId,
} from '../internal/application.js';
import { resolveOrganizationId } from '../internal/organization.js';
import type { Device } from '../types/device.js';
import type { Selected, TypedOptions } from '../types/options.js';
import {
  createDeviceList,
  type DeviceList,
  type DeviceListOptions,
  listDevices,
  splitListOptions,
} from './device-list.js';

// The device name orders the seed's lists; the id makes the order total, so that pages never
// overlap and a streamed answer cut mid-way resumes exactly where it stopped.
const DEFAULT_ORDER: ODataOptions = { $orderby: ['device_name asc', 'id asc'] };

/**
 * Gets every device the user can see, ordered by name, in one request whose answer is parsed row
 * by row. Await it for an array, or iterate it with `for await` to hold only a few rows at a time
 * (see {@link DeviceList}).
 *
 * @param client - the client
 * @param options - OData options merged into the query; `pageSize` to read it one page per request instead
 * @returns the devices, awaitable and async-iterable
 * @throws {@link @balena-ts/core#NotLoggedIn} without credentials (from core)
 * @throws {@link @balena-ts/core#RequestError} when the API refuses the query (e.g. an unknown field in `options`)
 * @example
 * ```ts
 * for await (const device of getAll(client, { $select: ['uuid', 'device_name'] })) {
 *   console.log(device.uuid, device.device_name);
 * }
 * ```
 */
export function getAll<const O extends TypedOptions<Device> & DeviceListOptions = Record<never, never>>(
  client: Client,
  options?: O,
): DeviceList<Selected<Device, O>> {
  return createDeviceList(async () => {
    const { pageSize, odata } = splitListOptions(options);
    return listDevices<Selected<Device, O>>(client, mergeOptions(DEFAULT_ORDER, odata), pageSize);
  });
}

/**
 * Gets the devices of an application, ordered by name: one request for a numeric id (plus one
 * lookup for a slug, uuid or name), its answer parsed row by row however large the fleet. Await it
 * for an array, or iterate it with `for await` to hold only a few rows in memory at a time.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - an id, a slug, a uuid or an application name
 * @param options - OData options merged into the query; `pageSize` to read it one page per request instead
 * @returns the devices, awaitable and async-iterable
 * @throws {@link @balena-ts/core#InvalidParameter} for `''` or a malformed id
 * @throws {@link @balena-ts/core#ApplicationNotFound} when the application does not match
 * @throws {@link @balena-ts/core#AmbiguousApplication} when a name matches several applications
 * @example
 * ```ts
 * const devices = await getAllByApplication(client, 'admin/my-fleet', { $select: ['id', 'uuid'] });
 * for await (const device of getAllByApplication(client, 42)) console.log(device.device_name);
 * ```
 */
export function getAllByApplication<const O extends TypedOptions<Device> & DeviceListOptions = Record<never, never>>(
  client: Client,
  slugOrUuidOrIdOrName: ApplicationIdentifier,
  options?: O,
): DeviceList<Selected<Device, O>> {
  return createDeviceList(async () => {
    const identifier = checkApplicationIdentifier(slugOrUuidOrIdOrName);
    const { pageSize, odata } = splitListOptions(options);
    const applicationId = await resolveApplicationId(client, identifier);
    const query = mergeOptions({ ...DEFAULT_ORDER, $filter: { belongs_to__application: applicationId } }, odata);
    const rows = listDevices<Selected<Device, O>>(client, query, pageSize);
    if (typeof identifier === 'string') return rows;
    // A numeric id was not looked up: an empty list may mean the application does not exist.
    return checkedWhenEmpty(rows, () => assertApplicationExists(client, applicationId));
  });
}

/** Runs `onEmpty` (which may throw) after a listing that yielded no row, however it is read. */
function checkedWhenEmpty<T>(rows: PageIterable<T>, onEmpty: () => Promise<void>): PageIterable<T> {
  return {
    async *pages() {
      let empty = true;
      for await (const page of rows.pages()) {
        empty = false;
        yield page;
      }
      if (empty) await onEmpty();
    },
    async *[Symbol.asyncIterator]() {
      let empty = true;
      for await (const row of rows) {
        empty = false;
        yield row;
      }
      if (empty) await onEmpty();
    },
    async toArray() {
      const all = await rows.toArray();
      if (all.length === 0) await onEmpty();
      return all;
    },
  };
}

/**
 * Gets the devices of every application of one organization, ordered by name, in one request
 * (after the organization's lookup) whose answer is parsed row by row. Await it for an array, or
 * iterate it with `for await`.
 *
 * @param client - the client
 * @param handleOrId - the organization's handle or id
 * @param options - OData options merged into the query; `pageSize` to read it one page per request instead
 * @returns the devices, awaitable and async-iterable
 * @throws {@link @balena-ts/core#InvalidParameter} for `''` or a malformed id, before any request
 * @throws {@link @balena-ts/core#OrganizationNotFound} when the organization does not exist or is not visible
 * @example
 * ```ts
 * for await (const device of getAllByOrganization(client, 'admin', { $select: ['uuid'] })) console.log(device.uuid);
 * ```
 */
export function getAllByOrganization<const O extends TypedOptions<Device> & DeviceListOptions = Record<never, never>>(
  client: Client,
  handleOrId: string | number,
  options?: O,
): DeviceList<Selected<Device, O>> {
  return createDeviceList(async () => {
    const organizationId = await resolveOrganizationId(client, handleOrId);
    const inOrganization = {
      belongs_to__application: { $any: { $alias: 'bta', $expr: { bta: { organization: organizationId } } } },
    };
    const { pageSize, odata } = splitListOptions(options);
    const query = mergeOptions({ ...DEFAULT_ORDER, $filter: inOrganization }, odata);
    return listDevices<Selected<Device, O>>(client, query, pageSize);
  });
}

async function assertApplicationExists(client: Client, applicationId: number): Promise<void> {
  const row = await client.pine.get({ resource: 'application', id: applicationId, options: { $select: 'id' } });
  if (row === undefined) throw new ApplicationNotFound(applicationId);
}

/**
 * The seed's `get_all_by_application_id`: {@link getAllByApplication} with a numeric id.
 *
 * @param client - the client
 * @param appId - the application id
 * @param options - OData options merged into the query; `pageSize` to read it one page per request instead
 * @returns the devices, awaitable and async-iterable
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
): DeviceList<Selected<Device, O>> {
  return getAllByApplication(client, appId, options);
}
