import { InvalidParameter } from './parameter-errors.js';

/**
 * Checks that an options argument (or any argument that must be an object of named fields) is an
 * object, so that a function reads its fields safely. Default parameters only replace `undefined`:
 * a `null`, a string or an array would otherwise reach a property read or a destructuring and fail
 * with a bare TypeError.
 *
 * @param name - the parameter's name, for the error message
 * @param value - the argument as given
 * @returns the argument, or an empty object when it is `undefined`
 * @throws {@link InvalidParameter} when the argument is `null`, an array or not an object
 * @example
 * ```ts
 * export function getConfig(client: Client, appId: number, options?: ConfigOptions): Promise<Config> {
 *   const { version } = checkOptionsObject('options', options);
 *   // ...
 * }
 * ```
 */
export function checkOptionsObject<T extends object>(name: string, value: T | null | undefined): Partial<T> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidParameter(name, value, 'expected an object of options');
  }
  return value;
}
