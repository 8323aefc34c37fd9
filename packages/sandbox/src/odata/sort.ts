import type { Row } from '../store/row.js';
import { findField } from '../store/schema.js';
import { compileExpression } from './filter.js';
import type { QueryContext } from './query-context.js';
import { compareValues } from './values.js';

// biome-ignore lint/suspicious/noExplicitAny: the parser's option trees are loosely typed.
type Node = any;

/** Below this many rows a plain sort is cheaper than walking a cached order of the whole table. */
export const SORT_CACHE_MIN_ROWS = 500;

function compareKeys(left: unknown, right: unknown, descending: boolean): number {
  const leftNull = left === null || left === undefined;
  const rightNull = right === null || right === undefined;
  // PostgreSQL: NULLs sort as larger than any value.
  if (leftNull || rightNull) {
    if (leftNull && rightNull) return 0;
    return (leftNull ? 1 : -1) * (descending ? -1 : 1);
  }
  let order: number;
  if (typeof left === 'string' && typeof right === 'string') order = left < right ? -1 : left > right ? 1 : 0;
  else if (typeof left === 'number' && typeof right === 'number') order = left - right;
  else order = compareValues(left, right);
  return descending ? -order : order;
}

interface SortCache {
  version: number;
  order: Row[];
}
const sortCaches = new WeakMap<object, Map<string, SortCache>>();

function isStoredField(resource: string, name: string): boolean {
  const field = findField(resource, name);
  return field !== undefined && !field.computed;
}

/**
 * The whole table in `$orderby` order, when the order is on stored fields of the resource itself;
 * cached per table version, so large lists are sorted once until a row changes.
 */
export function cachedOrder(context: QueryContext, resource: string, orderby: Node): Row[] | undefined {
  const properties = orderby.properties as Node[];
  if (!properties.every((property) => !property.property && isStoredField(resource, property.name))) return undefined;
  const cacheKey = `${resource}:${properties.map((property) => `${property.name} ${property.order}`).join()}`;
  let caches = sortCaches.get(context.store);
  if (!caches) {
    caches = new Map();
    sortCaches.set(context.store, caches);
  }
  const version = context.store.version(resource);
  const cached = caches.get(cacheKey);
  if (cached?.version === version) return cached.order;
  const order = sortAll(context, resource, Array.from(context.store.all(resource)), orderby);
  caches.set(cacheKey, { version, order });
  return order;
}

/** Sorts rows by `$orderby` (through the cached order for large lists). */
export function sortRows(context: QueryContext, resource: string, rows: Row[], orderby: Node): Row[] {
  if (rows.length >= SORT_CACHE_MIN_ROWS) {
    const order = cachedOrder(context, resource, orderby);
    if (order) {
      const wanted = new Set(rows);
      return order.filter((row) => wanted.has(row));
    }
  }
  return sortAll(context, resource, rows, orderby);
}

/** Sorts rows by `$orderby`: C collation, NULLs last, stable (database order on ties). */
export function sortAll(context: QueryContext, resource: string, rows: Row[], orderby: Node): Row[] {
  const keys = (orderby.properties as Node[]).map((property) => ({
    value: compileExpression(
      context,
      { name: property.name, property: property.property },
      { resource, variables: new Map() },
    ),
    descending: property.order === 'desc',
  }));
  const empty = new Map();
  // One column of precomputed values per key, then a sort of row positions.
  const columns = keys.map((key) => rows.map((row) => key.value(row, empty)));
  // A column of strings only (names, uuids) compares them directly, as compareKeys would.
  const comparisons = columns.map((column, index): ((a: number, b: number) => number) => {
    const descending = keys[index]!.descending;
    if (!column.every((value) => typeof value === 'string')) {
      return (a, b) => compareKeys(column[a], column[b], descending);
    }
    const text = column as string[];
    const direction = descending ? -1 : 1;
    return (a, b) => (text[a]! < text[b]! ? -direction : text[a]! > text[b]! ? direction : 0);
  });
  const positions = rows.map((_row, index) => index);
  positions.sort((a, b) => {
    for (const compare of comparisons) {
      const order = compare(a, b);
      if (order !== 0) return order;
    }
    return a - b;
  });
  return positions.map((position) => rows[position]!);
}
