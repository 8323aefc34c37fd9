import { LineSplitter } from './internal/line-splitter.js';
import { logsPath, logsQuery } from './internal/logs-path.js';
import { parseLogLine } from './internal/parse-line.js';
import type { LogTransport, LogTransportSession } from './types.js';

function serverTimeOf(response: Response): number | undefined {
  const date = response.headers.get('date');
  const time = date ? Date.parse(date) : Number.NaN;
  return Number.isNaN(time) ? undefined : time;
}

async function readStream(session: LogTransportSession, response: Response): Promise<void> {
  const body = response.body;
  if (!body) return;
  const reader = body.getReader();
  // A fallback: the request follows the same signal, and its abort already errors the body.
  // Stryker disable next-line BlockStatement: the request's abort errors the body first (see above)
  const cancel = (): void => {
    reader.cancel(session.signal.reason).catch(() => undefined);
  };
  // Stryker disable next-line StringLiteral,ObjectLiteral,BooleanLiteral: the request's abort errors the body first (see above); the finally block removes the listener
  session.signal.addEventListener('abort', cancel, { once: true });
  const decoder = new TextDecoder();
  const splitter = new LineSplitter();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      session.onActivity();
      for (const text of splitter.push(decoder.decode(value, { stream: true }))) {
        // balena's keep-alive is a bare newline.
        if (text.trim() === '') continue;
        session.onLine(parseLogLine(text));
      }
    }
  } catch (error) {
    // A malformed line leaves the body half read: close the connection rather than leak it.
    reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    session.signal.removeEventListener('abort', cancel);
  }
  if (session.signal.aborted) throw session.signal.reason;
}

/**
 * The default transport: `GET /device/v2/<uuid>/logs?stream=1`, an NDJSON stream of past lines
 * then live ones, with a bare newline as keep-alive. Uses only fetch and web streams.
 *
 * @returns the transport
 * @example
 * ```ts
 * subscribe(client, uuid, print, undefined, 10, { transport: ndjsonTransport() });
 * ```
 */
export function ndjsonTransport(): LogTransport {
  return {
    name: 'ndjson',
    async connect(session: LogTransportSession): Promise<void> {
      const response = await session.client.request.stream(logsPath(session.uuid), {
        query: logsQuery({ stream: true, count: session.count, start: session.start }),
        signal: session.signal,
        // The subscription has its own reconnection loop with backoff.
        retry: false,
      });
      session.onOpen(serverTimeOf(response));
      session.beginPass();
      await readStream(session, response);
    },
  };
}
