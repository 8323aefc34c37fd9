import type { Row } from '../store/row.js';
import { findField } from '../store/schema.js';
import { navigationOf, relatedRows } from './navigate.js';
import type { QueryContext } from './query-context.js';
import { UnknownMember } from './query-context.js';
import { compareValues, resolveBind, valuesEqual } from './values.js';

/** Lambda variables in scope: identifier -> row. */
export type Environment = ReadonlyMap<string, Row>;

/** A compiled expression, evaluated against the row of the query's resource. */
export type Evaluator = (row: Row, environment: Environment) => unknown;

type SegmentEvaluator = (current: Row, root: Row, environment: Environment) => unknown;

interface Scope {
  resource: string;
  variables: ReadonlyMap<string, string>;
}

// biome-ignore lint/suspicious/noExplicitAny: the parser's filter tree is untyped.
type Node = any;

const isNull = (value: unknown) => value === null || value === undefined;

function compileSegment(context: QueryContext, segment: Node, resource: string, scope: Scope): SegmentEvaluator {
  if (segment.lambda) {
    const navigation = navigationOf(resource, segment.name);
    const variables = new Map(scope.variables).set(segment.lambda.identifier, navigation.target);
    const inner = compileExpression(context, segment.lambda.expression, { resource: scope.resource, variables });
    const identifier = segment.lambda.identifier as string;
    const every = segment.lambda.method === 'all';
    return (current, root, environment) => {
      const rows = relatedRows(context, resource, current, navigation);
      const test = (related: Row) => inner(root, new Map(environment).set(identifier, related)) === true;
      return every ? rows.every(test) : rows.some(test);
    };
  }
  if (segment.property) {
    const navigation = navigationOf(resource, segment.name);
    const next = compileSegment(context, segment.property, navigation.target, scope);
    return (current, root, environment) => {
      const [related] = relatedRows(context, resource, current, navigation);
      return related ? next(related, root, environment) : null;
    };
  }
  const field = findField(resource, segment.name);
  if (!field) throw new UnknownMember(`${resource}.${segment.name}`);
  const name = segment.name as string;
  // The field is looked up once here rather than for every row (a sort reads 10,000 rows).
  const computed = field.computed;
  if (computed) return (current) => computed(current, context.store);
  return (current) => current[name] ?? null;
}

function compilePath(context: QueryContext, node: Node, scope: Scope): Evaluator {
  const variableResource = scope.variables.get(node.name);
  if (variableResource !== undefined) {
    if (!node.property) return (_row, environment) => environment.get(node.name)?.id ?? null;
    const rest = compileSegment(context, node.property, variableResource, scope);
    return (row, environment) => {
      const current = environment.get(node.name);
      return current ? rest(current, row, environment) : null;
    };
  }
  const segment = compileSegment(context, node, scope.resource, scope);
  return (row, environment) => segment(row, row, environment);
}

const COMPARISONS: Record<string, (a: unknown, b: unknown) => boolean> = {
  eq: valuesEqual,
  ne: (a, b) => !valuesEqual(a, b),
  gt: (a, b) => !isNull(a) && !isNull(b) && compareValues(a, b) > 0,
  ge: (a, b) => !isNull(a) && !isNull(b) && compareValues(a, b) >= 0,
  lt: (a, b) => !isNull(a) && !isNull(b) && compareValues(a, b) < 0,
  le: (a, b) => !isNull(a) && !isNull(b) && compareValues(a, b) <= 0,
};

const text = (value: unknown) => (isNull(value) ? null : String(value));

const METHODS: Record<string, (...args: unknown[]) => unknown> = {
  startswith: (a, b) => !isNull(a) && !isNull(b) && String(a).startsWith(String(b)),
  endswith: (a, b) => !isNull(a) && !isNull(b) && String(a).endsWith(String(b)),
  substringof: (needle, haystack) => !isNull(needle) && !isNull(haystack) && String(haystack).includes(String(needle)),
  contains: (haystack, needle) => !isNull(needle) && !isNull(haystack) && String(haystack).includes(String(needle)),
  tolower: (a) => text(a)?.toLowerCase() ?? null,
  toupper: (a) => text(a)?.toUpperCase() ?? null,
  trim: (a) => text(a)?.trim() ?? null,
  length: (a) => text(a)?.length ?? null,
  indexof: (a, b) => (isNull(a) || isNull(b) ? null : String(a).indexOf(String(b))),
  substring: (a, start, length) =>
    isNull(a) ? null : String(a).substr(Number(start), length === undefined ? undefined : Number(length)),
  concat: (a, b) => (isNull(a) || isNull(b) ? null : String(a) + String(b)),
  year: (a) => (isNull(a) ? null : new Date(String(a)).getUTCFullYear()),
  month: (a) => (isNull(a) ? null : new Date(String(a)).getUTCMonth() + 1),
  day: (a) => (isNull(a) ? null : new Date(String(a)).getUTCDate()),
  now: () => new Date().toISOString(),
};

const ARITHMETIC: Record<string, (a: number, b: number) => number> = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  mod: (a, b) => a % b,
};

/** Compiles a parsed `$filter` (or part of one) into an evaluator; unknown names throw UnknownMember. */
export function compileExpression(context: QueryContext, node: Node, scope: Scope): Evaluator {
  if (node === null || node === undefined) return () => null;
  if (typeof node !== 'object') return () => node;
  if (!Array.isArray(node)) {
    if ('bind' in node) {
      const value = resolveBind(context.binds, node);
      return () => value;
    }
    if ('name' in node) return compilePath(context, node, scope);
    throw new UnknownMember('unsupported filter node');
  }
  const [operator, ...operands] = node as [string, ...Node[]];
  if (operator === 'and' || operator === 'or') {
    const parts = operands.map((operand) => compileExpression(context, operand, scope));
    return operator === 'and'
      ? (row, environment) => parts.every((part) => part(row, environment) === true)
      : (row, environment) => parts.some((part) => part(row, environment) === true);
  }
  if (operator === 'not') {
    const inner = compileExpression(context, operands[0], scope);
    return (row, environment) => inner(row, environment) !== true;
  }
  if (operator === 'eqany') {
    const left = compileExpression(context, operands[0], scope);
    const list = compileExpression(context, operands[1], scope);
    return (row, environment) => {
      const value = left(row, environment);
      const values = list(row, environment);
      return Array.isArray(values) && values.some((candidate) => valuesEqual(value, candidate));
    };
  }
  const comparison = COMPARISONS[operator];
  if (comparison) {
    const left = compileExpression(context, operands[0], scope);
    const right = compileExpression(context, operands[1], scope);
    return (row, environment) => comparison(left(row, environment), right(row, environment));
  }
  const arithmetic = ARITHMETIC[operator];
  if (arithmetic) {
    const left = compileExpression(context, operands[0], scope);
    const right = compileExpression(context, operands[1], scope);
    return (row, environment) => {
      const a = left(row, environment);
      const b = right(row, environment);
      return isNull(a) || isNull(b) ? null : arithmetic(Number(a), Number(b));
    };
  }
  if (operator === 'call') {
    const { method, args } = operands[0] as { method: string; args: Node[] };
    const implementation = METHODS[method];
    if (!implementation) throw new UnknownMember(`method ${method}`);
    const compiled = args.map((argument) => compileExpression(context, argument, scope));
    return (row, environment) => implementation(...compiled.map((argument) => argument(row, environment)));
  }
  throw new UnknownMember(`operator ${operator}`);
}

/** Compiles a `$filter` of `resource` into a row predicate. */
export function compileFilter(context: QueryContext, resource: string, filter: Node): (row: Row) => boolean {
  const evaluator = compileExpression(context, filter, { resource, variables: new Map() });
  const empty: Environment = new Map();
  return (row) => evaluator(row, empty) === true;
}

/** Whether a filter tree mentions a field name anywhere (used for the host-application rule). */
export function mentionsName(node: Node, name: string): boolean {
  if (node === null || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some((child) => mentionsName(child, name));
  if (node.name === name) return true;
  return Object.values(node).some((child) => mentionsName(child, name));
}
