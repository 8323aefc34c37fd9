import type { Row } from '../store/row.js';
import { findField, resourceDefinition } from '../store/schema.js';
import type { Store } from '../store/store.js';
import type { Binds } from './query-context.js';
import { resolveBind } from './values.js';

// biome-ignore lint/suspicious/noExplicitAny: the parser's filter tree is untyped.
type Node = any;

/** The rows a `$filter` can only match, and how far they already answer it. */
export interface Candidates {
  /** A superset of the matching rows (every row of the resource when no index applies). */
  rows: Iterable<Row>;
  /** How many rows `rows` holds. */
  size: number;
  /**
   * When set, the filter is exactly an index lookup: `rows` are precisely the matches, and `test`
   * tells a row of the resource apart without evaluating the filter.
   */
  exact?: (row: Row) => boolean;
  /** When the filter is exactly `field eq value` on a link: every row of `rows` holds `value` in `field`. */
  key?: { field: string; value: unknown };
}

interface Narrowed {
  /** The rows, copied only when asked for: a count or a page of a cached order needs only their number. */
  rows(): Row[];
  size: number;
  /** Present when the narrowed node is answered by the lookup alone. */
  test?: (row: Row) => boolean;
  /** Present when the narrowed node is `field eq value` on a link. */
  key?: { field: string; value: unknown };
}

function listed(rows: Row[], test?: (row: Row) => boolean): Narrowed {
  return { rows: () => rows, size: rows.length, ...(test ? { test } : {}) };
}

function bindOf(binds: Binds, node: Node): unknown {
  return node && typeof node === 'object' && 'bind' in node ? resolveBind(binds, node) : undefined;
}

/**
 * `field eq value` through an index: the id, a link field or a single-field unique constraint.
 * Values of another type than the field's are left to the filter (it compares across types).
 */
function lookupEquals(store: Store, resource: string, name: string, value: unknown): Narrowed | undefined {
  if (name === 'id') {
    if (typeof value !== 'number') return undefined;
    const row = store.get(resource, value);
    return listed(row ? [row] : [], (candidate) => candidate.id === value);
  }
  const field = findField(resource, name);
  if (!field || field.computed) return undefined;
  if (field.type === 'link') {
    if (typeof value !== 'number') return undefined;
    return {
      rows: () => store.referencing(resource, name, value),
      size: store.countReferencing(resource, name, value),
      test: (candidate) => candidate[name] === value,
      key: { field: name, value },
    };
  }
  if (field.type !== 'text' || typeof value !== 'string') return undefined;
  if (!resourceDefinition(resource).unique.some((unique) => unique.length === 1 && unique[0] === name)) {
    return undefined;
  }
  const row = store.findUnique(resource, [name], [value]);
  return listed(row ? [row] : [], (candidate) => candidate[name] === value);
}

function byId(rows: Iterable<Row>): Row[] {
  const unique = new Map<number, Row>();
  for (const row of rows) unique.set(row.id, row);
  return [...unique.values()].sort((a, b) => a.id - b.id);
}

function narrow(store: Store, resource: string, filter: Node, binds: Binds): Narrowed | undefined {
  if (!Array.isArray(filter)) return undefined;
  const [operator, left, right] = filter as [string, Node, Node];
  if (operator === 'and') {
    // The smallest set any conjunct gives; the whole filter still runs on it.
    let best: Narrowed | undefined;
    for (const part of filter.slice(1)) {
      const found = narrow(store, resource, part, binds);
      if (found && (!best || found.size < best.size)) best = found;
    }
    return best && { rows: best.rows, size: best.size };
  }
  if (operator === 'or') {
    // `(slug eq 'x') or (uuid eq 'x')`, as the SDKs look fleets up: the union, if every branch narrows.
    const branches: Narrowed[] = [];
    for (const part of filter.slice(1)) {
      const found = narrow(store, resource, part, binds);
      if (!found) return undefined;
      branches.push(found);
    }
    const tests = branches.map((branch) => branch.test);
    const exact = tests.every((test) => test !== undefined)
      ? (row: Row) => tests.some((test) => test!(row))
      : undefined;
    return listed(byId(branches.flatMap((branch) => branch.rows())), exact);
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
    const found: Narrowed[] = [];
    for (const value of values) {
      const lookup = lookupEquals(store, resource, left.name, value);
      if (!lookup) return undefined;
      found.push(lookup);
    }
    const tests = found.map((lookup) => lookup.test!);
    return listed(byId(found.flatMap((lookup) => lookup.rows())), (row) => tests.some((test) => test(row)));
  }
  return undefined;
}

/**
 * The rows a `$filter` can only match, found through an index when the filter (or one conjunct of
 * an `and`, or every branch of an `or`) is `field eq value` or `field in (...)` on the id, a link
 * or a unique field; every row otherwise.
 */
export function findCandidates(store: Store, resource: string, filter: Node, binds: Binds): Candidates {
  const narrowed = narrow(store, resource, filter, binds);
  if (!narrowed) return { rows: store.all(resource), size: store.count(resource) };
  let rows: Row[] | undefined;
  return {
    get rows() {
      rows ??= narrowed.rows();
      return rows;
    },
    size: narrowed.size,
    ...(narrowed.test ? { exact: narrowed.test } : {}),
    ...(narrowed.key ? { key: narrowed.key } : {}),
  };
}

/** The rows a `$filter` can only match (see {@link findCandidates}); the filter still has to run on them. */
export function candidateRows(store: Store, resource: string, filter: Node, binds: Binds): Iterable<Row> {
  return findCandidates(store, resource, filter, binds).rows;
}
