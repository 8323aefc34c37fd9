/**
 * Where balena-ts keeps its state (the session token, settings): an async string-to-string map.
 * Core ships an in-memory one; `@balena-ts/settings-node` and `@balena-ts/settings-browser` provide
 * file and localStorage ones, and every implementation passes the same conformance suite
 * (`runStorageConformance` from `@balena-ts/core/testing`).
 */
export interface KeyValueStorage {
  /**
   * Reads a value.
   * @param key - any string
   * @returns the stored value, or undefined when the key is missing
   */
  get(key: string): Promise<string | undefined>;
  /**
   * Writes a value, replacing any previous one.
   * @param key - any string
   * @param value - any string, the empty string included
   */
  set(key: string, value: string): Promise<void>;
  /**
   * Deletes a value; deleting a missing key is not an error.
   * @param key - any string
   */
  remove(key: string): Promise<void>;
  /** Deletes every value of this storage. */
  clear(): Promise<void>;
}
