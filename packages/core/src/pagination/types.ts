import type { ODataOptions } from '../odata/types.js';

/** An async iterable over the rows of a collection, fetched one page at a time. */
export interface PageIterable<T> extends AsyncIterable<T> {
  /**
   * Reads every page into one array.
   * @returns all the rows
   */
  toArray(): Promise<T[]>;
  /**
   * Iterates page by page instead of row by row.
   * @returns an async iterable of pages
   */
  pages(): AsyncIterable<T[]>;
}

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
