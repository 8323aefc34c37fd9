import {
  type Client,
  InvalidParameter,
  type ODataOptions,
  type PageIterable,
  paginate,
  streamCollection,
} from '@balena-ts/core';

/** Options of the device listers beyond the OData ones. */
export interface DeviceListOptions {
  /**
   * Read the list one page per request (`$top`/`$skip`), this many rows each, instead of the
   * default: one request whose answer is streamed and parsed row by row.
   */
  readonly pageSize?: number;
}

/**
 * A list of devices that is both awaitable and async-iterable. By default it is ONE request whose
 * answer is parsed row by row as it arrives (as many requests as the official SDK, memory flat):
 * - `await list` (or `list.toArray()`) collects every row into one array, as the seed did;
 * - `for await (const device of list)` holds only the rows of the last network chunk, for fleets of any size;
 * - `list.pages()` yields the rows in arrays of 1,000 (or `pageSize`).
 * With the `pageSize` option ({@link DeviceListOptions}) the list is read one `$top`/`$skip` page per
 * request instead.
 *
 * Nothing is requested until the list is awaited or iterated. Awaiting twice reuses the first
 * result; every iteration reads the collection afresh.
 *
 * @typeParam T - the row type
 */
export interface DeviceList<T> extends PromiseLike<T[]>, AsyncIterable<T> {
  /**
   * Reads every page into one array.
   * @returns all the rows
   */
  toArray(): Promise<T[]>;
  /**
   * Iterates page by page.
   * @returns the pages, each an array of rows
   */
  pages(): AsyncIterable<T[]>;
  /**
   * As `Promise.prototype.catch` on {@link DeviceList.toArray}.
   * @param onRejected - the rejection handler
   * @returns a promise of the rows or of the handler's result
   */
  catch<R = never>(onRejected: (reason: unknown) => R | PromiseLike<R>): Promise<T[] | R>;
  /**
   * As `Promise.prototype.finally` on {@link DeviceList.toArray}.
   * @param onFinally - called when the rows are read or reading failed
   * @returns a promise of the rows
   */
  finally(onFinally: () => void): Promise<T[]>;
}

/**
 * Splits a lister's options into the page size and the OData options.
 *
 * @param options - the caller's options (OData options plus `pageSize`)
 * @returns the page size (undefined: one streamed request) and the OData options
 * @throws {@link @balena-ts/core#InvalidParameter} when the options are not an object
 * @example
 * ```ts
 * splitListOptions({ $select: 'id', pageSize: 500 }); // { pageSize: 500, odata: { $select: 'id' } }
 * ```
 */
export function splitListOptions(options: (ODataOptions & DeviceListOptions) | undefined): {
  pageSize: number | undefined;
  odata: ODataOptions | undefined;
} {
  if (options === undefined || options === null) return { pageSize: undefined, odata: undefined };
  if (typeof options !== 'object') throw new InvalidParameter('options', options, 'OData options are an object');
  if (!('pageSize' in options)) return { pageSize: undefined, odata: options };
  const { pageSize, ...odata } = options;
  return { pageSize, odata };
}

/**
 * Reads the devices matching `query`: one streamed request, or pages of `pageSize` rows.
 *
 * @typeParam T - the row type
 * @param client - the client
 * @param query - the OData options of the listing
 * @param pageSize - rows per request when paging; undefined for one streamed request
 * @returns the rows, iterable row by row or page by page
 * @throws {@link @balena-ts/core#InvalidParameter} for a page size that is not a positive integer
 * @example
 * ```ts
 * const rows = await listDevices(client, { $filter: { belongs_to__application: 42 } }, undefined).toArray();
 * ```
 */
export function listDevices<T>(client: Client, query: ODataOptions, pageSize: number | undefined): PageIterable<T> {
  if (pageSize === undefined) return streamCollection<T>(client, { resource: 'device', options: query });
  return paginate<T>(client, { resource: 'device', options: query, pageSize });
}

/**
 * Wraps a lazily-started query into a {@link DeviceList}.
 *
 * @param start - resolves the query (e.g. after looking the application up) and returns its rows
 * @returns the list
 * @example
 * ```ts
 * const list = createDeviceList(async () => paginate(client, { resource: 'device' }));
 * ```
 */
export function createDeviceList<T>(start: () => Promise<PageIterable<T>>): DeviceList<T> {
  let all: Promise<T[]> | undefined;
  const toArray = (): Promise<T[]> => {
    all ??= start().then((iterable) => iterable.toArray());
    return all;
  };
  async function* pages(): AsyncGenerator<T[]> {
    const iterable = await start();
    yield* iterable.pages();
  }
  return {
    toArray,
    pages,
    async *[Symbol.asyncIterator]() {
      yield* await start();
    },
    // biome-ignore lint/suspicious/noThenProperty: the list is deliberately awaitable, like a promise of the array.
    then(onFulfilled, onRejected) {
      return toArray().then(onFulfilled, onRejected);
    },
    catch(onRejected) {
      return toArray().catch(onRejected);
    },
    finally(onFinally) {
      return toArray().finally(onFinally);
    },
  };
}
