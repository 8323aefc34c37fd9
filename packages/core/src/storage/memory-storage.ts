import type { KeyValueStorage } from './key-value-storage.js';

/**
 * Creates a {@link KeyValueStorage} that lives in memory and is lost when the process ends: the
 * default storage of `createClient`.
 *
 * @returns a new, empty storage
 * @example
 * ```ts
 * const storage = createMemoryStorage();
 * await storage.set('token', jwt);
 * const client = createClient({ storage });
 * ```
 */
export function createMemoryStorage(): KeyValueStorage {
  const values = new Map<string, string>();
  return {
    async get(key) {
      return values.get(String(key));
    },
    async set(key, value) {
      values.set(String(key), String(value));
    },
    async remove(key) {
      values.delete(String(key));
    },
    async clear() {
      values.clear();
    },
  };
}
