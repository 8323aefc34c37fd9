import type { Client } from '../client/client.js';
import { redact } from '../errors/redact.js';
import { NetworkError, RequestError, TimeoutError } from '../errors/request-errors.js';
import { buildQuery } from '../odata/query.js';
import type { ODataOptions } from '../odata/types.js';
import { backoffDelay, resolveRetryCount, sleep } from '../request/retry.js';
import { createCollectionScanner } from './collection-scanner.js';
import { checkCollectionParams, toPageIterable } from './page-iterable.js';
import type { PageIterable } from './types.js';

/** What {@link streamCollection} reads. */
export interface StreamCollectionParams {
  /** The resource, e.g. `'device'`. */
  resource: string;
  /** OData options, sent as they are in the one request (`$top` and `$skip` included). */
  options?: ODataOptions;
  /** How many rows each array of `pages()` holds (default 1000); the answer is one request either way. */
  pageSize?: number;
  /** Aborts the request and the reading of its answer (as does the signal of a client from `withOptions`). */
  signal?: AbortSignal;
}

const MAX_BODY_EXCERPT = 200;

type Attempt = { kind: 'done' } | { kind: 'failed'; error: Error };

/** Waits for the next piece of the body, for at most `timeoutMs`: a stalled answer must not hang. */
async function readWithin(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  timeoutMs: number,
  where: string,
): Promise<ReadableStreamReadResult<Uint8Array>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new TimeoutError(`${where}: no data for ${timeoutMs} ms while reading the answer`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([reader.read(), stalled]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Reads a collection of any size with ONE request, streaming its answer: the rows of the `"d"`
 * array are parsed one at a time as the bytes arrive (an incremental scanner hands each row to
 * `JSON.parse`), so that memory holds one network chunk of rows, never the whole answer. When the connection drops
 * or stalls mid-answer, the request is sent again from the first row not yet delivered
 * (`$skip`), up to the client's retry count; without an `$orderby` the rows are ordered by
 * `id asc` so that such a resumption neither repeats nor skips rows.
 *
 * @param client - the client
 * @param params - resource, options, page size (for `pages()`) and signal
 * @returns an async iterable of rows, with `pages()` (arrays of `pageSize` rows) and `toArray()`
 * @throws {@link InvalidParameter} for a bad resource, options object or page size (at once)
 * @throws {@link RequestError} (when iterated) for an error status, or an answer that is not a
 * well-formed collection (malformed or cut short)
 * @throws {@link NetworkError} / {@link TimeoutError} (when iterated) when the connection fails
 * more often than the client retries
 * @example
 * ```ts
 * for await (const device of streamCollection<Device>(client, { resource: 'device', options: { $select: 'id' } })) {
 *   console.log(device.id);
 * }
 * ```
 */
export function streamCollection<T>(client: Client, params: StreamCollectionParams): PageIterable<T> {
  const { resource, options, pageSize, signal } = checkCollectionParams(params);
  const limit = options.$top;
  const firstSkip = options.$skip ?? 0;
  const orderBy = options.$orderby ?? 'id asc';
  const { config } = client;

  /** Reads one answer, yielding its rows as they arrive (counted in `progress`), and returns how it ended. */
  async function* readAnswer(progress: { delivered: number }): AsyncGenerator<T[], Attempt> {
    const { delivered } = progress;
    const resumed =
      delivered === 0
        ? { $skip: options.$skip, $top: limit }
        : { $skip: firstSkip + delivered, $top: limit === undefined ? undefined : limit - delivered };
    const query = buildQuery({ ...options, $orderby: orderBy, ...resumed });
    const path = `/${config.apiVersion}/${resource}${query ? `?${query}` : ''}`;
    const where = `GET ${redact(path)}`;
    const response = await client.request.stream(path, { signal });
    const body = response.body;
    if (body === null) {
      throw new RequestError({
        status: response.status,
        method: 'GET',
        url: path,
        message: `Empty answer to ${where}`,
      });
    }
    const reader = body.getReader();
    const decoder = new TextDecoder();
    const scanner = createCollectionScanner();
    let excerpt = '';
    let finished = false;
    try {
      for (;;) {
        let piece: ReadableStreamReadResult<Uint8Array>;
        try {
          piece = await readWithin(reader, config.timeout, where);
        } catch (error) {
          // An abort (the caller's, or the derived client's) ends the iteration; it is not a failure to resume from.
          if (signal?.aborted) throw signal.reason;
          if (client.signal?.aborted) throw client.signal.reason;
          if (error instanceof TimeoutError) return { kind: 'failed', error };
          const reason = error instanceof Error ? error.message : String(error);
          return {
            kind: 'failed',
            error: new NetworkError(`${where} failed while reading the answer: ${reason}`, { cause: error }),
          };
        }
        const text = piece.done ? decoder.decode() : decoder.decode(piece.value, { stream: true });
        if (excerpt.length < MAX_BODY_EXCERPT) excerpt += text.slice(0, MAX_BODY_EXCERPT - excerpt.length);
        let rows: T[];
        try {
          rows = scanner.push(text) as T[];
          if (piece.done) scanner.end();
        } catch (error) {
          throw new RequestError({
            status: response.status,
            method: 'GET',
            url: path,
            body: excerpt,
            cause: error,
            message: `Invalid JSON in the answer to ${where} (status ${response.status}): ${(error as Error).message}`,
          });
        }
        if (rows.length > 0) {
          progress.delivered += rows.length;
          yield rows;
        }
        if (piece.done) {
          finished = true;
          return { kind: 'done' };
        }
      }
    } finally {
      // Stopped early (a break in the caller's loop, an error): close the connection.
      if (!finished) await reader.cancel().catch(() => undefined);
      reader.releaseLock();
    }
  }

  /**
   * The rows in the arrays they arrive in (one network chunk's worth each). A failure mid-answer is
   * not ofetch's to retry: the answer had begun, so the next request is a different one, resuming
   * at the first row not yet delivered. It follows the same policy: the client's retries and backoff.
   */
  async function* chunks(): AsyncGenerator<T[]> {
    const retries = resolveRetryCount(undefined, 'GET', config.retry);
    const progress = { delivered: 0 };
    for (let failures = 0; ; ) {
      if (limit !== undefined && progress.delivered >= limit) return;
      const outcome = yield* readAnswer(progress);
      if (outcome.kind === 'done') return;
      failures += 1;
      if (failures > retries) throw outcome.error;
      await sleep(backoffDelay(failures, config.retryDelay), signal, client.signal);
    }
  }

  return toPageIterable(chunks, pageSize);
}
