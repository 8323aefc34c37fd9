import type { IncomingMessage } from 'node:http';
import { emptyError, HttpError } from './http-error.js';

/** Bodies above this size are refused with 413. */
export const MAX_BODY_BYTES: number = 10 * 1024 * 1024;

/**
 * How deeply a JSON body may nest. Real bodies (docker-compose compositions, contracts) nest a
 * dozen levels; thousands of levels only exhaust the stack of whatever walks the value later.
 */
export const MAX_JSON_DEPTH = 100;

/**
 * express's error page in production, which balena sends for a body it cannot parse: the status
 * text only, no message and no stack (which would show the server's file paths).
 */
const BAD_REQUEST_PAGE =
  '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Bad Request</pre>\n</body>\n</html>\n';

function badRequest(): HttpError {
  return new HttpError(400, { kind: 'html-text', text: BAD_REQUEST_PAGE });
}

/** Whether JSON text nests arrays and objects deeper than `limit` (strings skipped), without parsing it. */
function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c) index++;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x5b || code === 0x7b) {
      if (++depth > limit) return true;
    } else if (code === 0x5d || code === 0x7d) {
      depth--;
    }
  }
  return false;
}

/** Reads the raw body, refusing more than MAX_BODY_BYTES (413). */
export async function readRawBody(request: IncomingMessage): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) {
    request.resume();
    throw emptyError(413);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      request.resume();
      throw emptyError(413);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Parses a JSON or form body; undefined when empty. Bad JSON, and JSON nested deeper than
 * MAX_JSON_DEPTH, answer express's HTML "Bad Request" page (400).
 */
export function parseBody(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  const text = raw.toString('utf8');
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') {
    return Object.fromEntries(new URLSearchParams(text));
  }
  if (type === 'application/json' || type.endsWith('+json') || type === '') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      if (type === '') return text;
      throw badRequest();
    }
    if (nestsDeeperThan(text, MAX_JSON_DEPTH)) throw badRequest();
    return value;
  }
  return text;
}
