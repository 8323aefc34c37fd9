// balena's device uuids are 32 hex characters (62 for some older devices); the 7-character
// short form shown in the dashboard is ambiguous, so it is not an identifier.
const FULL_UUID_PATTERN = /^(?:[0-9a-f]{32}|[0-9a-f]{62})$/i;

/**
 * Tells whether a value is a full device uuid: 32 or 62 hexadecimal characters, in any case.
 *
 * @param value - the candidate
 * @returns true for a full uuid; false for a short uuid, other lengths, non-hex characters and
 *   every other type
 * @example
 * ```ts
 * isFullUuid('7cf02a687b74206f92cb455969cf8e98'); // true
 * isFullUuid('7cf02a6'); // false: short uuids are not accepted
 * ```
 */
export function isFullUuid(value: unknown): value is string {
  return typeof value === 'string' && FULL_UUID_PATTERN.test(value);
}
