import { TOKEN_STORAGE_KEY } from '../client/client.js';
import { InvalidParameter } from '../errors/parameter-errors.js';
import type { KeyValueStorage } from '../storage/key-value-storage.js';

/**
 * The API a stored session belongs to, in one spelling: origin and path, without a final slash.
 *
 * @param apiUrl - an API URL as given in the options or settings
 * @returns the normalised URL, or the text as it is when it is not a URL (createClient rejects it)
 * @throws InvalidParameter when `apiUrl` is not a string
 */
export function normalizeApiUrl(apiUrl: string): string {
  if (typeof apiUrl !== 'string') throw new InvalidParameter('apiUrl', apiUrl, 'expected the API URL as a string');
  try {
    const url = new URL(apiUrl);
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return apiUrl;
  }
}

/**
 * The storage key of the session token issued by one API, so that sessions of two servers sharing
 * a data directory never meet.
 *
 * @param apiUrl - the API that issued the token
 * @returns `token@` followed by the normalised API URL
 * @throws InvalidParameter when `apiUrl` is not a string
 */
export function sessionKeyOf(apiUrl: string): string {
  return `${TOKEN_STORAGE_KEY}@${normalizeApiUrl(apiUrl)}`;
}

/**
 * Wraps a storage so that the session token is kept under the key of one API
 * ({@link sessionKeyOf}); every other key passes through unchanged.
 *
 * @param storage - the storage to wrap (a file storage keeps its `directory` and `locate`)
 * @param apiUrl - the API the client talks to
 * @returns the wrapped storage
 * @throws InvalidParameter when `storage` is not a storage or `apiUrl` not a string
 */
export function scopeSession<S extends KeyValueStorage>(storage: S, apiUrl: string): S {
  if (storage === null || typeof storage !== 'object' || typeof storage.get !== 'function') {
    throw new InvalidParameter('storage', storage, 'expected a KeyValueStorage (get, set, remove, clear)');
  }
  const sessionKey = sessionKeyOf(apiUrl);
  const keyOf = (key: string) => (key === TOKEN_STORAGE_KEY ? sessionKey : key);
  const scoped: KeyValueStorage & { locate?: (key: string) => string } = {
    ...storage,
    get: (key) => storage.get(keyOf(key)),
    set: (key, value) => storage.set(keyOf(key), value),
    remove: (key) => storage.remove(keyOf(key)),
    clear: () => storage.clear(),
  };
  const locate = (storage as { locate?: unknown }).locate;
  if (typeof locate === 'function') scoped.locate = (key) => locate.call(storage, keyOf(key));
  return scoped as S;
}
