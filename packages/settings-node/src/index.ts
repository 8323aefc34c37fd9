// balena-ts settings and token storage on the filesystem, compatible with the balena CLI.
export { get, getAll, has, remove, type SettingKey, type SettingValue, set } from '@balena-ts/core/settings';
export { FILE_MODE } from './atomic-write.js';
export { DIRECTORY_MODE } from './ensure-directory.js';
export { createFileStorage, type FileStorage, type FileStorageOptions } from './file-storage.js';
export { BALENARC_FILE_NAME, ENV_PREFIX, type LoadSettingsOptions, loadSettings } from './load-settings.js';
export { resolveClientOptions } from './resolve-client-options.js';
