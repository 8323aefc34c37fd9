import { InvalidParameter } from '../errors/parameter-errors.js';
import { checkIdentifier, escapeString, formatLiteral } from './escape.js';
import type { Filter, FilterLambda } from './types.js';

// An empty conjunction is true and an empty disjunction false; balena's parser accepts these forms.
const ALWAYS_TRUE = '1 eq 1';
const ALWAYS_FALSE = '0 eq 1';

const COMPARISONS: Readonly<Record<string, string>> = {
  $eq: 'eq',
  $ne: 'ne',
  $gt: 'gt',
  $ge: 'ge',
  $lt: 'lt',
  $le: 'le',
};
const STRING_FUNCTIONS: Readonly<Record<string, string>> = {
  $startswith: 'startswith',
  $endswith: 'endswith',
  $contains: 'contains',
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function join(clauses: readonly string[], operator: 'and' | 'or'): string {
  if (clauses.length === 0) return operator === 'and' ? ALWAYS_TRUE : ALWAYS_FALSE;
  if (clauses.length === 1) return clauses[0]!;
  return clauses.map((clause) => `(${clause})`).join(` ${operator} `);
}

function requireField(path: readonly string[], operator: string): string {
  if (path.length === 0) throw new InvalidParameter('$filter', operator, 'this operator needs a field before it');
  return path.join('/');
}

function compileList(value: unknown, path: readonly string[], operator: 'and' | 'or'): string {
  if (Array.isArray(value))
    return join(
      value.map((item) => compileObject(item, path)),
      operator,
    );
  if (isPlainObject(value)) return join(compileEntries(value, path), operator);
  throw new InvalidParameter('$filter', value, `$${operator} takes an array or an object of filters`);
}

function compileLambda(kind: 'any' | 'all', value: unknown, path: readonly string[]): string {
  const field = requireField(path, `$${kind}`);
  if (!isPlainObject(value) || !('$alias' in value) || !('$expr' in value)) {
    throw new InvalidParameter('$filter', value, `$${kind} takes { $alias, $expr }`);
  }
  const { $alias, $expr } = value as unknown as FilterLambda;
  const alias = checkIdentifier($alias, '$alias');
  return `${field}/${kind}(${alias}:${compileObject($expr, [])})`;
}

function compileOperator(operator: string, value: unknown, path: readonly string[]): string {
  const comparison = COMPARISONS[operator];
  if (comparison) return `${requireField(path, operator)} ${comparison} ${formatLiteral(value)}`;
  const stringFunction = STRING_FUNCTIONS[operator];
  if (stringFunction) {
    if (typeof value !== 'string') throw new InvalidParameter('$filter', value, `${operator} takes a string`);
    return `${stringFunction}(${requireField(path, operator)},${escapeString(value)})`;
  }
  switch (operator) {
    case '$in': {
      const field = requireField(path, operator);
      if (!Array.isArray(value)) throw new InvalidParameter('$filter', value, '$in takes an array');
      if (value.length === 0) return ALWAYS_FALSE;
      return `${field} in (${value.map((item) => formatLiteral(item)).join(',')})`;
    }
    case '$and':
      return compileList(value, path, 'and');
    case '$or':
      return compileList(value, path, 'or');
    case '$not':
      return `not(${compileObject(value, path)})`;
    case '$any':
      return compileLambda('any', value, path);
    case '$all':
      return compileLambda('all', value, path);
    case '$count': {
      const countPath = [requireField(path, operator), '$count'];
      return isPlainObject(value)
        ? compileObject(value, countPath)
        : `${countPath.join('/')} eq ${formatLiteral(value)}`;
    }
    default:
      throw new InvalidParameter('$filter', operator, 'unknown filter operator');
  }
}

function compileEntries(filter: Record<string, unknown>, path: readonly string[]): string[] {
  const clauses: string[] = [];
  for (const [key, value] of Object.entries(filter)) {
    // An undefined value would silently widen the filter (and a PATCH or DELETE with it).
    if (value === undefined) throw new InvalidParameter('$filter', key, 'the value is undefined');
    if (key.startsWith('$')) {
      clauses.push(compileOperator(key, value, path));
      continue;
    }
    const fieldPath = [...path, checkIdentifier(key, '$filter')];
    if (isPlainObject(value)) clauses.push(compileObject(value, fieldPath));
    else if (Array.isArray(value)) throw new InvalidParameter('$filter', key, 'use { $in: [...] } for a list');
    else clauses.push(`${fieldPath.join('/')} eq ${formatLiteral(value)}`);
  }
  return clauses;
}

function compileObject(filter: unknown, path: readonly string[]): string {
  if (!isPlainObject(filter)) throw new InvalidParameter('$filter', filter, 'a filter is an object');
  return join(compileEntries(filter, path), 'and');
}

/**
 * Turns a filter object into the text of a `$filter` option. Every string is escaped and every
 * field name checked, so no value can change the shape of the query.
 *
 * @param filter - the filter object (see {@link Filter})
 * @returns the `$filter` expression, e.g. `(device_name eq 'x') and (id in (1,2))`
 * @throws {@link InvalidParameter} for an unknown operator, a bad field name or an unsupported value
 * @example
 * ```ts
 * buildFilter({ belongs_to__application: 5, device_name: { $startswith: 'rpi' } });
 * // "(belongs_to__application eq 5) and (startswith(device_name,'rpi'))"
 * ```
 */
export function buildFilter(filter: Filter): string {
  return compileObject(filter, []);
}
