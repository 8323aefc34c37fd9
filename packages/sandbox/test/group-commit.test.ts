// The data file's group commit: changes made in one turn of the event loop are committed in one
// transaction on the next, and an answer held for them is released only once they are durable.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Persistence } from '../src/store/persistence.js';
import { Store } from '../src/store/store.js';

const directory = mkdtempSync(join(tmpdir(), 'sandbox-group-commit-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const Sqlite = createRequire(import.meta.url)('better-sqlite3') as typeof import('better-sqlite3');

/** The rows a second connection reads from the file: what a restart would find. */
function storedIds(file: string): number[] {
  const reader = new Sqlite(file, { readonly: true });
  try {
    return (
      reader.prepare("SELECT id FROM rows WHERE resource = 'device_tag' ORDER BY id").all() as { id: number }[]
    ).map((row) => row.id);
  } finally {
    reader.close();
  }
}

describe('group commit of the data file', () => {
  it('commits the changes of one turn together, and releases the held answers only after', async () => {
    const file = join(directory, 'group.db');
    const persistence = await Persistence.open(file);
    const store = new Store();
    persistence.track(store);
    const committed: number[][] = [];
    const commit = persistence.commit.bind(persistence);
    persistence.commit = () => {
      commit();
      committed.push(storedIds(file));
    };

    expect(persistence.holdUntilDurable(() => undefined)).toBe(false);
    const released: (Error | undefined)[] = [];
    for (const id of [1, 2, 3]) {
      store.put('device_tag', { id, tag_key: `k${id}`, value: 'v' });
      expect(persistence.holdUntilDurable((error) => released.push(error))).toBe(true);
    }
    // Nothing leaves in the turn the changes were made in.
    expect(released).toEqual([]);
    expect(storedIds(file)).toEqual([]);

    await new Promise((resolve) => setImmediate(resolve));
    expect(committed).toEqual([[1, 2, 3]]);
    expect(released).toEqual([undefined, undefined, undefined]);
    expect(persistence.holdUntilDurable(() => undefined)).toBe(false);
    persistence.close();
  });

  it('fails the held answers when the commit fails, and keeps the changes for the next one', async () => {
    const file = join(directory, 'failing.db');
    const persistence = await Persistence.open(file);
    const store = new Store();
    persistence.track(store);
    let failNext = true;
    const database = (persistence as unknown as { database: { transaction: (work: () => void) => () => void } })
      .database;
    const transaction = database.transaction.bind(database);
    database.transaction = (work) => {
      if (!failNext) return transaction(work);
      failNext = false;
      return () => {
        throw new Error('disk full');
      };
    };

    store.put('device_tag', { id: 7, tag_key: 'k', value: 'v' });
    const released: (Error | undefined)[] = [];
    expect(persistence.holdUntilDurable((error) => released.push(error))).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(released.map((error) => error?.message)).toEqual(['disk full']);
    expect(storedIds(file)).toEqual([]);

    // The change is still pending: the next answer waits for it, and this time it is written.
    expect(persistence.holdUntilDurable((error) => released.push(error))).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(released).toHaveLength(2);
    expect(released[1]).toBeUndefined();
    expect(storedIds(file)).toEqual([7]);
    persistence.close();
  });
});
