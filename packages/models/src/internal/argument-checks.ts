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

/**
 * Checks that an argument is a string with something in it (a name, a slug, a token) before any request.
 *
 * @param parameterName - the parameter name the error reports
 * @param value - the argument as given
 * @param expected - what the error says was expected, e.g. `expected a username`
 * @throws {@link @balena-ts/core#InvalidParameter} for anything but a string, and for a blank one
 * @example
 * ```ts
 * checkText('username', username, 'expected a username');
 * ```
 */
export function checkText(parameterName: string, value: unknown, expected: string): asserts value is string {
  if (typeof value !== 'string' || value.trim() === '') throw new InvalidParameter(parameterName, value, expected);
}
