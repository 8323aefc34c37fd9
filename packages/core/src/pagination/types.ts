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
