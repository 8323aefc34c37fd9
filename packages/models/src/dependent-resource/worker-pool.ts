/**
 * Runs `work` on every item with at most `concurrency` calls in flight: a fixed set of workers that
 * each take the next item when they finish one, so a list of any length never becomes that many
 * pending promises. `work` must report its own failures (it should not throw).
 *
 * @param items - the items, taken in order
 * @param concurrency - the most calls in flight at once (a positive integer)
 * @param work - the work for one item
 * @param signal - once aborted, no further item is started
 * @returns the items that were never started (empty unless aborted)
 */
export async function runPool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
  signal?: AbortSignal,
): Promise<T[]> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !signal?.aborted) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  };
  const workers: Promise<void>[] = [];
  for (let index = 0; index < Math.min(concurrency, items.length); index += 1) workers.push(worker());
  await Promise.all(workers);
  return items.slice(next);
}
