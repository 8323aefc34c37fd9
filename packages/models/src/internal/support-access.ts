import { InvalidParameter } from '@balena-ts/core';

// The last instant a JavaScript Date can hold (ECMAScript: 100,000,000 days after the epoch).
const LATEST_DATE_MS = 8.64e15;

/**
 * Validates a support-access expiry and turns it into the API's date format.
 *
 * @param expiryTimestamp - when access ends, in milliseconds since the epoch
 * @returns the body field `is_accessible_by_support_until__date` as ISO 8601
 * @throws {@link @balena-ts/core#InvalidParameter} when the timestamp is not a number in the future, or
 *   lies beyond the last date a Date can hold
 * @example
 * ```ts
 * const body = supportAccessUntil(Date.now() + 3_600_000);
 * ```
 */
export function supportAccessUntil(expiryTimestamp: number): { is_accessible_by_support_until__date: string } {
  // Granting access that is already over would silently revoke it; the SDKs refuse it too.
  if (typeof expiryTimestamp !== 'number' || !Number.isFinite(expiryTimestamp) || expiryTimestamp <= Date.now()) {
    throw new InvalidParameter('expiryTimestamp', expiryTimestamp, 'it must be a time in the future');
  }
  if (expiryTimestamp > LATEST_DATE_MS) {
    throw new InvalidParameter('expiryTimestamp', expiryTimestamp, 'it is beyond the latest representable date');
  }
  return { is_accessible_by_support_until__date: new Date(expiryTimestamp).toISOString() };
}
