import type { Client } from '../client/client.js';
import { checkCollectionParams, toPageIterable } from './page-iterable.js';
import type { PageIterable, PaginateParams } from './types.js';

/**
 * Iterates over a collection of any size, one page (`$top`/`$skip`) per request, fetching each page
 * only when the previous one has been consumed. Without an `$orderby` the rows are ordered by
 * `id asc`, because balena returns unordered rows otherwise and pages could overlap.
 *
 * @param client - the client
 * @param params - resource, options, page size (rows per request) and signal
 * @returns an async iterable of rows, with `pages()` and `toArray()`
 * @throws {@link InvalidParameter} when the parameters are not an object, the resource is not an
 *   identifier, or the page size is not a positive integer
 * @example
 * ```ts
 * for await (const device of paginate<Device>(client, { resource: 'device', options: { $select: 'id' } })) {
 *   console.log(device.id);
 * }
 * ```
 */
export function paginate<T>(client: Client, params: PaginateParams): PageIterable<T> {
  const { resource, options, pageSize, signal } = checkCollectionParams(params);
  const limit = options.$top;
  const firstSkip = options.$skip ?? 0;
  const orderBy = options.$orderby ?? 'id asc';

  async function* pages(): AsyncGenerator<T[]> {
    for (let fetched = 0; ; ) {
      const top = limit === undefined ? pageSize : Math.min(pageSize, limit - fetched);
      if (top <= 0) return;
      const page = await client.pine.get<T>({
        resource,
        options: { ...options, $orderby: orderBy, $top: top, $skip: firstSkip + fetched },
        signal,
      });
      if (page.length > 0) yield page;
      fetched += page.length;
      if (page.length < top) return;
    }
  }

  return toPageIterable(pages, pageSize);
}
