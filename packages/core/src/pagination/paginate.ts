import type { Client } from '../client/client.js';
import { InvalidParameter } from '../errors/parameter-errors.js';
import type { ODataOptions } from '../odata/types.js';
import type { PageIterable } from './types.js';

/** Rows per request when the caller does not say. */
export const DEFAULT_PAGE_SIZE = 1000;

/** What {@link paginate} iterates over. */
export interface PaginateParams {
  /** The resource, e.g. `'device'`. */
  resource: string;
  /** OData options; a `$top` limits the total, a `$skip` is where the first page starts. */
  options?: ODataOptions;
  /** Rows per request; default 1000. */
  pageSize?: number;
  /** Aborts the request in flight. */
  signal?: AbortSignal;
}

/**
 * Iterates over a collection of any size, one page (`$top`/`$skip`) at a time, fetching each page
 * only when the previous one has been consumed. Without an `$orderby` the rows are ordered by
 * `id asc`, because balena returns unordered rows otherwise and pages could overlap.
 *
 * @param client - the client
 * @param params - resource, options, page size and signal
 * @returns an async iterable of rows, with `pages()` and `toArray()`
 * @throws {@link InvalidParameter} when the parameters are not an object, or the page size is not a positive integer
 * @example
 * ```ts
 * for await (const device of paginate<Device>(client, { resource: 'device', options: { $select: 'id' } })) {
 *   console.log(device.id);
 * }
 * ```
 */
export function paginate<T>(client: Client, params: PaginateParams): PageIterable<T> {
  if (typeof params !== 'object' || params === null) {
    throw new InvalidParameter('params', params, 'expected { resource, options?, pageSize?, signal? }');
  }
  if (params.options !== undefined && (typeof params.options !== 'object' || params.options === null)) {
    throw new InvalidParameter('options', params.options, 'OData options are an object');
  }
  const pageSize = params.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isSafeInteger(pageSize) || pageSize <= 0) {
    throw new InvalidParameter('pageSize', pageSize, 'expected a positive integer');
  }
  const options = params.options ?? {};
  const limit = options.$top;
  const firstSkip = options.$skip ?? 0;
  const orderBy = options.$orderby ?? 'id asc';

  async function* pages(): AsyncGenerator<T[]> {
    for (let fetched = 0; ; ) {
      const top = limit === undefined ? pageSize : Math.min(pageSize, limit - fetched);
      if (top <= 0) return;
      const page = await client.pine.get<T>({
        resource: params.resource,
        options: { ...options, $orderby: orderBy, $top: top, $skip: firstSkip + fetched },
        signal: params.signal,
      });
      if (page.length > 0) yield page;
      fetched += page.length;
      if (page.length < top) return;
    }
  }

  return {
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* page;
    },
    async toArray() {
      const rows: T[] = [];
      for await (const page of pages()) rows.push(...page);
      return rows;
    },
  };
}
