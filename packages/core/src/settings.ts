// Settings with the balena Python SDK's keys and its five functions, each taking the client first. Platform
// neutral: settings-node and settings-browser add where the values and the token are kept.

// The core types in the signatures above, so that this entry point describes itself.
export type {
  BalenaError,
  BalenaErrorOptions,
  ClientConfig,
  ClientOptions,
  KeyValueStorage,
  RateLimitInfo,
  RequestErrorHookContext,
  RequestHookContext,
  RequestHookInfo,
  RequestHooks,
  RequestMethod,
  ResponseHookContext,
} from './index.js';
export { deriveSettings } from './settings/derive-settings.js';
export { get, getAll, has, remove, set } from './settings/operations.js';
export { parseSettingValue } from './settings/parse-setting-value.js';
export { normalizeApiUrl, scopeSession, sessionKeyOf } from './settings/session-scope.js';
export {
  DEFAULT_IMAGE_CACHE_TIME_MS,
  DEVICE_ACTIONS_ENDPOINT_VERSION,
  isSettingKey,
  SETTING_KEYS,
  SETTING_KINDS,
  SETTINGS_STORAGE_KEY,
  type SettingKey,
  type SettingKind,
  type SettingsClient,
  type SettingValue,
} from './settings/setting-keys.js';
export type { LocatableStorage, StoredSettings } from './settings/stored-settings.js';
export { toClientOptions } from './settings/to-client-options.js';
