import { type ClientOptions, checkOptionsObject } from '@balena-ts/core';
import { createBrowserStorage } from './browser-storage.js';

/**
 * Completes client options for browsers: the storage is `localStorage` with the `balena-ts:`
 * prefix (in memory when it is unavailable), unless the options bring their own.
 *
 * @param options - the caller's options
 * @returns options for `createClient`
 * @throws InvalidParameter when `options` is not an object
 * @example
 * ```ts
 * import { createClient } from '@balena-ts/core';
 * import { resolveClientOptions } from '@balena-ts/settings-browser';
 * const client = createClient(resolveClientOptions({ apiUrl: 'https://api.balena-cloud.com' }));
 * ```
 */
export function resolveClientOptions(options: ClientOptions = {}): ClientOptions {
  const checked = checkOptionsObject('options', options);
  return { ...checked, storage: checked.storage ?? createBrowserStorage() };
}
