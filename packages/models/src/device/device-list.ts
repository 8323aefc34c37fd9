import type { PageIterable } from '@balena-ts/core';

/**
 * A list of devices that is both awaitable and async-iterable:
 * - `await list` (or `list.toArray()`) reads every page into one array, as the seed did;
 * - `for await (const device of list)` holds one page in memory at a time, for fleets of any size;
 * - `list.pages()` yields the pages themselves.
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
 * Wraps a lazily-started paged query into a {@link DeviceList}.
 *
 * @param start - resolves the query (e.g. after looking the application up) and returns its pages
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
      for await (const page of pages()) yield* page;
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
