import type { ServerResponse } from 'node:http';
import type { SandboxRequest } from '../http/router.js';
import type { FaultAction } from './fault-types.js';

type Write = ServerResponse['write'];
type End = ServerResponse['end'];
/** `response.write` as called here: one chunk, an optional callback. */
type RawWrite = (chunk: unknown, callback?: () => void) => boolean;

function toBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk);
  return Buffer.from(String(chunk), 'utf8');
}

/** Writes `part` (if any) and then destroys the connection, so the client sees a cut answer. */
function cutAfter(response: ServerResponse, write: RawWrite, part: Buffer): void {
  const destroy = () => response.socket?.destroy();
  if (part.length === 0) {
    if (!response.headersSent) response.flushHeaders();
    setImmediate(destroy);
    return;
  }
  write(part, destroy);
}

/** Lets the real answer through until `limit` body bytes, then cuts the connection. */
function truncateBody(response: ServerResponse, limit: number): void {
  const write = response.write.bind(response) as RawWrite;
  const end = response.end.bind(response) as () => ServerResponse;
  let sent = 0;
  let cut = false;
  const pass = (chunk: unknown): boolean => {
    if (cut) return false;
    const buffer = toBuffer(chunk);
    if (sent + buffer.length <= limit) {
      sent += buffer.length;
      if (buffer.length > 0) write(buffer);
      return true;
    }
    cut = true;
    cutAfter(response, write, buffer.subarray(0, limit - sent));
    return false;
  };
  response.write = ((chunk: unknown) => pass(chunk)) as Write;
  response.end = ((chunk?: unknown) => {
    if (chunk !== undefined && typeof chunk !== 'function' && !pass(chunk)) return response;
    // The whole body fit under the limit: nothing to cut.
    if (!cut) end();
    return response;
  }) as End;
}

/** Lets a streamed answer through for `afterLines` non-empty lines, then cuts the next one in half. */
function dropStream(response: ServerResponse, afterLines: number): void {
  const write = response.write.bind(response) as RawWrite;
  let lines = 0;
  let cut = false;
  response.write = ((chunk: unknown) => {
    if (cut) return false;
    const text = toBuffer(chunk).toString('utf8');
    let passed = '';
    for (const piece of text.split(/(?<=\n)/)) {
      // Keep-alive newlines are not lines of the stream.
      if (piece.trim() === '' || !piece.endsWith('\n')) {
        passed += piece;
        continue;
      }
      if (lines === afterLines) {
        cut = true;
        const half = Buffer.from(passed + piece.slice(0, Math.max(1, Math.floor(piece.length / 2))));
        cutAfter(response, write, half);
        return false;
      }
      lines++;
      passed += piece;
    }
    return passed === '' ? true : write(passed);
  }) as Write;
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** Applies a fault's action: answers in its place, or prepares the response and calls `next`. */
export async function applyFault(
  action: FaultAction,
  request: SandboxRequest,
  response: ServerResponse,
  next: () => Promise<void>,
): Promise<void> {
  switch (action.kind) {
    case 'status': {
      request.raw.resume();
      const headers: Record<string, string | number> = { ...action.headers };
      if (action.retryAfter !== undefined) {
        headers['Retry-After'] =
          typeof action.retryAfter === 'number' ? String(action.retryAfter) : new Date(action.retryAfter).toUTCString();
      }
      let body = '';
      if (action.body !== undefined) {
        const text = typeof action.body === 'string';
        body = text ? (action.body as string) : JSON.stringify(action.body);
        const hasType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
        if (!hasType) headers['Content-Type'] = text ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
      }
      headers['Content-Length'] = Buffer.byteLength(body);
      response.writeHead(action.status, headers);
      response.end(body);
      return;
    }
    case 'delay':
      await sleep(action.delayMs);
      return next();
    case 'hang':
      request.raw.resume();
      return;
    case 'reset':
      request.raw.socket.destroy();
      return;
    case 'malformed-json': {
      request.raw.resume();
      const body = '{"d":[';
      response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length });
      response.end(body);
      return;
    }
    case 'truncate':
      truncateBody(response, action.afterBytes);
      return next();
    case 'drop-stream':
      dropStream(response, action.afterLines);
      return next();
  }
}
