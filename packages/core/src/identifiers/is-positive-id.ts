/**
 * Tells whether a value is a row id: a positive safe integer (a number, not a string of digits).
 *
 * @param value - the candidate
 * @returns true for 1, 2, … up to `Number.MAX_SAFE_INTEGER`; false for 0, negatives, fractions,
 *   NaN, unsafe integers and every other type
 * @example
 * ```ts
 * isPositiveId(12); // true
 * isPositiveId('12'); // false: strings go through parseRowId
 * ```
 */
export function isPositiveId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}
