import { type ClientOptions, checkOptionsObject, DEFAULT_API_URL } from '@balena-ts/core';
import { scopeSession } from '@balena-ts/core/settings';
import { createBrowserStorage } from './browser-storage.js';

/**
 * Completes client options for browsers: the storage is `localStorage` with the `balena-ts:`
 * prefix (in memory when it is unavailable), unless the options bring their own. The session
 * token is kept under a key of the API it belongs to (`balena-ts:token@<apiUrl>`), so pages of
 * one origin talking to two APIs never send one API's token to the other.
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
  if (checked.storage) return checked;
  return { ...checked, storage: scopeSession(createBrowserStorage(), checked.apiUrl ?? DEFAULT_API_URL) };
}
