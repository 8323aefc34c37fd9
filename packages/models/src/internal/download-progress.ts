/** How far a download has got. */
export interface DownloadProgress {
  /** Bytes handed to the consumer so far. */
  readonly bytes: number;
  /** The size from `Content-Length`, when the server sent it. */
  readonly total: number | undefined;
}

/** Options of a streamed download: progress and cancellation. */
export interface DownloadOptions {
  /** Called each time the consumer reads a chunk: draw a progress bar from it. */
  readonly onProgress?: (progress: DownloadProgress) => void;
  /** Aborts the lookups, the request and the stream, closing the connection (as does the signal of a client from `withOptions`). */
  readonly signal?: AbortSignal;
}

/**
 * The size a response announces in `Content-Length`, if it announces a positive one.
 *
 * @param response - the response
 * @returns the size in bytes, or undefined
 * @example
 * ```ts
 * const total = announcedLength(response);
 * ```
 */
export function announcedLength(response: Response): number | undefined {
  const length = Number(response.headers.get('content-length'));
  return Number.isFinite(length) && length > 0 ? length : undefined;
}

/**
 * The file name a response suggests in `Content-Disposition`, if any.
 *
 * @param response - the response
 * @returns the file name, or undefined
 * @example
 * ```ts
 * const fileName = suggestedFileName(response); // 'invoice-1000.pdf'
 * ```
 */
export function suggestedFileName(response: Response): string | undefined {
  const disposition = response.headers.get('content-disposition') ?? '';
  return /filename="?([^";]+)"?/.exec(disposition)?.[1];
}

/**
 * Passes a response body through, reporting progress as the consumer reads it.
 *
 * @param body - the response body
 * @param total - the announced size, for the progress reports
 * @param options - `onProgress`
 * @param signal - aborts the stream
 * @returns the stream the consumer reads
 * @example
 * ```ts
 * const stream = countingStream(response.body, total, { onProgress }, signal);
 * ```
 */
export function countingStream(
  body: ReadableStream<Uint8Array>,
  total: number | undefined,
  options: DownloadOptions,
  signal: AbortSignal | undefined,
): ReadableStream<Uint8Array> {
  let bytes = 0;
  // A TransformStream only runs when the consumer pulls, so the download is never buffered whole
  // and progress follows what the consumer actually received.
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bytes += chunk.byteLength;
        controller.enqueue(chunk);
        options.onProgress?.({ bytes, total });
      },
    }),
    { signal },
  );
}
