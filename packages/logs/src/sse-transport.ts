import { NetworkError, RequestError } from '@balena-ts/core';
import { EventSource, type EventSourceFetchInit, type FetchLikeResponse } from 'eventsource';
import { logsPath } from './internal/logs-path.js';
import { parseLogLine } from './internal/parse-line.js';
import type { LogTransport, LogTransportSession } from './types.js';

/** Options of {@link sseTransport}. */
export interface SseTransportOptions {
  /**
   * A fetch to use instead of the client's request pipeline.
   *
   * @deprecated Give the client its `fetch` instead (`createClient({ fetch })`): with this option the
   * stream bypasses the client's hooks, `debug` log, headers and `withOptions` defaults.
   */
  fetch?: typeof fetch;
}

function streamUrl(session: LogTransportSession): string {
  const query = new URLSearchParams({ stream: '1' });
  if (session.count !== undefined) query.set('count', String(session.count));
  if (session.start !== undefined) query.set('start', String(session.start));
  return `${session.client.config.apiUrl}${logsPath(session.uuid)}?${query}`;
}

// Wraps the body so that every chunk, the `: keep-alive` comments included, feeds the watchdog:
// EventSource never surfaces comments.
function observed(response: Response, session: LogTransportSession): FetchLikeResponse {
  const body = response.body?.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        session.onActivity();
        controller.enqueue(chunk);
      },
    }),
  );
  return {
    body: body ?? null,
    url: response.url,
    status: response.status,
    // Stryker disable next-line BooleanLiteral: EventSource reads it only for the origin of its events, which no one here reads
    redirected: false,
    headers: response.headers,
  };
}

async function fetchWithToken(
  fetchImplementation: typeof fetch,
  input: string | URL,
  init: EventSourceFetchInit,
  session: LogTransportSession,
): Promise<Response> {
  const token = await session.client.tokens.get();
  const headers: Record<string, string> = { ...init.headers };
  if (token) headers.Authorization = `Bearer ${token}`;
  return fetchImplementation(input, { ...init, headers });
}

/**
 * A transport over Server-Sent Events (the `eventsource` package, which can send the
 * `Authorization` header that browsers' own EventSource cannot): the logs URL with
 * `Accept: text/event-stream`, one `log` event per line.
 *
 * @param options - a custom fetch
 * @returns the transport
 * @example
 * ```ts
 * import { subscribe } from '@balena-ts/logs';
 * import { sseTransport } from '@balena-ts/logs/sse';
 * subscribe(client, uuid, print, console.error, 0, { transport: sseTransport() });
 * ```
 */
export function sseTransport(options: SseTransportOptions = {}): LogTransport {
  return {
    name: 'sse',
    connect(session: LogTransportSession): Promise<void> {
      const url = streamUrl(session);
      // It never resolves: even the server's end of the stream is a failure, reported by EventSource.
      return new Promise<void>((_resolve, reject) => {
        let settled = false;
        // What the client's pipeline threw (a typed RequestError or NetworkError): EventSource
        // reports only a message, so the error event hands this on instead.
        let requestFailure: unknown;
        const source = new EventSource(url, {
          async fetch(input: string | URL, init: EventSourceFetchInit): Promise<FetchLikeResponse> {
            if (options.fetch) return observed(await fetchWithToken(options.fetch, input, init, session), session);
            try {
              // The client's pipeline: its credential, headers, hooks, debug log, fetch and signal.
              const response = await session.client.request.stream(String(input), {
                headers: init.headers,
                signal: init.signal ?? undefined,
                // The subscription has its own reconnection loop with backoff.
                retry: false,
              });
              return observed(response, session);
            } catch (error) {
              requestFailure = error;
              throw error;
            }
          },
        });
        // A second call changes nothing: closing, removing and rejecting are idempotent.
        const finish = (error: unknown): void => {
          settled = true;
          source.close();
          session.signal.removeEventListener('abort', onAbort);
          reject(error);
        };
        const onAbort = (): void => finish(session.signal.reason);
        // Stryker disable next-line ObjectLiteral,BooleanLiteral: finish() removes the listener itself
        session.signal.addEventListener('abort', onAbort, { once: true });
        if (session.signal.aborted) return onAbort();
        source.addEventListener('open', () => {
          session.onOpen();
          session.beginPass();
        });
        source.addEventListener('log', (event) => {
          if (settled) return;
          try {
            session.onLine(parseLogLine(event.data));
          } catch (error) {
            finish(error);
          }
        });
        // EventSource would reconnect on its own; the subscription reconnects instead, from the
        // last line it delivered, with its own backoff.
        source.onerror = (event) => {
          if (requestFailure !== undefined) {
            finish(requestFailure);
          } else if (event.code !== undefined && event.code >= 400) {
            finish(new RequestError({ status: event.code, method: 'GET', url, message: event.message }));
          } else {
            finish(new NetworkError(`The SSE log stream failed: ${event.message ?? 'connection lost'}`));
          }
        };
      });
    },
  };
}
