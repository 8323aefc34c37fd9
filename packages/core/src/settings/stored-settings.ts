import { InvalidOption, type KeyValueStorage } from '../index.js';
import { SETTINGS_STORAGE_KEY, type SettingValue } from './setting-keys.js';

/** The values given to `set`, as kept in storage. */
export type StoredSettings = Record<string, SettingValue>;

/**
 * A storage that can say where it keeps a key (the file storage answers with a file path), so that
 * an error about stored settings can name the file to look at. Optional: other storages say nothing.
 */
export interface LocatableStorage extends KeyValueStorage {
  /** The place (a file path, a storage key) where `key` is kept. */
  locate(key: string): string;
}

// One queue per storage: `set` and `remove` read, change and write back one JSON object, and two
// calls interleaving between read and write would lose one of the changes.
const queues = new WeakMap<KeyValueStorage, Promise<unknown>>();

/**
 * Reads the values given to `set`.
 *
 * @param storage - the client's storage
 * @returns the stored values, `{}` when there are none
 * @throws InvalidOption when the stored text is not a JSON object; the message names where it is
 *   kept, never its contents, and the stored text is left as it is
 */
export async function readStoredSettings(storage: KeyValueStorage): Promise<StoredSettings> {
  const text = await storage.get(SETTINGS_STORAGE_KEY);
  if (text === undefined || text === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new InvalidOption(
      `The stored settings in ${describeLocation(storage)} are not a JSON object; fix or delete it (it was left untouched).`,
    );
  }
  return parsed as StoredSettings;
}

/**
 * Changes the stored values one call at a time per storage.
 *
 * @param storage - the client's storage
 * @param change - receives the current values and edits them in place; its result is returned
 * @returns what `change` returned
 * @throws whatever reading, `change` or writing throws; nothing is written then
 */
export function updateStoredSettings<T>(storage: KeyValueStorage, change: (settings: StoredSettings) => T): Promise<T> {
  const previous = queues.get(storage) ?? Promise.resolve();
  const next = previous.then(async () => {
    const settings = await readStoredSettings(storage);
    const result = change(settings);
    if (Object.keys(settings).length === 0) await storage.remove(SETTINGS_STORAGE_KEY);
    else await storage.set(SETTINGS_STORAGE_KEY, JSON.stringify(settings));
    return result;
  });
  // A failed call must not block the ones queued after it.
  queues.set(
    storage,
    next.catch(() => undefined),
  );
  return next;
}

function describeLocation(storage: KeyValueStorage): string {
  const locate = (storage as Partial<LocatableStorage>).locate;
  return typeof locate === 'function'
    ? locate.call(storage, SETTINGS_STORAGE_KEY)
    : `storage key "${SETTINGS_STORAGE_KEY}"`;
}
