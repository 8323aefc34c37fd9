import type { ClientConfig, KeyValueStorage } from '../index.js';

/** A setting's value: balena's Python SDK kept strings only; typed values spare callers the parsing. */
export type SettingValue = string | number | boolean;

/**
 * The part of a client the settings functions use: any `Client` from `createClient` fits.
 * Kept this narrow so that the settings entry point does not pull in the request and pine types.
 */
export interface SettingsClient {
  /** The resolved configuration the settings are derived from. */
  readonly config: ClientConfig;
  /** Where values given to `set` are kept. */
  readonly storage: KeyValueStorage;
}

/** Every setting key balena-ts knows, named as in balena's Python SDK (snake_case). */
export type SettingKey =
  | 'balena_host'
  | 'api_endpoint'
  | 'api_version'
  | 'pine_endpoint'
  | 'builder_url'
  | 'dashboard_url'
  | 'device_urls_base'
  | 'device_actions_endpoint_version'
  | 'data_directory'
  | 'cache_directory'
  | 'image_cache_time'
  | 'token_refresh_interval'
  | 'timeout'
  | 'retry'
  | 'retry_delay'
  | 'request_batch_size'
  | 'request_limit'
  | 'request_limit_interval'
  | 'retry_rate_limited_request';

/** How a known key's value is checked and parsed. */
export type SettingKind = 'string' | 'number' | 'boolean' | 'directory';

/** The kind of every known key; `directory` is a path, or `false` for "no directory" as in balena's Python SDK. */
export const SETTING_KINDS: Readonly<Record<SettingKey, SettingKind>> = {
  balena_host: 'string',
  api_endpoint: 'string',
  api_version: 'string',
  pine_endpoint: 'string',
  builder_url: 'string',
  dashboard_url: 'string',
  device_urls_base: 'string',
  device_actions_endpoint_version: 'string',
  data_directory: 'directory',
  cache_directory: 'directory',
  image_cache_time: 'number',
  token_refresh_interval: 'number',
  timeout: 'number',
  retry: 'number',
  retry_delay: 'number',
  request_batch_size: 'number',
  request_limit: 'number',
  request_limit_interval: 'number',
  retry_rate_limited_request: 'boolean',
};

/** The known keys, in a stable order (the order of {@link SETTING_KINDS}). */
export const SETTING_KEYS: readonly SettingKey[] = Object.keys(SETTING_KINDS) as SettingKey[];

/** The `client.storage` key under which values given to `set` are kept, as one JSON object. */
export const SETTINGS_STORAGE_KEY = 'settings';

/** How long the CLI keeps downloaded OS images: one week, the balena Python SDK's default. */
export const DEFAULT_IMAGE_CACHE_TIME_MS = 604_800_000;

/** The device actions endpoint version balena's Python SDK reports. */
export const DEVICE_ACTIONS_ENDPOINT_VERSION = 'v1';

/**
 * Tells whether a string is one of the known setting keys.
 *
 * @param key - the key to test
 * @returns true for a {@link SettingKey}
 */
export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(SETTING_KINDS, key);
}
