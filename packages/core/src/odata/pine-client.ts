import type { ClientConfig } from '../client/options.js';
import { InvalidParameter } from '../errors/parameter-errors.js';
import { RequestError } from '../errors/request-errors.js';
import type { RequestFunction } from '../request/types.js';
import { checkIdentifier } from './escape.js';
import type { PineClient } from './pine-types.js';
import { buildQuery } from './query.js';
import { formatResourceId } from './resource-id.js';
import type { Filter, ODataOptions, ResourceId } from './types.js';

const UNIQUE_CONFLICT_PATTERN = /unique/i;

function withQuery(path: string, options: ODataOptions | undefined): string {
  const query = options ? buildQuery(options) : '';
  return query ? `${path}?${query}` : path;
}

function hasFilter(options: ODataOptions | undefined): boolean {
  const filter = options?.$filter;
  return filter !== undefined && filter !== null && Object.keys(filter).length > 0;
}

function unexpectedShape(method: string, path: string, body: unknown): RequestError {
  return new RequestError({
    status: 200,
    method,
    url: path,
    body,
    message: `Unexpected answer to ${method} ${path}: expected an object with "d"`,
  });
}

function isUniqueConflict(error: unknown): boolean {
  if (!(error instanceof RequestError) || error.status !== 409) return false;
  const body = typeof error.body === 'string' ? error.body : JSON.stringify(error.body ?? '');
  return UNIQUE_CONFLICT_PATTERN.test(body);
}

/**
 * Creates the OData ("pine") client of a client: `get`, `count`, `post`, `patch`, `delete` and
 * `upsert` on `/<apiVersion>/<resource>`.
 *
 * @param config - the client's configuration (for `apiVersion`)
 * @param request - the client's request function
 * @returns the pine client
 * @example
 * ```ts
 * const devices = await client.pine.get<Device>({ resource: 'device', options: { $top: 10 } });
 * ```
 */
export function createPineClient(config: ClientConfig, request: RequestFunction): PineClient {
  const pathOf = (resource: string, id?: ResourceId): string =>
    `/${config.apiVersion}/${checkIdentifier(resource, 'resource')}${id === undefined ? '' : formatResourceId(id)}`;

  function requireTarget(operation: string, id: ResourceId | undefined, options: ODataOptions | undefined): void {
    // A write without a key or a filter would touch the whole collection.
    if (id === undefined && !hasFilter(options)) {
      throw new InvalidParameter('id', id, `${operation} needs an id or a non-empty options.$filter`);
    }
  }

  async function get(params: {
    resource: string;
    id?: ResourceId;
    options?: ODataOptions;
    signal?: AbortSignal;
  }): Promise<unknown> {
    const byKey = 'id' in params && params.id !== undefined;
    const path = withQuery(pathOf(params.resource, params.id), params.options);
    const answer = await request<{ d?: unknown }>(path, { signal: params.signal });
    const rows = answer?.d;
    if (!Array.isArray(rows)) throw unexpectedShape('GET', path, answer);
    return byKey ? rows[0] : rows;
  }

  const pine: PineClient = {
    get: get as PineClient['get'],
    async count({ resource, options, signal }) {
      const filterOnly = options?.$filter === undefined ? undefined : { $filter: options.$filter };
      const path = withQuery(`${pathOf(resource)}/$count`, filterOnly);
      const answer = await request<{ d?: unknown } | number>(path, { signal });
      const count = typeof answer === 'number' ? answer : answer?.d;
      if (typeof count !== 'number') throw unexpectedShape('GET', path, answer);
      return count;
    },
    async post<T>({
      resource,
      body,
      signal,
    }: {
      resource: string;
      body: Record<string, unknown>;
      signal?: AbortSignal;
    }) {
      return request<T>(pathOf(resource), { method: 'POST', body, signal });
    },
    async patch({ resource, id, options, body, signal }) {
      requireTarget('patch', id, options);
      await request(withQuery(pathOf(resource, id), options), { method: 'PATCH', body, signal });
    },
    async delete({ resource, id, options, signal }) {
      requireTarget('delete', id, options);
      await request(withQuery(pathOf(resource, id), options), { method: 'DELETE', signal });
    },
    async upsert({ resource, id, body, signal }) {
      if (Object.keys(id).length === 0) throw new InvalidParameter('id', id, 'upsert needs the natural key fields');
      try {
        await pine.post({ resource, body: { ...id, ...body }, signal });
      } catch (error) {
        if (!isUniqueConflict(error)) throw error;
        await pine.patch({ resource, options: { $filter: id as Filter }, body, signal });
      }
    },
  };
  return pine;
}
