import type { IncomingMessage, ServerResponse } from 'node:http';

/** One incoming request, with what routing found out about it. */
export interface SandboxRequest {
  raw: IncomingMessage;
  method: string;
  /** The raw request target, as sent (the OData parser reads it undecoded). */
  url: string;
  /** The decoded path without the query string. */
  path: string;
  query: URLSearchParams;
  /** Named path parameters (`:uuid`). */
  params: Record<string, string>;
  /** The parsed body: JSON, form fields, text, or undefined when empty. */
  body(): Promise<unknown>;
}

/** A route handler: answers through `response` (or throws an HttpError). */
export type Handler = (request: SandboxRequest, response: ServerResponse) => Promise<void> | void;

/** A step before routing; calls `next()` to continue (fault injection sits first). */
export type Middleware = (
  request: SandboxRequest,
  response: ServerResponse,
  next: () => Promise<void>,
) => Promise<void>;

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: Handler;
  /** The literal first path segment the route needs, or undefined when it starts with a parameter or `*`. */
  first: string | undefined;
}

/** The first segment of a path (`/v7/device` → `v7`). */
function firstSegment(path: string): string {
  const end = path.indexOf('/', 1);
  return end < 0 ? path.slice(1) : path.slice(1, end);
}

/** Method + path routing with `:name` parameters and `*` tails. */
export class Router {
  private readonly routes: Route[] = [];
  /**
   * The routes a path with this first segment can match, in the order they were added: those
   * starting with that literal segment and those starting with a parameter. Testing every route's
   * pattern was a twentieth of a small read's server time under load (the OData routes come late).
   */
  private byFirstSegment: Map<string, Route[]> | undefined;
  private withoutLiteral: Route[] = [];

  /** Adds a route; `path` may hold `:name` segments and end with `*` (any tail). */
  add(method: string, path: string, handler: Handler): void {
    const names: string[] = [];
    const source = path
      .split('/')
      .map((segment) => {
        if (segment === '*') {
          names.push('tail');
          return '(.*)';
        }
        if (segment.startsWith(':')) {
          names.push(segment.slice(1));
          return '([^/]+)';
        }
        return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('/');
    const first = path.startsWith('/') ? firstSegment(path) : undefined;
    this.routes.push({
      method,
      pattern: new RegExp(`^${source}/?$`),
      names,
      handler,
      first: first === undefined || first === '*' || first.startsWith(':') ? undefined : first,
    });
    this.byFirstSegment = undefined;
  }

  private candidates(path: string): Route[] {
    if (!this.byFirstSegment) {
      this.byFirstSegment = new Map();
      this.withoutLiteral = this.routes.filter((route) => route.first === undefined);
      for (const route of this.routes) {
        if (route.first === undefined || this.byFirstSegment.has(route.first)) continue;
        const first = route.first;
        this.byFirstSegment.set(
          first,
          this.routes.filter((other) => other.first === undefined || other.first === first),
        );
      }
    }
    // A route with a literal first segment matches only paths that start with `/<segment>`.
    return (path.startsWith('/') && this.byFirstSegment.get(firstSegment(path))) || this.withoutLiteral;
  }

  /** The handler and parameters for a request, or undefined (404). */
  match(method: string, path: string): { handler: Handler; params: Record<string, string> } | undefined {
    for (const route of this.candidates(path)) {
      if (route.method !== method && route.method !== '*') continue;
      const found = route.pattern.exec(path);
      if (!found) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, index) => {
        params[name] = found[index + 1] ?? '';
      });
      return { handler: route.handler, params };
    }
    return undefined;
  }
}
