import { InvalidOption, InvalidParameter, TOKEN_STORAGE_KEY } from '../index.js';
import { deriveSettings } from './derive-settings.js';
import { parseSettingValue } from './parse-setting-value.js';
import { SETTING_KEYS, type SettingsClient, type SettingValue } from './setting-keys.js';
import { readStoredSettings, updateStoredSettings } from './stored-settings.js';

/**
 * Reads one setting: the value given to {@link set} if there is one, else the value derived from
 * the client's configuration.
 *
 * @param client - the client whose settings are read
 * @param key - a balena Python SDK key such as `api_endpoint`, or a key given to {@link set} before
 * @returns the setting's value
 * @throws InvalidOption when the key is neither known nor set; the message lists the valid keys
 * @throws InvalidParameter when the key is not a string
 * @example
 * ```ts
 * await get(client, 'pine_endpoint'); // 'https://api.balena-cloud.com/v7/'
 * ```
 */
export async function get(client: SettingsClient, key: string): Promise<SettingValue> {
  checkKey(key);
  const all = await getAll(client);
  const value = Object.hasOwn(all, key) ? all[key] : undefined;
  if (value === undefined) throw unknownKey(key);
  return value;
}

/**
 * Reads every setting: the values derived from the client's configuration, with the values given
 * to {@link set} on top. Secrets (the token, an API key) are not settings and never appear here.
 *
 * @param client - the client whose settings are read
 * @returns every setting by key
 * @throws InvalidOption when the stored settings are not valid JSON (they are left untouched)
 * @example
 * ```ts
 * const { api_endpoint, data_directory } = await getAll(client);
 * ```
 */
export async function getAll(client: SettingsClient): Promise<Record<string, SettingValue>> {
  const derived = deriveSettings(client.config);
  const stored = await readStoredSettings(client.storage);
  return { ...(derived as Record<string, SettingValue>), ...stored };
}

/**
 * Tells whether a setting has a value.
 *
 * @param client - the client whose settings are read
 * @param key - any key; unknown keys answer false rather than throw
 * @returns true when {@link get} would return a value for the key
 * @throws InvalidOption when the stored settings are not valid JSON
 * @example
 * ```ts
 * await has(client, 'api_endpoint'); // true
 * ```
 */
export async function has(client: SettingsClient, key: string): Promise<boolean> {
  if (typeof key !== 'string') return false;
  const all = await getAll(client);
  return Object.hasOwn(all, key) && all[key] !== undefined;
}

/**
 * Stores a setting in the client's storage, where it overrides the derived value for
 * {@link get} and {@link getAll} (also after a restart, with persistent storage). It does not
 * reconfigure the running client: pass options to `createClient` for that. Concurrent calls on
 * one storage are applied one after the other, so none is lost.
 *
 * @param client - the client whose storage keeps the value
 * @param key - a balena Python SDK key, or a key of your own (balena's Python SDK allowed any key)
 * @param value - the value; text is parsed for known keys (`'30000'` becomes 30000 for `timeout`)
 * @throws InvalidOption for an empty key, for `token` (the token belongs to auth), or a value
 *   that does not fit a known key; the message never contains the value
 * @example
 * ```ts
 * await set(client, 'image_cache_time', 86_400_000);
 * ```
 */
export async function set(client: SettingsClient, key: string, value: SettingValue): Promise<void> {
  if (typeof key !== 'string' || key === '') throw new InvalidOption('A setting key must be a non-empty string.');
  if (key === TOKEN_STORAGE_KEY) {
    throw new InvalidOption('"token" is not a setting: log in with @balena-ts/auth to store a token.');
  }
  const parsed = parseSettingValue(key, value);
  await updateStoredSettings(client.storage, (settings) => {
    settings[key] = parsed;
  });
}

/**
 * Drops a value given to {@link set}; a known key goes back to its derived value.
 *
 * @param client - the client whose storage keeps the value
 * @param key - the key to drop
 * @returns true when a stored value was dropped, false when there was none
 * @throws InvalidOption when the stored settings are not valid JSON
 * @throws InvalidParameter when the key is not a string
 * @example
 * ```ts
 * await remove(client, 'tmp'); // true, then false the second time
 * ```
 */
export async function remove(client: SettingsClient, key: string): Promise<boolean> {
  checkKey(key);
  return updateStoredSettings(client.storage, (settings) => {
    if (!Object.hasOwn(settings, key)) return false;
    delete settings[key];
    return true;
  });
}

function checkKey(key: unknown): asserts key is string {
  if (typeof key !== 'string') throw new InvalidParameter('key', key, 'a setting key is a string');
}

function unknownKey(key: unknown): InvalidOption {
  // String(), not a template literal: a Symbol key must give this error, not a TypeError.
  return new InvalidOption(`Unknown setting "${String(key)}". Valid settings: ${SETTING_KEYS.join(', ')}.`);
}
