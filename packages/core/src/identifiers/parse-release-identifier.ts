import { InvalidParameter } from '../errors/parameter-errors.js';
import { isPositiveId } from './is-positive-id.js';

/**
 * Reads a release argument: a release id (a number) or a commit (a string).
 *
 * Unlike the other identifiers, a string of digits stays a commit here: commits are hexadecimal
 * and may consist of digits only, so a string is never read as a release id.
 *
 * @param value - the release as given
 * @param parameterName - the parameter name the error reports
 * @returns the id, or the commit as given
 * @throws {@link InvalidParameter} for `''` or blank strings, 0, negatives, fractions, NaN, unsafe
 *   integers and every other type
 * @example
 * ```ts
 * parseReleaseIdentifier(1234, 'commitOrId'); // 1234
 * parseReleaseIdentifier('7dba4e0c461215374edad74a5b78f470', 'commitOrId'); // the commit
 * ```
 */
export function parseReleaseIdentifier(value: unknown, parameterName: string): string | number {
  if (isPositiveId(value)) return value;
  if (typeof value === 'string' && value.trim() !== '') return value;
  throw new InvalidParameter(parameterName, value, 'expected a commit or a positive integer release id');
}
