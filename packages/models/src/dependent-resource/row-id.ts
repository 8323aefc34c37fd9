import { InvalidParameter } from '@balena-ts/core';

const DIGITS = /^[1-9]\d*$/;

/**
 * Reads a row id given as a number or, as the seed's examples do, as a string of digits.
 *
 * @param parameter - the parameter name for the error
 * @param value - the id as given
 * @returns the id as a positive integer
 * @throws InvalidParameter when the value is not a positive integer
 */
export function toRowId(parameter: string, value: number | string): number {
  const id = typeof value === 'string' && DIGITS.test(value) ? Number(value) : value;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0) {
    throw new InvalidParameter(parameter, value, 'must be a positive integer id');
  }
  return id;
}
