import { InvalidParameter } from '@balena-ts/core';

/**
 * Checks a callback argument, so that a value in the wrong slot (a count where `error` goes)
 * fails at the call rather than when the first line arrives.
 *
 * @param name - the parameter's name, for the error
 * @param value - the argument
 * @param optional - whether undefined (and null) are allowed
 * @throws {@link InvalidParameter} when it is not a function
 */
export function checkFunction(name: string, value: unknown, optional: boolean): void {
  if (typeof value === 'function') return;
  if (optional && (value === undefined || value === null)) return;
  throw new InvalidParameter(name, value, 'expected a function');
}
