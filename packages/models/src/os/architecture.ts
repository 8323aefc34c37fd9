import { isArchitectureCompatible } from '../internal/architecture.js';

/**
 * Tells whether an OS built for one CPU architecture can run applications built for another
 * (64-bit ARM runs 32-bit ARM, ARMv7 runs ARMv6).
 *
 * @param osArchitecture - the OS's architecture, from its device type (e.g. `aarch64`)
 * @param applicationArchitecture - the application's architecture (e.g. `armv7hf`)
 * @returns true when compatible
 * @throws {@link @balena-ts/core#InvalidParameter} when either architecture is not a string
 * @example
 * ```ts
 * isArchitectureCompatibleWith('aarch64', 'armv7hf'); // true
 * isArchitectureCompatibleWith('armv7hf', 'amd64'); // false
 * ```
 */
export function isArchitectureCompatibleWith(osArchitecture: string, applicationArchitecture: string): boolean {
  return isArchitectureCompatible(osArchitecture, applicationArchitecture);
}
