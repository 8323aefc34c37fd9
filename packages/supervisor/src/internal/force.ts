import { InvalidParameter } from '@balena-ts/core';

/**
 * Checks the `force` argument of reboot, shutdown and update.
 *
 * @param force - a boolean, or undefined for false
 * @returns the boolean to send
 * @throws {@link InvalidParameter} for any other value
 */
export function checkForce(force: boolean | undefined): boolean {
  if (force === undefined || force === null) return false;
  if (typeof force !== 'boolean') throw new InvalidParameter('force', force, 'expected a boolean');
  return force;
}
