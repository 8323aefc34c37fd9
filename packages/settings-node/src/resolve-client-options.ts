import { type ClientOptions, checkOptionsObject, createMemoryStorage, DEFAULT_API_URL } from '@balena-ts/core';
import { normalizeApiUrl, scopeSession, toClientOptions } from '@balena-ts/core/settings';
import { createFileStorage } from './file-storage.js';
import { type LoadSettingsOptions, loadSettings } from './load-settings.js';

/**
 * Completes client options for Node the way the balena CLI would configure itself: settings from
 * `BALENARC_*` env vars and `~/.balenarc.yml` fill what the options leave out, and the storage
 * is a file storage in the resolved data directory (in memory when the data directory is `false`).
 *
 * A session token belongs to the API that issued it. The CLI's own `token` file is shared only
 * when the client talks to the API the CLI is configured for (`https://api.<balenaUrl>`, or its
 * `apiUrl` setting); for any other API the token is kept under a key of that API
 * (`balena-ts.token%40<url>`), so a login to a local server never overwrites the CLI's session
 * and a balenaCloud token is never sent to another server.
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
    if (options.storage) return { ...resolved, dataDirectory, storage: options.storage };
    const apiUrl = resolved.apiUrl ?? DEFAULT_API_URL;
    const cliApiUrl = loadSettings(environment).api_endpoint;
    const sharesCliSession =
      normalizeApiUrl(apiUrl) === normalizeApiUrl(typeof cliApiUrl === 'string' ? cliApiUrl : DEFAULT_API_URL);
    const files = createFileStorage({ dataDirectory });
    return { ...resolved, dataDirectory, storage: sharesCliSession ? files : scopeSession(files, apiUrl) };
  }
  // `data_directory: false` keeps everything in memory, as balena's Python SDK does.
  const { dataDirectory: _unused, ...withoutDirectory } = resolved;
  return { ...withoutDirectory, storage: options.storage ?? createMemoryStorage() };
}
