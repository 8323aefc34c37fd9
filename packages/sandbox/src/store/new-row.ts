import type { Row } from './row.js';
import { resourceDefinition } from './schema.js';
import type { Store } from './store.js';

type Factory = () => unknown;

/** Per resource: every stored field at its constant default, and the fields whose default is made per row. */
const templates = new Map<string, { values: Row; factories: [string, Factory][] }>();

function templateOf(resource: string): { values: Row; factories: [string, Factory][] } {
  let template = templates.get(resource);
  if (!template) {
    const values: Row = { id: 0 };
    const factories: [string, Factory][] = [];
    for (const field of resourceDefinition(resource).fields) {
      if (field.computed || field.type === 'serial') continue;
      const fallback = field.defaultValue;
      if (typeof fallback === 'function') factories.push([field.name, fallback as Factory]);
      values[field.name] = typeof fallback === 'function' ? null : (fallback ?? null);
    }
    values.created_at = null;
    values.modified_at = null;
    // Built key by key, an object of this many fields falls into V8's slow dictionary mode; its
    // copies get fast properties, which every later read (filters, sorting, serialization) uses.
    template = { values: { ...values }, factories };
    templates.set(resource, template);
  }
  return template;
}

/**
 * A complete new row of `resource`: a fresh id, timestamps, every stored field at its default,
 * then `values`. Not stored yet (the caller validates and then calls `store.put`).
 */
export function newRow(store: Store, resource: string, values: Record<string, unknown>): Row {
  const now = new Date(store.now()).toISOString();
  const template = templateOf(resource);
  const row: Row = { ...template.values };
  for (const [name, factory] of template.factories) row[name] = factory();
  Object.assign(row, values);
  row.id = typeof values.id === 'number' ? values.id : store.allocateId(resource);
  row.created_at = now;
  row.modified_at = now;
  return row;
}

/** Stores a new row and returns it (internal writes: seeding, registration). */
export function insertRow(store: Store, resource: string, values: Record<string, unknown>): Row {
  const row = newRow(store, resource, values);
  store.put(resource, row);
  return row;
}

/** Applies `changes` to a stored row (internal writes). */
export function updateRow(
  store: Store,
  resource: string,
  id: number,
  changes: Record<string, unknown>,
): Row | undefined {
  const current = store.get(resource, id);
  if (!current) return undefined;
  const next: Row = { ...current, ...changes, id, modified_at: new Date(store.now()).toISOString() };
  store.put(resource, next);
  return next;
}

/** A resource that owns an actor (fleet, device, user) gets a new one; call once every check has passed. */
export function attachActor(store: Store, resource: string, row: Row): void {
  const field = resourceDefinition(resource).fields.find((candidate) => candidate.name === 'actor');
  if (field?.type === 'link' && field.target === 'actor') row.actor = insertRow(store, 'actor', {}).id;
}
