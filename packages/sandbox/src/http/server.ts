import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { PART_PATH } from '../domain/chunked-uploads.js';
import { UnknownMember } from '../odata/query-context.js';
import { UniqueViolation } from '../store/unique-violation.js';
import { parseBody, readRawBody } from './body.js';
import { HttpError, messageError } from './http-error.js';
import { sendEmpty, sendError, sendJson } from './respond.js';
import type { Middleware, Router, SandboxRequest } from './router.js';

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PATCH, PUT, DELETE, OPTIONS',
  // Last-Event-ID and Cache-Control: an SSE client resuming a log stream from another origin sends them.
  'Access-Control-Allow-Headers':
    'Authorization, Content-Type, Accept, X-Requested-With, X-Balena-Client, Last-Event-ID, Cache-Control',
  'Access-Control-Expose-Headers': 'Location, Retry-After',
  'Access-Control-Max-Age': '86400',
};

/**
 * Room for the request line and headers. Node's default (16 KB) refuses long OData URLs that
 * balena accepts (a `$filter` over hundreds of ids: 100 KB and more).
 */
export const MAX_HEADER_BYTES: number = 1024 * 1024;

function toSandboxRequest(raw: IncomingMessage): SandboxRequest {
  const url = raw.url ?? '/';
  const queryStart = url.indexOf('?');
  const rawPath = queryStart < 0 ? url : url.slice(0, queryStart);
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    path = rawPath;
  }
  let parsed: Promise<unknown> | undefined;
  // Parsed on first use: an OData query string is long and its routes never read it this way.
  let query: URLSearchParams | undefined;
  return {
    raw,
    method: (raw.method ?? 'GET').toUpperCase(),
    url,
    path,
    get query() {
      query ??= new URLSearchParams(queryStart < 0 ? '' : url.slice(queryStart + 1));
      return query;
    },
    params: {},
    body() {
      parsed ??= readRawBody(raw).then((buffer) => parseBody(buffer, raw.headers['content-type']));
      return parsed;
    },
  };
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** The request body types a browser sends across origins without asking first (no CORS preflight). */
const SIMPLE_CONTENT_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

/**
 * The sandbox listens on 127.0.0.1 only, so any web page the developer visits could reach it. A
 * request naming another host (DNS rebinding) is refused, and so is a cross-origin write that a
 * browser sends without a preflight (a form posted to `/login_` would read the token back
 * through `Access-Control-Allow-Origin: *`). Cross-origin clients that send JSON or an
 * `Authorization` header are preflighted and served.
 */
function refusedAsCrossSite(raw: IncomingMessage): HttpError | undefined {
  const host = raw.headers.host ?? '';
  const hostname = host.replace(/:\d+$/, '').toLowerCase();
  if (host !== '' && !LOOPBACK_HOSTS.has(hostname) && !hostname.endsWith('.localhost')) {
    return messageError(403, `Blocked request: the host ${hostname} is not this sandbox`);
  }
  const origin = raw.headers.origin;
  const method = (raw.method ?? 'GET').toUpperCase();
  if (origin === undefined || method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return undefined;
  // A chunked upload's part URL (routes/chunked-upload-routes.ts): its token is the permission, which
  // no other site knows, and a browser SDK PUTs its bytes there from the page's origin without a token.
  if (method === 'PUT' && raw.url?.startsWith(`${PART_PATH}/`)) return undefined;
  // An Authorization header is not CORS-safelisted: the browser asked first, and we said yes.
  if (raw.headers.authorization !== undefined) return undefined;
  const type = (raw.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== '' && !SIMPLE_CONTENT_TYPES.has(type)) return undefined;
  let sameOrigin = false;
  try {
    sameOrigin = new URL(origin).host === host;
  } catch {
    // "null" and other opaque origins are cross-origin
  }
  return sameOrigin ? undefined : messageError(403, 'Cross-origin form posts are not accepted');
}

function answerFailure(response: ServerResponse, error: unknown, log: (message: string) => void): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  if (error instanceof HttpError) {
    sendError(response, error);
  } else if (error instanceof UniqueViolation) {
    sendJson(response, 409, error.message);
  } else if (error instanceof UnknownMember) {
    // Unknown fields in $select or a PATCH body: balena answers 500 with an empty body.
    sendEmpty(response, 500);
  } else {
    log(`internal error: ${(error as Error)?.stack ?? String(error)}`);
    sendEmpty(response, 500);
  }
}

/** Options of the HTTP server. */
export interface ServerOptions {
  router: Router;
  middleware: Middleware[];
  onRequest: () => void;
  /** Runs before the status line of every answer is written (the persistence commit). */
  beforeResponse?: (() => void) | undefined;
  log: (message: string) => void;
  /** Whether every answer is logged (its method, URL, status and time); a quiet sandbox skips the work. */
  logRequests: boolean;
}

/** The node:http server: CORS, the middleware chain, routing, and a catch-all so it never crashes. */
export function createSandboxServer(options: ServerOptions): { server: Server; sockets: Set<Socket> } {
  const sockets = new Set<Socket>();
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (raw, response) => {
    options.onRequest();
    for (const [name, value] of Object.entries(CORS_HEADERS)) response.setHeader(name, value);
    const request = toSandboxRequest(raw);
    const { beforeResponse } = options;
    if (beforeResponse) {
      // Every answer passes here, explicit or implicit (a bare end() writes the head through it).
      const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse;
      response.writeHead = ((...args: unknown[]) => {
        beforeResponse();
        return writeHead(...args);
      }) as ServerResponse['writeHead'];
    }
    if (options.logRequests) {
      const started = Date.now();
      response.on('finish', () =>
        options.log(`${request.method} ${request.url} ${response.statusCode} ${Date.now() - started}ms`),
      );
    }
    const route = async () => {
      if (request.method === 'OPTIONS') return sendEmpty(response, 200);
      const found = options.router.match(request.method, request.path);
      if (!found) {
        request.raw.resume();
        return sendEmpty(response, 404);
      }
      request.params = found.params;
      await found.handler(request, response);
    };
    const refused = refusedAsCrossSite(raw);
    if (refused) {
      raw.resume();
      answerFailure(response, refused, options.log);
      return;
    }
    const chain = options.middleware.reduceRight<() => Promise<void>>(
      (next, step) => () => step(request, response, next),
      route,
    );
    chain().catch((error: unknown) => answerFailure(response, error, options.log));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    if (error.code === 'HPE_HEADER_OVERFLOW') {
      const message = `Request line and headers may take ${MAX_HEADER_BYTES} bytes at most`;
      socket.end(
        `HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(message)}\r\nConnection: close\r\n\r\n${message}`,
      );
      return;
    }
    socket.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
  });
  return { server, sockets };
}
