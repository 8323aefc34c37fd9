import { InvalidParameter } from '@balena-ts/core';
import type { ApplicationId, DeviceUuid } from '../types.js';

const UUID_LENGTHS: ReadonlySet<number> = new Set([32, 62]);

/**
 * Checks a device argument.
 *
 * @param value - a full uuid or a numeric id
 * @returns the value, unchanged
 * @throws {@link InvalidParameter} for anything else
 */
export function checkDeviceUuid(value: DeviceUuid): DeviceUuid {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
  if (typeof value === 'string' && UUID_LENGTHS.has(value.length)) return value;
  throw new InvalidParameter('deviceUuid', value, 'expected a uuid of 32 or 62 characters, or a numeric id');
}

/**
 * Reads an application argument: the seed passed ids as decimal strings.
 *
 * @param value - a number or a decimal string
 * @returns the numeric id
 * @throws {@link InvalidParameter} when it is not a positive integer
 */
export function parseAppId(value: ApplicationId): number {
  const id = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value.trim()) : value;
  if (typeof id === 'number' && Number.isSafeInteger(id) && id > 0) return id;
  throw new InvalidParameter('appId', value, 'expected a numeric application id');
}
