import type { IncomingMessage } from 'node:http';
import { emptyError, HttpError } from './http-error.js';

/** Bodies above this size are refused with 413. */
export const MAX_BODY_BYTES: number = 10 * 1024 * 1024;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** express's default error page, which balena sends for a body that is not valid JSON. */
function htmlErrorPage(error: Error): string {
  const stack = escapeHtml(error.stack ?? String(error))
    .split('\n')
    .map((line) => line.replace(/^ {4}/, ' &nbsp; &nbsp;'))
    .join('<br>');
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>${stack}</pre>\n</body>\n</html>\n`;
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

/** Parses a JSON or form body; undefined when empty. Bad JSON answers express's HTML page (400). */
export function parseBody(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  const text = raw.toString('utf8');
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') {
    return Object.fromEntries(new URLSearchParams(text));
  }
  if (type === 'application/json' || type.endsWith('+json') || type === '') {
    try {
      return JSON.parse(text);
    } catch (error) {
      if (type === '') return text;
      throw new HttpError(400, { kind: 'html-text', text: htmlErrorPage(error as Error) });
    }
  }
  return text;
}
