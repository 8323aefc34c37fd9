import { InvalidOption } from '../index.js';
import { isSettingKey, SETTING_KINDS, type SettingValue } from './setting-keys.js';

const TRUE_WORDS = new Set(['true', 'yes', 'on', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'off', '0']);

/**
 * Checks a setting's value and turns text (from an env var or a file) into the key's type:
 * numbers for durations and counts, booleans for flags, `false` for "no data directory".
 * Keys balena-ts does not know are kept as given, as the balena Python SDK's `set` allowed any key.
 *
 * @param key - the setting key
 * @param value - the value as given or as read
 * @param source - where the value came from (an env var name, a file path), for the error message
 * @returns the value in the key's type
 * @throws InvalidOption when the value does not fit the key; the message names the key and the
 *   source but never the value, which could be a secret pasted in the wrong place
 */
export function parseSettingValue(key: string, value: unknown, source?: string): SettingValue {
  const kind = isSettingKey(key) ? SETTING_KINDS[key] : undefined;
  const fail = (expected: string): never => {
    throw new InvalidOption(`Setting "${key}"${source ? ` (from ${source})` : ''} must be ${expected}.`);
  };
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
    return fail('a string, a number or a boolean');
  }
  switch (kind) {
    case undefined:
      return value;
    case 'number': {
      const parsed = typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : value;
      if (typeof parsed !== 'number' || !Number.isFinite(parsed) || parsed < 0) return fail('a number >= 0');
      return parsed;
    }
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      const word = String(value).trim().toLowerCase();
      if (TRUE_WORDS.has(word)) return true;
      if (FALSE_WORDS.has(word)) return false;
      return fail('true or false');
    }
    case 'directory': {
      if (value === false || value === 'false') return false;
      if (typeof value !== 'string' || value.trim() === '') return fail('a directory path, or false');
      return value;
    }
    case 'string': {
      if (typeof value !== 'string' || value.trim() === '') return fail('a non-empty string');
      return value;
    }
  }
}
