import type { Row } from '../store/row.js';
import { findField, resourceDefinition } from '../store/schema.js';
import type { Store } from '../store/store.js';
import type { Binds } from './query-context.js';
import { resolveBind } from './values.js';

// biome-ignore lint/suspicious/noExplicitAny: the parser's filter tree is untyped.
type Node = any;

function bindOf(binds: Binds, node: Node): unknown {
  return node && typeof node === 'object' && 'bind' in node ? resolveBind(binds, node) : undefined;
}

function lookupEquals(store: Store, resource: string, name: string, value: unknown): Row[] | undefined {
  if (name === 'id') {
    const row = typeof value === 'number' ? store.get(resource, value) : undefined;
    return row ? [row] : [];
  }
  const field = findField(resource, name);
  if (!field || field.computed) return undefined;
  if (field.type === 'link') return typeof value === 'number' ? store.referencing(resource, name, value) : [];
  if (resourceDefinition(resource).unique.some((unique) => unique.length === 1 && unique[0] === name)) {
    const row = store.findUnique(resource, [name], [value]);
    return row ? [row] : [];
  }
  return undefined;
}

/**
 * The rows a `$filter` can only match, found through an index when the filter (or one conjunct of
 * an `and`) is `field eq value` or `id in (...)` on an indexed field; every row otherwise. The
 * filter still runs on the result, so this only saves work.
 */
export function candidateRows(store: Store, resource: string, filter: Node, binds: Binds): Iterable<Row> {
  const narrowed = narrow(store, resource, filter, binds);
  return narrowed ?? store.all(resource);
}

function narrow(store: Store, resource: string, filter: Node, binds: Binds): Row[] | undefined {
  if (!Array.isArray(filter)) return undefined;
  const [operator, left, right] = filter as [string, Node, Node];
  if (operator === 'and') {
    for (const part of filter.slice(1)) {
      const rows = narrow(store, resource, part, binds);
      if (rows) return rows;
    }
    return undefined;
  }
  if (!left || typeof left !== 'object' || Array.isArray(left) || left.property || left.lambda || !left.name)
    return undefined;
  if (operator === 'eq') {
    const value = bindOf(binds, right);
    return value === undefined ? undefined : lookupEquals(store, resource, left.name, value);
  }
  if (operator === 'eqany') {
    const values = bindOf(binds, right);
    if (!Array.isArray(values)) return undefined;
    const rows = new Map<number, Row>();
    for (const value of values) {
      const found = lookupEquals(store, resource, left.name, value);
      if (!found) return undefined;
      for (const row of found) rows.set(row.id, row);
    }
    return [...rows.values()].sort((a, b) => a.id - b.id);
  }
  return undefined;
}
