import { InvalidParameter } from '@balena-ts/core';

/**
 * Checks that a row id (of an API key, an SSH key...) is a positive integer, before any request.
 *
 * @param parameterName - the name the error reports
 * @param id - the id as given
 * @throws {@link @balena-ts/core#InvalidParameter} for NaN, zero, a negative or fractional number, or another type
 * @example
 * ```ts
 * checkRowId('id', 12); // passes
 * checkRowId('id', -1); // throws InvalidParameter
 * ```
 */
export function checkRowId(parameterName: string, id: number): void {
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0) {
    throw new InvalidParameter(parameterName, id, 'expected a positive integer id');
  }
}
