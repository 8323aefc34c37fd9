import { type ClientOptions, checkOptionsObject, createMemoryStorage } from '@balena-ts/core';
import { toClientOptions } from '@balena-ts/core/settings';
import { createFileStorage } from './file-storage.js';
import { type LoadSettingsOptions, loadSettings } from './load-settings.js';

/**
 * Completes client options for Node the way the balena CLI would configure itself: settings from
 * `BALENARC_*` env vars and `~/.balenarc.yml` fill what the options leave out, and the storage
 * is a file storage in the resolved data directory (in memory when the data directory is `false`).
 *
 * @param options - the caller's options; they win over env vars and the settings file
 * @param environment - the environment and home directory to read (default: the process's)
 * @returns options for `createClient`
 * @throws InvalidOption when `.balenarc.yml` is unreadable or invalid, or a setting is malformed
 * @throws InvalidParameter when `options` or `environment` is not an object
 * @example
 * ```ts
 * import { createClient } from '@balena-ts/core';
 * import { resolveClientOptions } from '@balena-ts/settings-node';
 * const client = createClient(resolveClientOptions({ timeout: 10_000 }));
 * ```
 */
export function resolveClientOptions(
  options: ClientOptions = {},
  environment: Omit<LoadSettingsOptions, 'options'> = {},
): ClientOptions {
  checkOptionsObject('options', options);
  checkOptionsObject('environment', environment);
  const settings = loadSettings({ ...environment, options });
  const resolved: ClientOptions = { ...toClientOptions(settings), ...options };
  const dataDirectory = settings.data_directory;
  if (typeof dataDirectory === 'string') {
    return { ...resolved, dataDirectory, storage: options.storage ?? createFileStorage({ dataDirectory }) };
  }
  // `data_directory: false` keeps everything in memory, as balena's Python SDK does.
  const { dataDirectory: _unused, ...withoutDirectory } = resolved;
  return { ...withoutDirectory, storage: options.storage ?? createMemoryStorage() };
}
