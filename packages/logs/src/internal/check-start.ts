import { InvalidParameter } from '@balena-ts/core';

/**
 * Checks a `start` option and turns it into milliseconds since the epoch.
 *
 * @param start - a non-negative number of milliseconds, a valid Date, or undefined
 * @returns the milliseconds, or undefined
 * @throws {@link InvalidParameter} for anything else (an invalid Date, NaN, a string)
 */
export function checkStart(start: unknown): number | undefined {
  if (start === undefined || start === null) return undefined;
  const milliseconds = start instanceof Date ? start.getTime() : start;
  if (typeof milliseconds === 'number' && Number.isFinite(milliseconds) && milliseconds >= 0) return milliseconds;
  throw new InvalidParameter('start', start, 'expected milliseconds since the epoch or a valid Date');
}
