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

function sortRows(context: QueryContext, resource: string, rows: Row[], orderby: Node): Row[] {
  const keys = (orderby.properties as Node[]).map((property) => ({
    value: compileExpression(
      context,
      { name: property.name, property: property.property },
      { resource, variables: new Map() },
    ),
    descending: property.order === 'desc',
  }));
  const empty = new Map();
  const decorated = rows.map((row) => ({ row, values: keys.map((key) => key.value(row, empty)) }));
  decorated.sort((a, b) => {
    for (let index = 0; index < keys.length; index++) {
      const left = a.values[index];
      const right = b.values[index];
      const descending = keys[index]!.descending;
      const leftNull = left === null || left === undefined;
      const rightNull = right === null || right === undefined;
      // PostgreSQL: NULLs sort as larger than any value.
      if (leftNull || rightNull) {
        if (leftNull && rightNull) continue;
        return (leftNull ? 1 : -1) * (descending ? -1 : 1);
      }
      const order = compareValues(left, right);
      if (order !== 0) return descending ? -order : order;
    }
    return 0;
  });
  return decorated.map((item) => item.row);
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
