import { DeviceNotFound, ExpiredToken, InvalidParameter, NotLoggedIn, RequestError } from '@balena-ts/core';

// Statuses that another attempt cannot fix: bad credentials, no access, no such device.
const FATAL_STATUSES: ReadonlySet<number> = new Set([401, 403, 404]);

/**
 * Tells whether a subscription must give up instead of reconnecting.
 *
 * @param error - why the connection ended
 * @returns true for 401, 403, 404 and the errors core builds from them, and for invalid arguments
 */
export function isFatal(error: unknown): boolean {
  if (
    error instanceof NotLoggedIn ||
    error instanceof ExpiredToken ||
    error instanceof DeviceNotFound ||
    error instanceof InvalidParameter
  ) {
    return true;
  }
  return error instanceof RequestError && FATAL_STATUSES.has(error.status);
}
