import { InvalidParameter } from '../errors/parameter-errors.js';
import { checkIdentifier } from '../odata/escape.js';
import type { ODataOptions } from '../odata/types.js';
import type { PageIterable, PaginateParams } from './types.js';

/** Rows per page when the caller does not say. */
export const DEFAULT_PAGE_SIZE = 1000;

/** A lister's parameters once checked. */
export interface CheckedCollectionParams {
  /** The resource. */
  resource: string;
  /** The OData options, `{}` when absent. */
  options: ODataOptions;
  /** Rows per page. */
  pageSize: number;
  /** Aborts the request in flight. */
  signal: AbortSignal | undefined;
}

/**
 * Checks a lister's parameters, before any request.
 *
 * @param params - what the caller gave (`PaginateParams` and `StreamCollectionParams` have the same fields)
 * @returns the parameters with their defaults
 * @throws {@link InvalidParameter} when the parameters or options are not objects, the resource is
 *   not an identifier, or the page size is not a positive integer
 */
export function checkCollectionParams(params: PaginateParams): CheckedCollectionParams {
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
  checkIdentifier(params.resource, 'resource');
  return { resource: params.resource, options: params.options ?? {}, pageSize, signal: params.signal };
}

/**
 * Builds the iterable a lister returns from the arrays of rows it reads, in any sizes: row by row,
 * pages of exactly `pageSize` rows (the last one shorter), or all at once.
 *
 * @param batches - starts a fresh reading each time it is called
 * @param pageSize - the size of the arrays `pages()` yields
 * @returns the iterable
 */
export function toPageIterable<T>(batches: () => AsyncIterable<T[]>, pageSize: number): PageIterable<T> {
  return {
    async *pages() {
      let page: T[] = [];
      for await (const batch of batches()) {
        if (page.length === 0 && batch.length === pageSize) {
          yield batch;
          continue;
        }
        for (const row of batch) {
          page.push(row);
          if (page.length === pageSize) {
            yield page;
            page = [];
          }
        }
      }
      if (page.length > 0) yield page;
    },
    async *[Symbol.asyncIterator]() {
      for await (const batch of batches()) yield* batch;
    },
    async toArray() {
      const rows: T[] = [];
      for await (const batch of batches()) for (const row of batch) rows.push(row);
      return rows;
    },
  };
}
