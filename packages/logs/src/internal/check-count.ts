import { InvalidParameter } from '@balena-ts/core';
import type { LogCount } from '../types.js';

/**
 * Checks a `count` argument.
 *
 * @param count - a non-negative integer, `'all'`, or undefined
 * @returns the count
 * @throws {@link InvalidParameter} for anything else
 */
export function checkCount(count: LogCount | undefined): LogCount | undefined {
  if (count === undefined || count === null || count === 'all') return count ?? undefined;
  if (Number.isSafeInteger(count) && count >= 0) return count;
  throw new InvalidParameter('count', count, "expected a non-negative integer or 'all'");
}
