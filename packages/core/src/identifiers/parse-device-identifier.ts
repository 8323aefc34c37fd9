import { InvalidParameter } from '../errors/parameter-errors.js';
import { isFullUuid } from './is-full-uuid.js';
import { rowIdValue } from './row-id-value.js';

/**
 * Reads a device argument: a full uuid (lowercased, as the API stores uuids) or a row id.
 *
 * A string that is a full uuid is a uuid, even when all its characters are digits; any other
 * string of digits is an id, as in the balena Python SDK's examples (see {@link parseRowId}).
 *
 * @param value - the device as given
 * @param parameterName - the parameter name the error reports
 * @returns the lowercased uuid, or the numeric id
 * @throws {@link InvalidParameter} for short uuids, 31/33/61/63 characters, non-hex characters,
 *   anything {@link parseRowId} refuses, and every other type
 * @example
 * ```ts
 * parseDeviceIdentifier('7CF02A687B74206F92CB455969CF8E98', 'uuidOrId'); // '7cf02a687b74206f92cb455969cf8e98'
 * parseDeviceIdentifier('12', 'uuidOrId'); // 12
 * ```
 */
export function parseDeviceIdentifier(value: unknown, parameterName: string): string | number {
  if (isFullUuid(value)) return value.toLowerCase();
  const id = rowIdValue(value);
  if (id !== undefined) return id;
  throw new InvalidParameter(parameterName, value, 'expected a full uuid (32 or 62 hex characters) or an id');
}
