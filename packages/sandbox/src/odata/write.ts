import type { ODataOptions } from '@balena/odata-parser';
import { emptyError, messageError } from '../http/http-error.js';
import { attachActor, newRow } from '../store/new-row.js';
import type { Row } from '../store/row.js';
import { findField, resourceDefinition } from '../store/schema.js';
import { UniqueViolation, uniqueMessage } from '../store/unique-violation.js';
import type { Scope } from './access.js';
import { coerceValue, WrongType } from './coerce.js';
import type { QueryContext } from './query-context.js';
import { UnknownMember } from './query-context.js';
import { selectRows } from './read.js';

function requireObjectBody(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw emptyError(400);
  return body as Record<string, unknown>;
}

/**
 * The body's writable values, coerced to their fields' types (a wrong type: 400). `onUnknown`
 * decides on a name the resource does not have as a writable column: a POST drops it, a PATCH
 * refuses it (500, as balena). `__proto__` and friends are such names, never prototypes.
 */
function writableValues(
  resource: string,
  body: Record<string, unknown>,
  onUnknown: (name: string) => void,
): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const [name, value] of Object.entries(body)) {
    const field = findField(resource, name);
    if (!field || field.computed) {
      onUnknown(name);
      continue;
    }
    if (field.type === 'serial' || field.readOnly) continue;
    try {
      values.set(name, coerceValue(field, value));
    } catch (error) {
      if (error instanceof WrongType) throw emptyError(400);
      throw error;
    }
  }
  return values;
}

/**
 * Every link a write sets must point at a row the caller may read (as through a navigation), and a
 * link to a fleet at one of the caller's own fleets: a write may not reach into someone else's
 * fleet, release or organization. balena (pinejs)
 * answers a write outside the caller's permissions 401, whether the row is hidden or missing.
 */
function checkLinkTargets(context: QueryContext, resource: string, values: Map<string, unknown>): void {
  for (const [name, value] of values) {
    const field = findField(resource, name);
    if (field?.type !== 'link' || field.linksAnyRow || value === null || value === undefined) continue;
    const target = context.store.get(field.target!, value as number);
    const scope = context.access.readScope(field.target!, true);
    if (!target || scope === 'none' || !scope(target)) throw emptyError(401);
    // Public host (balenaOS) fleets are readable, but nothing is put into them but by balena.
    if (field.target === 'application' && !context.access.applications().has(target.id)) throw emptyError(401);
  }
}

/** POST: creates one row (unknown fields are dropped, as balena does) and returns it. */
export function createRow(context: QueryContext, resource: string, body: unknown): Row {
  const { policy, hooks, fields } = resourceDefinition(resource);
  const object = requireObjectBody(body);
  const values = hooks.parseBody ? hooks.parseBody(object, context.store) : object;
  if (policy.createdOnlyByTheServer) throw emptyError(401);
  // Fields the model does not have are dropped, as balena does.
  const accepted = writableValues(resource, values, () => {});
  const { store, access } = context;
  const row = newRow(store, resource, Object.fromEntries(accepted));
  hooks.beforeInsert?.(store, row);
  for (const field of fields) {
    if (field.required && (row[field.name] === null || row[field.name] === undefined)) throw emptyError(500);
  }
  hooks.validate?.(row, store);
  const scope = policy.write(access);
  const allowed = policy.create ? policy.create(access, row) : scope !== 'none' && scope(row);
  if (!allowed) throw emptyError(401);
  checkLinkTargets(context, resource, accepted);
  hooks.rules?.(row, store);
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
  write: Scope,
): Row[] {
  const read = context.access.readScope(resource);
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
  const { hooks, fields, policy, unique: uniques } = resourceDefinition(resource);
  const object = requireObjectBody(body);
  const parsed = hooks.parseBody ? hooks.parseBody(object, context.store) : object;
  // pinejs refuses a PATCH whose body is empty once balena's hooks have read it.
  if (Object.keys(parsed).length === 0) throw messageError(400, 'No fields to update');
  const values = writableValues(resource, parsed, (name) => {
    throw new UnknownMember(`${resource}.${name}`);
  });
  const changes = Object.fromEntries(values);
  const { store, access } = context;
  const write = access.writeScope(resource);
  const rows = targetRows(context, resource, candidates, options, write);
  if (rows.length > 0) checkLinkTargets(context, resource, values);
  const modifiedAt = new Date(store.now()).toISOString();
  const nextRows = rows.map((row) => {
    const next: Row = { ...row, ...changes, id: row.id, modified_at: modifiedAt };
    hooks.beforeUpdate?.(store, next, row, changes);
    for (const field of fields) {
      if (field.required && !field.computed && (next[field.name] === null || next[field.name] === undefined))
        throw emptyError(500);
    }
    const allowed = policy.update ? policy.update(access, next, row) : write !== 'none' && write(next);
    if (!allowed) throw emptyError(401);
    hooks.rules?.(next, store);
    store.checkUnique(resource, next);
    return next;
  });
  const seen = new Map<string, number>();
  for (const unique of uniques) {
    seen.clear();
    for (const next of nextRows) {
      const key = JSON.stringify(unique.map((field) => next[field]));
      if (seen.has(key) && seen.get(key) !== next.id) throw new UniqueViolation(uniqueMessage(unique));
      seen.set(key, next.id);
    }
  }
  for (const [index, next] of nextRows.entries()) {
    store.put(resource, next);
    hooks.afterUpdate?.(store, next, rows[index]!);
  }
}

/** DELETE: removes every addressed row and what cascades from it. */
export function deleteRows(
  context: QueryContext,
  resource: string,
  candidates: Iterable<Row>,
  options: ODataOptions | undefined,
): void {
  const { policy, hooks } = resourceDefinition(resource);
  const scope = policy.remove ? policy.remove(context.access) : context.access.writeScope(resource);
  const rows = targetRows(context, resource, candidates, options, scope);
  if (rows.length > 0) hooks.beforeDelete?.(rows, context.store);
  for (const row of rows) context.store.remove(resource, row.id);
}
