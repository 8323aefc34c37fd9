import type { ODataOptions } from '@balena/odata-parser';
import { messageError } from '../http/http-error.js';
import type { Row } from '../store/row.js';
import { findField } from '../store/schema.js';
import { compileFilter } from './filter.js';
import { navigationOf } from './navigate.js';
import type { QueryContext } from './query-context.js';
import { MAX_EXPAND_DEPTH, UnknownMember } from './query-context.js';
import { sortRows } from './sort.js';
import { resolveBind } from './values.js';

// biome-ignore lint/suspicious/noExplicitAny: the parser's option trees are loosely typed.
type Node = any;

/** The number behind `$top` or `$skip` (a literal or a bind), if given. */
export function numberOption(context: QueryContext, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const resolved =
    typeof value === 'object' && value !== null && 'bind' in value ? resolveBind(context.binds, value as Node) : value;
  return typeof resolved === 'number' ? resolved : Number(resolved);
}

/** `$skip`/`$top` on an ordered list. */
export function pageOf(context: QueryContext, rows: Row[], options: ODataOptions): Row[] {
  const skip = numberOption(context, options.$skip);
  const top = numberOption(context, options.$top);
  if (skip === undefined && top === undefined) return rows;
  const start = skip ?? 0;
  return rows.slice(start, top === undefined ? undefined : start + top);
}

/**
 * A compiled `$filter`, `$orderby`, `$skip` and `$top` for lists of rows (navigations, writes):
 * compiled once, applied to as many lists as needed.
 */
export function rowSelector(
  context: QueryContext,
  resource: string,
  options: ODataOptions = {},
): (rows: Iterable<Row>) => Row[] {
  const predicate = options.$filter === undefined ? undefined : compileFilter(context, resource, options.$filter);
  return (rows) => {
    let result: Row[];
    if (predicate) {
      result = [];
      for (const row of rows) if (predicate(row)) result.push(row);
    } else {
      result = Array.from(rows);
    }
    if (options.$orderby) result = sortRows(context, resource, result, options.$orderby);
    return pageOf(context, result, options);
  };
}

/** Applies `$filter`, `$orderby`, `$skip` and `$top` to candidate rows. */
export function selectRows(
  context: QueryContext,
  resource: string,
  rows: Iterable<Row>,
  options: ODataOptions = {},
): Row[] {
  return rowSelector(context, resource, options)(rows);
}

/**
 * Checks the names in `$select`, `$expand`, `$filter` and `$orderby`, and how deep `$expand`s
 * nest, before anything runs.
 */
export function validateOptions(context: QueryContext, resource: string, options: ODataOptions = {}, depth = 0): void {
  if (depth > MAX_EXPAND_DEPTH) {
    throw messageError(400, `Query too deep: $expand may nest at most ${MAX_EXPAND_DEPTH} levels`);
  }
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
    validateOptions(context, navigation.target, expand.options, depth + 1);
  }
}
