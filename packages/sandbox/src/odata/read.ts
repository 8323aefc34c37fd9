import type { ODataOptions } from '@balena/odata-parser';
import type { Row } from '../store/row.js';
import { findField, resourceDefinition } from '../store/schema.js';
import { compileExpression, compileFilter } from './filter.js';
import { fieldValue, navigationOf, relatedRows } from './navigate.js';
import type { QueryContext } from './query-context.js';
import { UnknownMember } from './query-context.js';
import { compareValues, resolveBind } from './values.js';

// biome-ignore lint/suspicious/noExplicitAny: the parser's option trees are loosely typed.
type Node = any;

function numberOption(context: QueryContext, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const resolved =
    typeof value === 'object' && value !== null && 'bind' in value ? resolveBind(context.binds, value as Node) : value;
  return typeof resolved === 'number' ? resolved : Number(resolved);
}

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
// Below this many rows a plain sort is cheaper than walking a cached order of the whole table.
const SORT_CACHE_MIN_ROWS = 500;

/** Orders on stored fields of the resource itself are cached per table version (large lists). */
function cachedOrder(context: QueryContext, resource: string, orderby: Node): Row[] | undefined {
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

function isStoredField(resource: string, name: string): boolean {
  const field = findField(resource, name);
  return field !== undefined && !field.computed;
}

function sortRows(context: QueryContext, resource: string, rows: Row[], orderby: Node): Row[] {
  if (rows.length >= SORT_CACHE_MIN_ROWS) {
    const order = cachedOrder(context, resource, orderby);
    if (order) {
      const wanted = new Set(rows);
      return order.filter((row) => wanted.has(row));
    }
  }
  return sortAll(context, resource, rows, orderby);
}

function sortAll(context: QueryContext, resource: string, rows: Row[], orderby: Node): Row[] {
  const keys = (orderby.properties as Node[]).map((property) => ({
    value: compileExpression(
      context,
      { name: property.name, property: property.property },
      { resource, variables: new Map() },
    ),
    descending: property.order === 'desc',
  }));
  const empty = new Map();
  // One column of precomputed values per key, then a sort of row positions (stable: database order on ties).
  const columns = keys.map((key) => rows.map((row) => key.value(row, empty)));
  const positions = rows.map((_row, index) => index);
  positions.sort((a, b) => {
    for (let index = 0; index < columns.length; index++) {
      const column = columns[index]!;
      const order = compareKeys(column[a], column[b], keys[index]!.descending);
      if (order !== 0) return order;
    }
    return a - b;
  });
  return positions.map((position) => rows[position]!);
}

/** Applies `$filter`, `$orderby`, `$skip` and `$top` to candidate rows. */
export function selectRows(
  context: QueryContext,
  resource: string,
  rows: Iterable<Row>,
  options: ODataOptions = {},
): Row[] {
  let result: Row[];
  if (options.$filter !== undefined) {
    const predicate = compileFilter(context, resource, options.$filter);
    result = [];
    for (const row of rows) if (predicate(row)) result.push(row);
  } else {
    result = Array.from(rows);
  }
  if (options.$orderby) result = sortRows(context, resource, result, options.$orderby);
  const skip = numberOption(context, options.$skip);
  const top = numberOption(context, options.$top);
  if (skip !== undefined || top !== undefined) {
    const start = skip ?? 0;
    result = result.slice(start, top === undefined ? undefined : start + top);
  }
  return result;
}

/** Checks the names in `$select`, `$expand`, `$filter` and `$orderby` before anything runs. */
export function validateOptions(context: QueryContext, resource: string, options: ODataOptions = {}): void {
  const select = options.$select;
  if (select && select !== '*') {
    for (const property of select.properties) {
      const field = findField(resource, property.name);
      if (!field) throw new UnknownMember(`${resource}.${property.name}`);
    }
  }
  if (options.$filter !== undefined) compileFilter(context, resource, options.$filter);
  if (options.$orderby) sortRows(context, resource, [], options.$orderby);
  for (const expand of (options.$expand?.properties ?? []) as Node[]) {
    const navigation = navigationOf(resource, expand.name);
    validateOptions(context, navigation.target, expand.options);
  }
}

/** One row as balena answers it: expanded navigations first, then the selected fields. */
export function serializeRow(
  context: QueryContext,
  resource: string,
  row: Row,
  options: ODataOptions = {},
): Record<string, unknown> {
  const output: Record<string, unknown> = {};
  const expanded = new Set<string>();
  for (const expand of (options.$expand?.properties ?? []) as Node[]) {
    const navigation = navigationOf(resource, expand.name);
    const related = relatedRows(context, resource, row, navigation);
    const nested = expand.options as ODataOptions | undefined;
    expanded.add(expand.name);
    if (expand.count) {
      output[expand.name] = selectRows(context, navigation.target, related, { $filter: nested?.$filter }).length;
      continue;
    }
    const selected = selectRows(context, navigation.target, related, nested);
    output[expand.name] = selected.map((child) => serializeRow(context, navigation.target, child, nested));
  }
  const select = options.$select;
  const names =
    select && select !== '*'
      ? select.properties.map((property) => property.name)
      : resourceDefinition(resource)
          .fields.filter((field) => !field.hidden)
          .map((field) => field.name);
  for (const name of names) {
    if (expanded.has(name)) continue;
    const field = findField(resource, name);
    if (!field) throw new UnknownMember(`${resource}.${name}`);
    const value = fieldValue(context, resource, row, name);
    output[name] = field.type === 'link' && value !== null && value !== undefined ? { __id: value } : value;
  }
  return output;
}
