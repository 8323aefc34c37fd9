import { checkOptionsObject, createMemoryStorage, type KeyValueStorage } from '@balena-ts/core';

/** Why a browser storage fell back to memory. */
export type FallbackReason = 'unavailable' | 'blocked' | 'quota-exceeded';

/** What `onFallback` receives when a browser storage starts keeping values in memory. */
export interface StorageFallback {
  /** `unavailable`: no Storage at all; `blocked`: it throws on access; `quota-exceeded`: it is full. */
  readonly reason: FallbackReason;
  /** The error the Storage threw, if any. */
  readonly error?: unknown;
}

/** Options of {@link createBrowserStorage}. */
export interface BrowserStorageOptions {
  /** The Web Storage to use; default `globalThis.localStorage` (read lazily: reading it can throw). */
  storage?: Storage;
  /** Prepended to every key, so that balena-ts shares the origin's storage with others; default `balena-ts:`. */
  prefix?: string;
  /** Called once when the storage falls back to memory; default: one `console.warn`. */
  onFallback?: (fallback: StorageFallback) => void;
}

/** The default key prefix. */
export const DEFAULT_PREFIX = 'balena-ts:';

/**
 * Creates a storage on Web Storage (`localStorage` by default) with a key prefix. When the storage
 * is missing, throws on access (blocked cookies, sandboxed iframes, some private modes) or is full,
 * it keeps working in memory for the rest of the page's life and says so once: values then do not
 * survive a reload, which beats failing a login.
 *
 * @param options - the Storage, the key prefix and the fallback callback
 * @returns the browser storage
 * @throws InvalidParameter when `options` is not an object
 * @example
 * ```ts
 * const storage = createBrowserStorage({ prefix: 'my-app:' });
 * const client = createClient({ apiUrl: 'https://api.balena-cloud.com', storage });
 * ```
 */
export function createBrowserStorage(options: BrowserStorageOptions = {}): KeyValueStorage {
  const checked = checkOptionsObject('options', options);
  const prefix = checked.prefix ?? DEFAULT_PREFIX;
  const onFallback = checked.onFallback ?? warnOnce;
  let web: Storage | undefined;
  // Set once, on the first failure; every later call goes to memory.
  let fallback: Promise<KeyValueStorage> | undefined;

  const fallBack = (reason: FallbackReason, error?: unknown): Promise<KeyValueStorage> => {
    fallback ??= (async () => {
      const memory = createMemoryStorage();
      // A full storage can still be read: carry its values over so that the token is not lost.
      if (web && reason === 'quota-exceeded') {
        let entries: Array<[string, string]> = [];
        try {
          entries = readEntries(web, prefix);
        } catch {
          // Unreadable after all: start empty rather than fail.
        }
        for (const [key, value] of entries) await memory.set(key, value);
      }
      onFallback(error === undefined ? { reason } : { reason, error });
      return memory;
    })();
    return fallback;
  };

  const run = async <T>(onWeb: (storage: Storage) => T, onMemory: (storage: KeyValueStorage) => Promise<T>) => {
    if (fallback) return onMemory(await fallback);
    try {
      // Reading `localStorage` itself throws a SecurityError where storage is blocked.
      web ??= checked.storage ?? (globalThis as { localStorage?: Storage }).localStorage;
    } catch (error) {
      return onMemory(await fallBack('blocked', error));
    }
    if (!web) return onMemory(await fallBack('unavailable'));
    try {
      return onWeb(web);
    } catch (error) {
      return onMemory(await fallBack(isQuotaError(error) ? 'quota-exceeded' : 'blocked', error));
    }
  };

  return {
    get: (key) =>
      run(
        (storage) => storage.getItem(prefix + key) ?? undefined,
        (fallback) => fallback.get(key),
      ),
    set: (key, value) =>
      run(
        (storage) => storage.setItem(prefix + key, value),
        (fallback) => fallback.set(key, value),
      ),
    remove: (key) =>
      run(
        (storage) => storage.removeItem(prefix + key),
        (fallback) => fallback.remove(key),
      ),
    clear: () =>
      run(
        (storage) => {
          for (const [key] of readEntries(storage, prefix)) storage.removeItem(prefix + key);
        },
        (fallback) => fallback.clear(),
      ),
  };
}

/** The prefixed entries of a Storage, keys without the prefix; collected first since removing shifts indexes. */
function readEntries(storage: Storage, prefix: string): Array<[string, string]> {
  const entries: Array<[string, string]> = [];
  for (let index = 0; index < storage.length; index++) {
    const key = storage.key(index);
    if (key === null || !key.startsWith(prefix)) continue;
    const value = storage.getItem(key);
    if (value !== null) entries.push([key.slice(prefix.length), value]);
  }
  return entries;
}

function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  // Firefox used its own name before adopting the standard one.
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

function warnOnce(fallback: StorageFallback): void {
  // The storage's own error is left out: the message is enough, and a log line must not carry values.
  console.warn(
    `balena-ts: browser storage is ${fallback.reason === 'quota-exceeded' ? 'full' : fallback.reason}; ` +
      'keeping settings and the token in memory for this page (they will not survive a reload).',
  );
}
