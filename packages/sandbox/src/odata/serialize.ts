import type { ODataOptions } from '@balena/odata-parser';
import type { Row } from '../store/row.js';
import { findField, resourceDefinition } from '../store/schema.js';
import type { ComputeField } from '../store/schema-types.js';
import { compileFilter } from './filter.js';
import { linkedRows, navigationOf, relatedRows, visibleRelatedCount } from './navigate.js';
import type { QueryContext } from './query-context.js';
import { spendExpandBudget, UnknownMember } from './query-context.js';
import { rowSelector } from './read.js';

// biome-ignore lint/suspicious/noExplicitAny: the parser's option trees are loosely typed.
type Node = any;

/** Turns one row into its answer object. */
export type RowSerializer = (row: Row) => Record<string, unknown>;

interface OutputField {
  name: string;
  computed: ComputeField | undefined;
  link: boolean;
}

/** `nav/$count`: the visible related rows that pass the nested `$filter`, counted without copies. */
function relatedCounter(
  context: QueryContext,
  resource: string,
  name: string,
  options: ODataOptions | undefined,
): (row: Row) => number {
  const navigation = navigationOf(resource, name);
  const predicate =
    options?.$filter === undefined ? undefined : compileFilter(context, navigation.target, options.$filter);
  return (row) => {
    const scope = context.access.readScope(navigation.target, true);
    if (scope === 'none') return 0;
    const visible = predicate ? undefined : visibleRelatedCount(context, row, navigation, scope);
    if (visible !== undefined) return visible;
    let count = 0;
    for (const related of linkedRows(context, row, navigation)) {
      if (scope(related) && (!predicate || predicate(related))) count++;
    }
    return count;
  };
}

/**
 * Compiles `$select` and `$expand` once for a whole page: rows then become answer objects as balena
 * shapes them (expanded navigations first, then the selected fields in order, links as `{__id}`);
 * computed fields are computed only for the fields and rows serialized.
 */
export function rowSerializer(context: QueryContext, resource: string, options: ODataOptions = {}): RowSerializer {
  const expands = ((options.$expand?.properties ?? []) as Node[]).map((expand) => {
    const name = expand.name as string;
    const nested = expand.options as ODataOptions | undefined;
    if (expand.count) return { name, value: relatedCounter(context, resource, name, nested) };
    const navigation = navigationOf(resource, name);
    const select = rowSelector(context, navigation.target, nested);
    const child = rowSerializer(context, navigation.target, nested);
    return {
      name,
      value: (row: Row) => {
        const related = select(relatedRows(context, resource, row, navigation));
        spendExpandBudget(context, related.length);
        return related.map(child);
      },
    };
  });
  const expanded = new Set(expands.map((expand) => expand.name));
  const select = options.$select;
  const names =
    select && select !== '*'
      ? select.properties.map((property) => property.name)
      : resourceDefinition(resource)
          .fields.filter((field) => !field.hidden)
          .map((field) => field.name);
  const fields: OutputField[] = names
    .filter((name) => !expanded.has(name))
    .map((name) => {
      const field = findField(resource, name);
      if (!field) throw new UnknownMember(`${resource}.${name}`);
      return { name, computed: field.computed, link: field.type === 'link' };
    });
  return compileObject(expands, fields, context.store);
}

const toLink = (value: unknown) => (value === null || value === undefined ? value : { __id: value });

type SerializerFactory = (getters: ((row: Row) => unknown)[], link: typeof toLink) => RowSerializer;
/**
 * The generated functions by source: a page of the same shape reuses one, so V8 compiles and
 * optimizes it once rather than once per request. `$select` lists vary, so the oldest are dropped.
 */
const FACTORIES_KEPT = 500;
const factories = new Map<string, SerializerFactory>();

/**
 * Builds the answer object as one generated object literal: every object of a page then has one
 * hidden class from the start, which V8 serializes markedly faster than objects built key by key
 * (those fall into dictionary mode after a dozen keys). The names are schema field and navigation
 * names, never request text.
 */
function compileObject(
  expands: { name: string; value: (row: Row) => unknown }[],
  fields: OutputField[],
  store: QueryContext['store'],
): RowSerializer {
  const getters: ((row: Row) => unknown)[] = [];
  const parts: string[] = [];
  for (const expand of expands) {
    parts.push(`${JSON.stringify(expand.name)}: getters[${getters.length}](row)`);
    getters.push(expand.value);
  }
  for (const field of fields) {
    const key = JSON.stringify(field.name);
    let value: string;
    if (field.computed) {
      const computed = field.computed;
      value = `getters[${getters.length}](row)`;
      getters.push((row) => computed(row, store));
    } else {
      value = `(row[${key}] ?? null)`;
    }
    parts.push(`${key}: ${field.link ? `toLink(${value})` : value}`);
  }
  const source = `return (row) => ({ ${parts.join(', ')} });`;
  let build = factories.get(source);
  if (!build) {
    build = new Function('getters', 'toLink', source) as SerializerFactory;
    if (factories.size >= FACTORIES_KEPT) factories.delete(factories.keys().next().value as string);
    factories.set(source, build);
  }
  return build(getters, toLink);
}

/** One row as balena answers it (see {@link rowSerializer}). */
export function serializeRow(
  context: QueryContext,
  resource: string,
  row: Row,
  options: ODataOptions = {},
): Record<string, unknown> {
  return rowSerializer(context, resource, options)(row);
}
