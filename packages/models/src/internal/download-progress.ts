import { type Client, InvalidParameter, RequestError, withOptions } from '@balena-ts/core';
import { checkObjectArgument } from './argument-checks.js';

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

// Content-Disposition's file name (RFC 6266): `filename*=UTF-8''<percent-encoded>` (RFC 8187) wins
// over `filename`, whose value is a token or a quoted string that may hold `;` and backslash escapes.
const EXTENDED_FILE_NAME = /(?:^|;)\s*filename\*\s*=\s*utf-8'[^']*'([^;\s]+)/i;
const QUOTED_FILE_NAME = /(?:^|;)\s*filename\s*=\s*"((?:[^"\\]|\\.)*)"/i;
const TOKEN_FILE_NAME = /(?:^|;)\s*filename\s*=\s*([^";\s]+)/i;

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
  const disposition = response.headers.get('content-disposition');
  if (disposition === null) return undefined;
  const extended = EXTENDED_FILE_NAME.exec(disposition)?.[1];
  if (extended !== undefined) {
    try {
      return decodeURIComponent(extended);
    } catch {
      // A malformed encoding: the plain `filename`, if any, is the one to use.
    }
  }
  const quoted = QUOTED_FILE_NAME.exec(disposition)?.[1];
  if (quoted !== undefined) return quoted.replace(/\\(.)/g, '$1');
  return TOKEN_FILE_NAME.exec(disposition)?.[1];
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

/**
 * Checks a download's options before any request.
 *
 * @param options - the options as given
 * @returns the options
 * @throws {@link @balena-ts/core#InvalidParameter} for anything but an object, or an `onProgress` that is not a function
 * @example
 * ```ts
 * checkDownloadOptions({ onProgress: console.log });
 * ```
 */
export function checkDownloadOptions(options: DownloadOptions): DownloadOptions {
  checkObjectArgument('options', options, 'expected { onProgress, signal }');
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function') {
    throw new InvalidParameter('options.onProgress', options.onProgress, 'expected a function');
  }
  return options;
}

/**
 * The client a download's lookups and request go through: the caller's signal, when given, aborts them too.
 *
 * @param client - the client
 * @param options - the download's options
 * @returns the client, or one scoped to `options.signal`
 * @example
 * ```ts
 * const scoped = downloadClient(client, { signal: controller.signal });
 * ```
 */
export function downloadClient(client: Client, options: DownloadOptions): Client {
  return options.signal === undefined ? client : withOptions(client, { signal: options.signal });
}

/** A download once its response has arrived: the counted stream and what the headers tell of the file. */
export interface StartedDownload {
  /** The bytes, counted as the consumer reads them. */
  readonly stream: ReadableStream<Uint8Array>;
  /** The size from `Content-Length`, when known. */
  readonly total: number | undefined;
  /** The media type from `Content-Type`, without its parameters. */
  readonly mimeType: string | undefined;
  /** The file name from `Content-Disposition`, if any. */
  readonly fileName: string | undefined;
}

/**
 * Turns a streamed response into a download: its body counted as the consumer reads it, its size,
 * media type and suggested file name.
 *
 * @param response - the response of the download request
 * @param options - `onProgress`
 * @param signal - aborts the stream
 * @returns the started download
 * @throws {@link @balena-ts/core#RequestError} when the response has no body
 * @example
 * ```ts
 * const { stream, total } = startedDownload(await scoped.request.stream(path), options, scoped.signal);
 * ```
 */
export function startedDownload(
  response: Response,
  options: DownloadOptions,
  signal: AbortSignal | undefined,
): StartedDownload {
  if (response.body === null) {
    throw new RequestError({ status: response.status, method: 'GET', url: response.url, body: 'empty body' });
  }
  const total = announcedLength(response);
  return {
    stream: countingStream(response.body, total, options, signal),
    total,
    mimeType: response.headers.get('content-type')?.split(';')[0]?.trim(),
    fileName: suggestedFileName(response),
  };
}
