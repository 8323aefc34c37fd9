import type { ODataOptions } from '@balena/odata-parser';
import { emptyError } from '../http/http-error.js';
import { attachActor, newRow } from '../store/new-row.js';
import type { Row } from '../store/row.js';
import { findField, resourceDefinition } from '../store/schema.js';
import { UniqueViolation, uniqueMessage } from '../store/unique-violation.js';
import { coerceValue, WrongType } from './coerce.js';
import type { QueryContext } from './query-context.js';
import { UnknownMember } from './query-context.js';
import { selectRows } from './read.js';

function requireObjectBody(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw emptyError(400);
  return body as Record<string, unknown>;
}

/** POST: creates one row (unknown fields are dropped, as balena does) and returns it. */
export function createRow(context: QueryContext, resource: string, body: unknown): Row {
  const values = requireObjectBody(body);
  const { policy, hooks, fields } = resourceDefinition(resource);
  if (policy.createdOnlyByTheServer) throw emptyError(401);
  const accepted: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    const field = findField(resource, name);
    if (!field || field.computed || field.type === 'serial' || field.readOnly) continue;
    try {
      accepted[name] = coerceValue(field, value);
    } catch (error) {
      if (error instanceof WrongType) throw emptyError(400);
      throw error;
    }
  }
  const { store, access } = context;
  const row = newRow(store, resource, accepted);
  hooks.beforeInsert?.(store, row);
  for (const field of fields) {
    if (field.required && (row[field.name] === null || row[field.name] === undefined)) throw emptyError(500);
  }
  hooks.validate?.(row, store);
  const scope = policy.write(access);
  const allowed = policy.create ? policy.create(access, row) : scope !== 'none' && scope(row);
  if (!allowed) throw emptyError(401);
  store.checkUnique(resource, row);
  attachActor(store, resource, row);
  store.put(resource, row);
  hooks.afterInsert?.(store, row, access.actor);
  return row;
}

/** The rows a PATCH or DELETE addresses: readable, writable and matching the key or `$filter`. */
function targetRows(
  context: QueryContext,
  resource: string,
  candidates: Iterable<Row>,
  options: ODataOptions | undefined,
): Row[] {
  const read = context.access.readScope(resource);
  const write = context.access.writeScope(resource);
  if (read === 'none' || write === 'none') throw emptyError(401);
  const visible: Row[] = [];
  for (const row of candidates) if (read(row) && write(row)) visible.push(row);
  return selectRows(context, resource, visible, { $filter: options?.$filter });
}

/** PATCH: all or nothing; unknown fields are a 500, wrong types a 400, collisions a 409. */
export function updateRows(
  context: QueryContext,
  resource: string,
  candidates: Iterable<Row>,
  options: ODataOptions | undefined,
  body: unknown,
): void {
  const values = requireObjectBody(body);
  const changes: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    const field = findField(resource, name);
    if (!field || field.computed) throw new UnknownMember(`${resource}.${name}`);
    if (field.type === 'serial' || field.readOnly) continue;
    try {
      changes[name] = coerceValue(field, value);
    } catch (error) {
      if (error instanceof WrongType) throw emptyError(400);
      throw error;
    }
  }
  const { store, access } = context;
  const { hooks, fields } = resourceDefinition(resource);
  const rows = targetRows(context, resource, candidates, options);
  const write = access.writeScope(resource);
  const modifiedAt = new Date(store.now()).toISOString();
  const nextRows = rows.map((row) => {
    const next: Row = { ...row, ...changes, id: row.id, modified_at: modifiedAt };
    hooks.beforeUpdate?.(store, next, row);
    for (const field of fields) {
      if (field.required && !field.computed && (next[field.name] === null || next[field.name] === undefined))
        throw emptyError(500);
    }
    if (write === 'none' || !write(next)) throw emptyError(401);
    store.checkUnique(resource, next);
    return next;
  });
  const seen = new Map<string, number>();
  for (const unique of resourceDefinition(resource).unique) {
    seen.clear();
    for (const next of nextRows) {
      const key = JSON.stringify(unique.map((field) => next[field]));
      if (seen.has(key) && seen.get(key) !== next.id) throw new UniqueViolation(uniqueMessage(unique));
      seen.set(key, next.id);
    }
  }
  for (const next of nextRows) store.put(resource, next);
}

/** DELETE: removes every addressed row and what cascades from it. */
export function deleteRows(
  context: QueryContext,
  resource: string,
  candidates: Iterable<Row>,
  options: ODataOptions | undefined,
): void {
  for (const row of targetRows(context, resource, candidates, options)) context.store.remove(resource, row.id);
}
