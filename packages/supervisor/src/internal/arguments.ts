import { parseDeviceIdentifier, parseRowId } from '@balena-ts/core';
import type { ApplicationId, DeviceUuid } from '../types.js';

/**
 * Checks a device argument.
 *
 * @param value - a full uuid (32 or 62 hex characters) or an id (a number, or a string of digits)
 * @returns the lowercased uuid, or the numeric id
 * @throws {@link @balena-ts/core#InvalidParameter} for anything else
 */
export function checkDeviceUuid(value: DeviceUuid): DeviceUuid {
  return parseDeviceIdentifier(value, 'deviceUuid');
}

/**
 * Reads an application argument: balena's Python SDK passed ids as decimal strings.
 *
 * @param value - a number or a string of digits
 * @returns the numeric id
 * @throws {@link @balena-ts/core#InvalidParameter} when it is not a positive integer (a number or a string of digits)
 */
export function parseAppId(value: ApplicationId): number {
  return parseRowId(value, 'appId');
}
