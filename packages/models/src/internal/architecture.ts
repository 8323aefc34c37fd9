// An application's OS can run devices whose CPU it emulates or supersedes (64-bit ARM runs 32-bit ARM).
const ARCHITECTURES_ACCEPTED_BY: Readonly<Record<string, readonly string[]>> = {
  aarch64: ['aarch64', 'armv7hf', 'rpi'],
  armv7hf: ['armv7hf', 'rpi'],
};

/**
 * Tells whether a device of one CPU architecture may join an application built for another.
 *
 * @param applicationArchitecture - the application's device type architecture, e.g. `aarch64`
 * @param deviceArchitecture - the device's architecture, e.g. `armv7hf`
 * @returns true when compatible
 * @example
 * ```ts
 * isArchitectureCompatible('aarch64', 'rpi'); // true
 * ```
 */
export function isArchitectureCompatible(applicationArchitecture: string, deviceArchitecture: string): boolean {
  const accepted = ARCHITECTURES_ACCEPTED_BY[applicationArchitecture] ?? [applicationArchitecture];
  return accepted.includes(deviceArchitecture);
}
