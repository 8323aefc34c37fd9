// balena-ts settings and token storage on localStorage.
export { get, getAll, has, remove, type SettingKey, type SettingValue, set } from '@balena-ts/core/settings';
export {
  type BrowserStorageOptions,
  createBrowserStorage,
  DEFAULT_PREFIX,
  type FallbackReason,
  type StorageFallback,
} from './browser-storage.js';
export { resolveClientOptions } from './resolve-client-options.js';
