import { RequestError } from '../errors/request-errors.js';
import type { RequestOptions } from './types.js';

// The text of each whole-body answer, read by the transport inside the attempt (see
// transport-fetch.ts) and kept beside the Response it hands to ofetch: decoded once there, rather
// than its bytes copied into a new Response and decoded again here. The Response itself goes on,
// its body used: only readBody and readErrorBody read it, through this map (ofetch, asked for a
// 'stream', hands the body on without reading it). Reading takes the text out of the map: the
// platform's fetch keeps each Response reachable after the call (undici holds it from the
// attempt's abort signal until a full garbage collection), and a text still attached to it
// survived the young-generation collections: on a 100 KB answer read in a loop, each collection
// copied megabytes of old answers and the young generation grew to 16 MB.
const wholeBodies = new WeakMap<Response, string>();

/**
 * Reads a whole-body answer's text inside the attempt and keeps it for {@link readBody} and
 * {@link readErrorBody}.
 *
 * @param response - the answer, its body unread
 * @returns the same response, its body read and its text kept aside
 */
export async function withWholeBody(response: Response): Promise<Response> {
  wholeBodies.set(response, await response.text());
  return response;
}

function textOf(response: Response): Promise<string> | string {
  const text = wholeBodies.get(response);
  if (text === undefined) return response.text();
  wholeBodies.delete(response);
  return text;
}

const JSON_CONTENT_TYPE_PATTERN = /^application\/(?:[\w!#$&*.^`~-]+\+)?json\b/i;

function isJsonResponse(response: Response): boolean {
  return JSON_CONTENT_TYPE_PATTERN.test(response.headers.get('content-type') ?? '');
}

/**
 * Reads a successful response's body: JSON when the response (or the caller) says so, text
 * otherwise, undefined when it is empty (balena's PATCH and DELETE answer 200 with nothing).
 *
 * @param response - a 2xx response
 * @param request - the method, and the URL (redacted when called) for the error
 * @param responseType - the caller's choice, if any
 * @returns the parsed body
 * @throws {@link RequestError} when a JSON body does not parse
 */
export async function readBody(
  response: Response,
  request: { method: string; url: () => string },
  responseType: RequestOptions['responseType'],
): Promise<unknown> {
  const text = await textOf(response);
  if (text === '') return undefined;
  if (responseType === 'text' || (responseType !== 'json' && !isJsonResponse(response))) return text;
  try {
    return JSON.parse(text);
  } catch (error) {
    const url = request.url();
    throw new RequestError({
      status: response.status,
      method: request.method,
      url,
      body: text.slice(0, 1000),
      cause: error,
      message: `Invalid JSON in the answer to ${request.method} ${url} (status ${response.status})`,
    });
  }
}

/**
 * Reads a failed response's body for its error: parsed JSON when it parses (balena sends JSON
 * strings such as `"\"slug\" must be unique."`), its text otherwise, undefined when empty.
 *
 * @param response - a failed response
 * @returns the body, never throwing
 */
export async function readErrorBody(response: Response): Promise<unknown> {
  let text: string;
  try {
    text = await textOf(response);
  } catch {
    return undefined;
  }
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
