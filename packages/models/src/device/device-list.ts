import {
  ApplicationNotFound,
  type Client,
  InvalidParameter,
  mergeOptions,
  type ODataOptions,
  type PageIterable,
  paginate,
  streamCollection,
} from '@balena-ts/core';
import {
  type ApplicationIdentifier,
  checkApplicationIdentifier,
  resolveApplicationId,
} from '../internal/application.js';
import { resolveOrganizationId } from '../internal/organization.js';
import type { Device } from '../types/device.js';
import type { Selected, TypedOptions } from '../types/options.js';

/** Options of the device listers beyond the OData ones. */
export interface DeviceListOptions {
  /**
   * Read the list one page per request (`$top`/`$skip`), this many rows each, instead of the
   * default: one request whose answer is streamed and parsed row by row.
   */
  readonly pageSize?: number;
}

// The device name orders the balena Python SDK's lists; the id makes the order total, so that pages never
// overlap and a streamed answer cut mid-way resumes exactly where it stopped.
const DEFAULT_ORDER: ODataOptions = { $orderby: ['device_name asc', 'id asc'] };

function splitListOptions(options: (ODataOptions & DeviceListOptions) | undefined): {
  pageSize: number | undefined;
  odata: ODataOptions | undefined;
} {
  if (options === undefined || options === null) return { pageSize: undefined, odata: undefined };
  if (typeof options !== 'object') throw new InvalidParameter('options', options, 'OData options are an object');
  if (!('pageSize' in options)) return { pageSize: undefined, odata: options };
  const { pageSize, ...odata } = options;
  return { pageSize, odata };
}

/** One streamed request by default; pages of `pageSize` rows, one request each, when asked. */
function listDevices<T>(client: Client, query: ODataOptions, pageSize: number | undefined): PageIterable<T> {
  if (pageSize === undefined) return streamCollection<T>(client, { resource: 'device', options: query });
  return paginate<T>(client, { resource: 'device', options: query, pageSize });
}

/** A listing whose query needs lookups first: nothing is requested until it is read, and every reading starts afresh. */
function lazily<T>(start: () => Promise<PageIterable<T>>): PageIterable<T> {
  return {
    async *pages() {
      yield* (await start()).pages();
    },
    async *[Symbol.asyncIterator]() {
      yield* await start();
    },
    async toArray() {
      return (await start()).toArray();
    },
  };
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

async function assertApplicationExists(client: Client, applicationId: number): Promise<void> {
  const row = await client.pine.get({ resource: 'application', id: applicationId, options: { $select: 'id' } });
  if (row === undefined) throw new ApplicationNotFound(applicationId);
}

/**
 * Streams every device the user can see, ordered by name: ONE request whose answer is parsed row
 * by row as it arrives, so that `for await` holds only the rows of the last network chunk however
 * large the fleet. `pages()` yields arrays of 1,000 rows (or `pageSize`); `toArray()` collects them
 * all (as {@link getAll} does). With the `pageSize` option the list is read one `$top`/`$skip` page
 * per request instead. Nothing is requested until the result is iterated; each iteration reads the
 * list afresh.
 *
 * @param client - the client
 * @param options - OData options merged into the query; `pageSize` to read it one page per request
 * @returns the devices, async-iterable row by row, with `pages()` and `toArray()`
 * @throws {@link @balena-ts/core#NotLoggedIn} (when iterated) without credentials
 * @throws {@link @balena-ts/core#RequestError} (when iterated) when the API refuses the query
 * @example
 * ```ts
 * for await (const device of streamAll(client, { $select: ['uuid', 'device_name'] })) {
 *   console.log(device.uuid, device.device_name);
 * }
 * ```
 */
export function streamAll<const O extends TypedOptions<Device> & DeviceListOptions = Record<never, never>>(
  client: Client,
  options?: O,
): PageIterable<Selected<Device, O>> {
  return lazily(async () => {
    const { pageSize, odata } = splitListOptions(options);
    return listDevices<Selected<Device, O>>(client, mergeOptions(DEFAULT_ORDER, odata), pageSize);
  });
}

/**
 * Streams the devices of an application, ordered by name: one request for a numeric id (plus one
 * lookup for a slug, uuid or name), its answer parsed row by row however large the fleet (see
 * {@link streamAll}).
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - an id, a slug, a uuid or an application name
 * @param options - OData options merged into the query; `pageSize` to read it one page per request
 * @returns the devices, async-iterable row by row, with `pages()` and `toArray()`
 * @throws {@link @balena-ts/core#InvalidParameter} (when iterated) for `''` or a malformed id
 * @throws {@link @balena-ts/core#ApplicationNotFound} (when iterated) when the application does not match
 * @throws {@link @balena-ts/core#AmbiguousApplication} (when iterated) when a name matches several applications
 * @example
 * ```ts
 * for await (const device of streamAllByApplication(client, 'admin/my-fleet', { $select: ['uuid'] })) {
 *   console.log(device.uuid);
 * }
 * ```
 */
export function streamAllByApplication<const O extends TypedOptions<Device> & DeviceListOptions = Record<never, never>>(
  client: Client,
  slugOrUuidOrIdOrName: ApplicationIdentifier,
  options?: O,
): PageIterable<Selected<Device, O>> {
  return lazily(async () => {
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

/**
 * Streams the devices of every application of one organization, ordered by name, in one request
 * (after the organization's lookup) whose answer is parsed row by row (see {@link streamAll}).
 *
 * @param client - the client
 * @param handleOrId - the organization's handle or id
 * @param options - OData options merged into the query; `pageSize` to read it one page per request
 * @returns the devices, async-iterable row by row, with `pages()` and `toArray()`
 * @throws {@link @balena-ts/core#InvalidParameter} (when iterated) for `''` or a malformed id
 * @throws {@link @balena-ts/core#OrganizationNotFound} (when iterated) when the organization does not exist or is not visible
 * @example
 * ```ts
 * for await (const device of streamAllByOrganization(client, 'admin', { $select: ['uuid'] })) console.log(device.uuid);
 * ```
 */
export function streamAllByOrganization<
  const O extends TypedOptions<Device> & DeviceListOptions = Record<never, never>,
>(client: Client, handleOrId: string | number, options?: O): PageIterable<Selected<Device, O>> {
  return lazily(async () => {
    const organizationId = await resolveOrganizationId(client, handleOrId);
    const inOrganization = {
      belongs_to__application: { $any: { $alias: 'bta', $expr: { bta: { organization: organizationId } } } },
    };
    const { pageSize, odata } = splitListOptions(options);
    const query = mergeOptions({ ...DEFAULT_ORDER, $filter: inOrganization }, odata);
    return listDevices<Selected<Device, O>>(client, query, pageSize);
  });
}
