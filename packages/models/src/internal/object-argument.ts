import { InvalidParameter } from '@balena-ts/core';

/**
 * Checks that an argument is an object (a parameters object, options) before any request.
 *
 * @param parameterName - the parameter name the error reports
 * @param value - the argument as given
 * @param expected - what the error says was expected, e.g. `expected { tier, cycle }`
 * @throws {@link @balena-ts/core#InvalidParameter} for `null` and anything but an object
 * @example
 * ```ts
 * checkObjectArgument('options', options, 'expected an object');
 * ```
 */
export function checkObjectArgument(parameterName: string, value: unknown, expected: string): asserts value is object {
  if (value === null || typeof value !== 'object') throw new InvalidParameter(parameterName, value, expected);
}
