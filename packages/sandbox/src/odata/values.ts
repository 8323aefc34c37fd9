import type { Binds } from './query-context.js';

/** The JS value of one bind: dates become ISO strings (how rows store them), lists arrays. */
export function bindValue(bind: readonly [string, unknown] | undefined): unknown {
  if (!bind) return null;
  const [type, value] = bind;
  if (type === 'List') return (value as [string, unknown][]).map((item) => bindValue(item));
  if (value instanceof Date) return value.toISOString();
  // balena's parser reads `datetime'…'` (what pinejs-client sends for a Date) as epoch milliseconds.
  if ((type === 'Date Time' || type === 'Date') && typeof value === 'number') return new Date(value).toISOString();
  return value;
}

/** The value behind `{bind: n}` (or an `@alias`). */
export function resolveBind(binds: Binds, reference: { bind: number | string }): unknown {
  const key = reference.bind;
  if (typeof key === 'number') return bindValue(binds[key]);
  return bindValue((binds as unknown as Record<string, readonly [string, unknown]>)[key]);
}

/** Normalises a value for comparison: booleans and numbers stay, dates compare as ISO strings. */
function comparable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value;
}

/** Byte-order (C collation) comparison, nulls excluded by the caller. */
export function compareValues(left: unknown, right: unknown): number {
  const a = comparable(left);
  const b = comparable(right);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (typeof a === 'number' && typeof b === 'string' && b.trim() !== '' && !Number.isNaN(Number(b)))
    return a - Number(b);
  if (typeof b === 'number' && typeof a === 'string' && a.trim() !== '' && !Number.isNaN(Number(a)))
    return Number(a) - b;
  const textA = typeof a === 'object' ? JSON.stringify(a) : String(a);
  const textB = typeof b === 'object' ? JSON.stringify(b) : String(b);
  // UTF-16 code-unit order equals byte (C collation) order for everything but astral characters.
  return textA < textB ? -1 : textA > textB ? 1 : 0;
}

/** OData `eq` with SQL's null handling for `eq null`. */
export function valuesEqual(left: unknown, right: unknown): boolean {
  const leftNull = left === null || left === undefined;
  const rightNull = right === null || right === undefined;
  if (leftNull || rightNull) return leftNull && rightNull;
  return compareValues(left, right) === 0;
}
