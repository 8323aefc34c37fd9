import { isPositiveId } from './is-positive-id.js';

// The balena Python SDK's examples pass ids as strings of digits ('5652'); no sign, no spaces, no leading zero,
// so that a string has exactly one reading as an id.
const DIGITS_PATTERN = /^[1-9]\d*$/;

/**
 * The row id a value denotes (a positive safe integer, or a string of its digits), if any.
 *
 * @param value - the candidate
 * @returns the id, or undefined when the value is not one
 */
export function rowIdValue(value: unknown): number | undefined {
  const id = typeof value === 'string' && DIGITS_PATTERN.test(value) ? Number(value) : value;
  return isPositiveId(id) ? id : undefined;
}
