import { ApplicationNotFound, type Client, mergeOptions, type ODataOptions, paginate } from '@balena-ts/core';
import {
  type ApplicationIdentifier,
  checkApplicationIdentifier,
  resolveApplicationId,
} from '../internal/application.js';
import { resolveOrganizationId } from '../internal/organization.js';
import type { Device } from '../types/device.js';
import type { Selected, TypedOptions } from '../types/options.js';
import { createDeviceList, type DeviceList } from './device-list.js';

// The device name orders the seed's lists; the id makes the order total so pages never overlap.
const DEFAULT_ORDER: ODataOptions = { $orderby: ['device_name asc', 'id asc'] };

/**
 * Gets every device the user can see, ordered by name. Await it for an array, or iterate it with
 * `for await` to hold one page at a time (see {@link DeviceList}).
 *
 * @param client - the client
 * @param options - OData options merged into the query
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
export function getAll<const O extends TypedOptions<Device> = Record<never, never>>(
  client: Client,
  options?: O,
): DeviceList<Selected<Device, O>> {
  return createDeviceList(async () =>
    paginate<Selected<Device, O>>(client, { resource: 'device', options: mergeOptions(DEFAULT_ORDER, options) }),
  );
}

/**
 * Gets the devices of an application, ordered by name, one page per request however large the fleet.
 * Await it for an array, or iterate it with `for await` to hold one page in memory at a time.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - an id, a slug, a uuid or an application name
 * @param options - OData options merged into the query
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
export function getAllByApplication<const O extends TypedOptions<Device> = Record<never, never>>(
  client: Client,
  slugOrUuidOrIdOrName: ApplicationIdentifier,
  options?: O,
): DeviceList<Selected<Device, O>> {
  return createDeviceList(async () => {
    const identifier = checkApplicationIdentifier(slugOrUuidOrIdOrName);
    const applicationId = await resolveApplicationId(client, identifier);
    const query = mergeOptions({ ...DEFAULT_ORDER, $filter: { belongs_to__application: applicationId } }, options);
    const pages = paginate<Selected<Device, O>>(client, { resource: 'device', options: query });
    if (typeof identifier === 'string') return pages;
    // A numeric id was not looked up: an empty first page may mean the application does not exist.
    return {
      ...pages,
      async *pages() {
        let empty = true;
        for await (const page of pages.pages()) {
          empty = false;
          yield page;
        }
        if (empty) await assertApplicationExists(client, applicationId);
      },
      async toArray() {
        const rows = await pages.toArray();
        if (rows.length === 0) await assertApplicationExists(client, applicationId);
        return rows;
      },
    };
  });
}

/**
 * Gets the devices of every application of one organization, ordered by name, one page per
 * request. Await it for an array, or iterate it with `for await`.
 *
 * @param client - the client
 * @param handleOrId - the organization's handle or id
 * @param options - OData options merged into the query
 * @returns the devices, awaitable and async-iterable
 * @throws {@link @balena-ts/core#InvalidParameter} for `''` or a malformed id, before any request
 * @throws {@link @balena-ts/core#OrganizationNotFound} when the organization does not exist or is not visible
 * @example
 * ```ts
 * for await (const device of getAllByOrganization(client, 'admin', { $select: ['uuid'] })) console.log(device.uuid);
 * ```
 */
export function getAllByOrganization<const O extends TypedOptions<Device> = Record<never, never>>(
  client: Client,
  handleOrId: string | number,
  options?: O,
): DeviceList<Selected<Device, O>> {
  return createDeviceList(async () => {
    const organizationId = await resolveOrganizationId(client, handleOrId);
    const inOrganization = {
      belongs_to__application: { $any: { $alias: 'bta', $expr: { bta: { organization: organizationId } } } },
    };
    const query = mergeOptions({ ...DEFAULT_ORDER, $filter: inOrganization }, options);
    return paginate<Selected<Device, O>>(client, { resource: 'device', options: query });
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
 * @param options - OData options merged into the query
 * @returns the devices, awaitable and async-iterable
 * @throws {@link @balena-ts/core#ApplicationNotFound} when no application has that id
 * @example
 * ```ts
 * const devices = await getAllByApplicationId(client, 42);
 * ```
 */
export function getAllByApplicationId<const O extends TypedOptions<Device> = Record<never, never>>(
  client: Client,
  appId: number,
  options?: O,
): DeviceList<Selected<Device, O>> {
  return getAllByApplication(client, appId, options);
}
