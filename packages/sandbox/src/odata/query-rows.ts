import type { ODataOptions } from '@balena/odata-parser';
import type { RowScope } from '../store/resource-policy.js';
import type { Row } from '../store/row.js';
import type { Candidates } from './candidates.js';
import { compileFilter } from './filter.js';
import type { QueryContext } from './query-context.js';
import { numberOption } from './read.js';
import { cachedOrder, SORT_CACHE_MIN_ROWS, sortAll } from './sort.js';

// biome-ignore lint/suspicious/noExplicitAny: the parser's filter tree is untyped.
type Node = any;

const EVERY_ROW = () => true;
const NO_ROW = () => false;

/**
 * Whether the caller may see every candidate or none, when the candidates all hold one value in
 * the field that alone decides the scope (a fleet's devices, and a scope by fleet); undefined
 * when each row needs its own test.
 */
function scopeOfAll(candidates: Candidates, scope: RowScope): boolean | undefined {
  const { key } = candidates;
  const decidedBy = scope.decidedBy;
  return key && decidedBy && key.field === decidedBy.field ? decidedBy.allows(key.value) : undefined;
}

/**
 * One test per row for what the caller may see and the `$filter` asks for. When the candidates
 * came from an index that answers the filter exactly, they need no filter at all, and rows from
 * elsewhere (the cached table order) only the index's own test.
 */
function matcher(
  context: QueryContext,
  resource: string,
  candidates: Candidates,
  scope: RowScope,
  filter: Node,
  rowsFromCandidates: boolean,
): (row: Row) => boolean {
  if (filter === undefined) return scope;
  const exact = candidates.exact;
  if (exact) {
    const all = scopeOfAll(candidates, scope);
    if (all === false) return NO_ROW;
    if (rowsFromCandidates) return all ? EVERY_ROW : scope;
    return all ? exact : (row) => exact(row) && scope(row);
  }
  const predicate = compileFilter(context, resource, filter);
  return (row) => scope(row) && predicate(row);
}

/** The matching rows of `rows` in their order, after skipping `skip` and up to `top` of them. */
function collect(rows: Iterable<Row>, match: (row: Row) => boolean, skip: number, top: number): Row[] {
  const page: Row[] = [];
  if (top <= 0) return page;
  let skipped = 0;
  for (const row of rows) {
    if (!match(row)) continue;
    if (skipped < skip) {
      skipped++;
      continue;
    }
    page.push(row);
    if (page.length >= top) break;
  }
  return page;
}

/**
 * A top-level read: the rows of one page, in order. Paging happens before anything is serialized
 * or expanded, and a large ordered list walks the cached table order only as far as the page needs
 * instead of filtering and sorting every candidate.
 */
export function queryRows(
  context: QueryContext,
  resource: string,
  candidates: Candidates,
  scope: RowScope,
  options: ODataOptions,
): Row[] {
  const skipOption = numberOption(context, options.$skip) ?? 0;
  const topOption = numberOption(context, options.$top);
  const skip = Number.isFinite(skipOption) && skipOption > 0 ? skipOption : 0;
  const top = topOption === undefined ? Number.POSITIVE_INFINITY : Number.isNaN(topOption) ? 0 : topOption;
  const orderby = options.$orderby as Node;
  const order = orderby && candidates.size >= SORT_CACHE_MIN_ROWS ? cachedOrder(context, resource, orderby) : undefined;
  const match = matcher(context, resource, candidates, scope, options.$filter, order === undefined);
  if (order) {
    // Every row of the table is a candidate and needs no other test (one fleet's devices): the page is a slice.
    if (match === candidates.exact && candidates.size === order.length) {
      // As `collect` counts: a fractional $skip or $top rounds up.
      const start = Math.ceil(skip);
      return top <= 0 ? [] : order.slice(start, start + Math.ceil(top));
    }
    return collect(order, match, skip, top);
  }
  if (!orderby) return collect(candidates.rows, match, skip, top);
  const matched: Row[] = [];
  for (const row of candidates.rows) if (match(row)) matched.push(row);
  return collect(sortAll(context, resource, matched, orderby), () => true, skip, top);
}

/** `/$count`: how many rows match, without building a list (`$top`/`$skip` do not apply, as on balena). */
export function countRows(
  context: QueryContext,
  resource: string,
  candidates: Candidates,
  scope: RowScope,
  filter: Node,
): number {
  const match = matcher(context, resource, candidates, scope, filter, true);
  if (match === EVERY_ROW) return candidates.size;
  if (match === NO_ROW) return 0;
  let count = 0;
  for (const row of candidates.rows) if (match(row)) count++;
  return count;
}
