import { InvalidParameter } from '../errors/parameter-errors.js';
import { rowIdValue } from './row-id-value.js';

/**
 * Reads a row id given as a number or, as the balena Python SDK's examples do, as a string of digits.
 *
 * @param value - the id as given
 * @param parameterName - the parameter name the error reports
 * @returns the id as a positive safe integer
 * @throws {@link InvalidParameter} for 0, negatives, fractions, NaN, unsafe integers, `''`,
 *   strings with anything but digits (`' 12'`, `'012'`, `'1e3'`) and every other type
 * @example
 * ```ts
 * parseRowId(5652, 'id'); // 5652
 * parseRowId('5652', 'id'); // 5652
 * parseRowId(' 5652', 'id'); // throws InvalidParameter
 * ```
 */
export function parseRowId(value: unknown, parameterName: string): number {
  const id = rowIdValue(value);
  if (id !== undefined) return id;
  throw new InvalidParameter(parameterName, value, 'expected a positive integer id (a number or a string of digits)');
}
