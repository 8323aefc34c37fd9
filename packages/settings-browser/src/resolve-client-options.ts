import type { ClientOptions } from '@balena-ts/core';
import { createBrowserStorage } from './browser-storage.js';

/**
 * Completes client options for browsers: the storage is `localStorage` with the `balena-ts:`
 * prefix (in memory when it is unavailable), unless the options bring their own.
 *
 * @param options - the caller's options
 * @returns options for `createClient`
 * @example
 * ```ts
 * import { createClient } from '@balena-ts/core';
 * import { resolveClientOptions } from '@balena-ts/settings-browser';
 * const client = createClient(resolveClientOptions({ apiUrl: 'https://api.balena-cloud.com' }));
 * ```
 */
export function resolveClientOptions(options: ClientOptions = {}): ClientOptions {
  return { ...options, storage: options.storage ?? createBrowserStorage() };
}
