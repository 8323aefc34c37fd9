import type { ODataQuery } from '@balena/odata-parser';
import type { SandboxContext } from '../context.js';
import { isWebResourceStored, WEB_RESOURCE_PATH } from '../domain/web-resources.js';
import { emptyError, messageError } from '../http/http-error.js';
import { isMultipart, readMultipartBody } from '../http/multipart.js';
import { sendEmpty, sendJson } from '../http/respond.js';
import type { Router, SandboxRequest } from '../http/router.js';
import { type Candidates, findCandidates } from '../odata/candidates.js';
import { mentionsName } from '../odata/filter.js';
import { parseODataUrl } from '../odata/parse-odata.js';
import { type Binds, MAX_EXPANDED_ROWS, type QueryContext } from '../odata/query-context.js';
import { countRows, queryRows } from '../odata/query-rows.js';
import { validateOptions } from '../odata/read.js';
import { rowSerializer, serializeRow } from '../odata/serialize.js';
import { resolveBind } from '../odata/values.js';
import { createRow, deleteRows, updateRows } from '../odata/write.js';
import type { Row } from '../store/row.js';
import { resolveResourceName, resourceDefinition } from '../store/schema.js';

const API_PREFIX = '/v7';

function parseUrl(request: SandboxRequest): { tree: ODataQuery; binds: Binds } {
  const target = request.url.slice(API_PREFIX.length);
  try {
    const parsed = parseODataUrl(target);
    return { tree: parsed.tree, binds: parsed.binds as unknown as Binds };
  } catch {
    throw messageError(400, `Malformed url: '${request.url}'`);
  }
}

/** balena's ids are PostgreSQL `integer`s (pinejs `Serial`): a key outside their range fails in the database. */
const MAX_ID = 2_147_483_647;

/** The row with this id; a number no id can be is balena's database error (500, empty). */
function rowById(context: QueryContext, resource: string, id: unknown): Row | undefined {
  if (typeof id !== 'number') return undefined;
  if (Math.abs(id) > MAX_ID) throw emptyError(500);
  return context.store.get(resource, id);
}

/** The row addressed by `res(N)` or `res(field='value')`, as a 0- or 1-element list. */
function rowsByKey(context: QueryContext, resource: string, key: NonNullable<ODataQuery['key']>): Row[] {
  let row: Row | undefined;
  if ('bind' in key) {
    row = rowById(context, resource, resolveBind(context.binds, key as { bind: number }));
  } else if (Object.keys(key).length === 1 && 'id' in key) {
    // `res(id=N)` names the primary key as balena accepts it (the official SDK's application.create sends it).
    row = rowById(context, resource, resolveBind(context.binds, (key as Record<string, { bind: number }>).id!));
  } else {
    const entries = Object.entries(key);
    const fields = entries.map(([field]) => field);
    if (!fields.every((field) => resourceDefinition(resource).alternateKeys.includes(field))) throw emptyError(400);
    row = context.store.findUnique(
      resource,
      fields,
      entries.map(([, value]) => resolveBind(context.binds, value)),
    );
  }
  return row ? [row] : [];
}

async function handle(
  context: SandboxContext,
  request: SandboxRequest,
  response: import('node:http').ServerResponse,
): Promise<void> {
  // `$metadata` and other service documents are not open to anyone here (balena: 401).
  if (request.path.startsWith(`${API_PREFIX}/$`)) throw emptyError(401);
  const { tree, binds } = parseUrl(request);
  const resource = resolveResourceName(String(tree.resource));
  // balena answers 401 for a resource it does not know (not 404).
  if (!resource || tree.property || tree.link) throw emptyError(401);
  const actor = context.authenticate(request);
  const access = context.access(actor);
  const query: QueryContext = {
    store: context.store,
    access,
    binds,
    expandBudget: { remaining: MAX_EXPANDED_ROWS },
  };
  const options = tree.options ?? {};
  const view = resourceDefinition(resource).view;
  const keyed = tree.key !== undefined ? (view ? [] : rowsByKey(query, resource, tree.key)) : undefined;
  const candidates = (): Candidates => {
    if (keyed) return { rows: keyed, size: keyed.length };
    if (view) {
      // A view's rows are made now; its order is never cached (no table holds them).
      const rows = view(context.store);
      return { rows, size: 0 };
    }
    return findCandidates(context.store, resource, options.$filter, binds);
  };
  const method = request.method === 'PUT' || request.method === 'MERGE' ? 'PATCH' : request.method;

  if (method === 'GET') {
    if (tree.count && tree.key !== undefined) throw messageError(400, `Malformed url: '${request.url}'`);
    validateOptions(query, resource, options);
    const scope = access.readScope(resource, {
      keyed: tree.key !== undefined,
      mentions: (field) => mentionsName(options.$filter, field),
    });
    if (scope === 'none') throw emptyError(401);
    if (tree.count) {
      sendJson(response, 200, { d: countRows(query, resource, candidates(), scope, options.$filter) });
      return;
    }
    const rows = queryRows(query, resource, candidates(), scope, options);
    sendJson(response, 200, { d: rows.map(rowSerializer(query, resource, options)) });
    return;
  }
  // A multipart/form-data write (balena's file uploads): files are stored first, and removed
  // again when the write is refused.
  const readBody = async (): Promise<{ body: unknown; stored: string[] }> => {
    if (!isMultipart(request.raw)) return { body: await request.body(), stored: [] };
    const mayWrite = access.writeScope(resource) !== 'none';
    const base = `${context.url}${WEB_RESOURCE_PATH}`;
    return readMultipartBody(request.raw, resource, context.webResources, base, mayWrite);
  };
  const discard = (stored: string[]) => Promise.all(stored.map((key) => context.webResources.remove(key)));
  if (method === 'POST') {
    if (tree.key !== undefined) throw emptyError(400);
    const { body, stored } = await readBody();
    let row: Row;
    try {
      row = createRow(query, resource, body);
    } catch (error) {
      await discard(stored);
      throw error;
    }
    const location = `${API_PREFIX}/${String(tree.resource)}(@id)?@id=${row.id}`;
    sendJson(response, 201, serializeRow(query, resource, row), { Location: location });
    return;
  }
  if (method === 'PATCH') {
    const { body, stored } = await readBody();
    try {
      if (stored.length > 0 && tree.key === undefined) {
        throw messageError(400, 'WebResources can only be updated when providing a resource key.');
      }
      validateOptions(query, resource, { $filter: options.$filter });
      updateRows(query, resource, candidates().rows, options, body);
    } catch (error) {
      await discard(stored);
      throw error;
    }
    // A PATCH that matched no row keeps no file.
    if (stored.length > 0) await discard(stored.filter((key) => !isWebResourceStored(context.store, resource, key)));
    sendEmpty(response, 200);
    return;
  }
  if (method === 'DELETE') {
    validateOptions(query, resource, { $filter: options.$filter });
    deleteRows(query, resource, candidates().rows, options);
    sendEmpty(response, 200);
    return;
  }
  throw emptyError(405);
}

/** `/v7/...`: the OData API. */
export function registerODataRoutes(context: SandboxContext, router: Router): void {
  router.add('*', `${API_PREFIX}/*`, (request, response) => handle(context, request, response));
  router.add('*', API_PREFIX, () => {
    throw emptyError(401);
  });
}
