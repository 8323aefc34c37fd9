import { InvalidParameter } from '@balena-ts/core';

// An application's OS can run devices whose CPU it emulates or supersedes (64-bit ARM runs 32-bit ARM).
// A Map, not an object literal: a name such as `constructor` must not find Object.prototype's members.
const ARCHITECTURES_ACCEPTED_BY: ReadonlyMap<string, readonly string[]> = new Map([
  ['aarch64', ['aarch64', 'armv7hf', 'rpi']],
  ['armv7hf', ['armv7hf', 'rpi']],
]);

/**
 * Tells whether a device of one CPU architecture may join an application built for another.
 *
 * @param applicationArchitecture - the application's device type architecture, e.g. `aarch64`
 * @param deviceArchitecture - the device's architecture, e.g. `armv7hf`
 * @returns true when compatible
 * @throws {@link @balena-ts/core#InvalidParameter} when either architecture is not a string
 * @example
 * ```ts
 * isArchitectureCompatible('aarch64', 'rpi'); // true
 * ```
 */
export function isArchitectureCompatible(applicationArchitecture: string, deviceArchitecture: string): boolean {
  if (typeof applicationArchitecture !== 'string') {
    throw new InvalidParameter('applicationArchitecture', applicationArchitecture, 'expected a string');
  }
  if (typeof deviceArchitecture !== 'string') {
    throw new InvalidParameter('deviceArchitecture', deviceArchitecture, 'expected a string');
  }
  const accepted = ARCHITECTURES_ACCEPTED_BY.get(applicationArchitecture) ?? [applicationArchitecture];
  return accepted.includes(deviceArchitecture);
}
