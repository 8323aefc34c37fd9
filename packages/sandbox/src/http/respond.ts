import type { ServerResponse } from 'node:http';
import type { HttpError } from './http-error.js';

/** balena's Content-Type for JSON answers. */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
/** balena's Content-Type for text answers (JWTs). */
export const TEXT_CONTENT_TYPE = 'text/plain; charset=utf-8';
/** The Content-Type of express's HTML error pages. */
export const HTML_CONTENT_TYPE = 'text/html; charset=utf-8';

/** Sends a JSON value. */
export function sendJson(
  response: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  // Encoded once: measuring the string and then writing it would walk a large page twice.
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  response.writeHead(status, {
    ...headers,
    'Content-Type': JSON_CONTENT_TYPE,
    'Content-Length': body.length,
  });
  response.end(body);
}

/** Sends text with a Content-Type. */
export function sendText(
  response: ServerResponse,
  status: number,
  text: string,
  contentType: string = TEXT_CONTENT_TYPE,
): void {
  response.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}

/** Sends a status with no body and no Content-Type (balena's PATCH/DELETE answers and most errors). */
export function sendEmpty(response: ServerResponse, status: number): void {
  response.writeHead(status, { 'Content-Length': 0 });
  response.end();
}

/** Sends an HttpError in its body shape. */
export function sendError(response: ServerResponse, error: HttpError): void {
  for (const [name, value] of Object.entries(error.headers)) response.setHeader(name, value);
  const body = error.body;
  switch (body.kind) {
    case 'empty':
      sendEmpty(response, error.status);
      return;
    case 'json-string':
      sendJson(response, error.status, body.message);
      return;
    case 'json':
      sendJson(response, error.status, body.value);
      return;
    case 'html-text':
      sendText(response, error.status, body.text, HTML_CONTENT_TYPE);
      return;
  }
}
