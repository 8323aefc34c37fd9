import type { ServerResponse } from 'node:http';
import type { SandboxRequest } from '../http/router.js';
import type { StoredLogLine } from './log-line.js';
import type { LogStore } from './log-store.js';

/** How one streaming transport writes lines (NDJSON, SSE). */
export interface LogStreamFormat {
  contentType: string;
  /** Written once, right after the headers. */
  preamble?: string;
  line(line: StoredLogLine): string;
  /** The keep-alive written every `heartbeatIntervalMs`. */
  heartbeat: string;
}

/**
 * Answers 200 and keeps the response open: the history lines, then every new line of the device
 * as it is stored, with a keep-alive on an unref'd timer. Ends when the client goes away, the
 * device is deleted or the sandbox closes (its sockets are destroyed).
 */
export function streamLogLines(
  request: SandboxRequest,
  response: ServerResponse,
  options: { logs: LogStore; deviceId: number; history: StoredLogLine[]; format: LogStreamFormat },
): void {
  const { logs, deviceId, history, format } = options;
  response.writeHead(200, {
    'Content-Type': format.contentType,
    'Cache-Control': 'no-cache',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  response.flushHeaders();
  const write = (chunk: string) => {
    if (!response.writableEnded && !response.destroyed) response.write(chunk);
  };
  let buffered = format.preamble ?? '';
  for (const line of history) buffered += format.line(line);
  if (buffered !== '') write(buffered);
  const unsubscribe = logs.subscribe(deviceId, (line) => write(format.line(line)));
  const heartbeat = setInterval(() => write(format.heartbeat), logs.heartbeatIntervalMs);
  heartbeat.unref();
  const stopRemoval = logs.onForget(deviceId, () => response.end());
  const stop = () => {
    unsubscribe();
    stopRemoval();
    clearInterval(heartbeat);
  };
  response.on('close', stop);
  request.raw.on('close', stop);
}
