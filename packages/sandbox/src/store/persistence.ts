import { createHash } from 'node:crypto';
import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import type { Row } from './row.js';
import { RESOURCES } from './schema.js';
import type { Store } from './store.js';

type Database = BetterSqlite3.Database;
type Statement = BetterSqlite3.Statement;

/** Owner read/write only: the file holds password hashes, key hashes and the JWT signing secret. */
const DATA_FILE_MODE = 0o600;
/** Secrets (API keys) are kept as this prefix plus their SHA-256, never in clear. */
export const HASHED_KEY_PREFIX = 'sha256:';

/** The stored form of a secret (an API key). */
export function hashApiKey(key: string): string {
  return `${HASHED_KEY_PREFIX}${createHash('sha256').update(key).digest('hex')}`;
}

const hashedFields = new Map<string, string[]>(
  Array.from(RESOURCES.values(), (resource) => [
    resource.name,
    resource.fields.filter((field) => field.hashedAtRest).map((field) => field.name),
  ]),
);

/** What goes to disk for a row: its `hashed-at-rest` fields (API keys) hashed. */
function stored(resource: string, row: Row): Row {
  let copy: Row | undefined;
  for (const name of hashedFields.get(resource) ?? []) {
    const value = row[name];
    if (typeof value !== 'string' || value.startsWith(HASHED_KEY_PREFIX)) continue;
    copy ??= { ...row };
    copy[name] = hashApiKey(value);
  }
  return copy ?? row;
}

/**
 * Keeps a SQLite database (better-sqlite3, WAL mode, `synchronous = FULL`) in step with the store:
 * every row is a JSON document in `rows(resource, id, data)`, plus a `meta` table (the JWT
 * signing secret). Changes are written through: the rows a request changed are committed in one
 * transaction before its answer leaves (`commit()`, called by the HTTP server before the status
 * line), so an acknowledged write survives a kill; changes made outside a request (simulated
 * devices, heartbeat sweeps) are committed on the next turn of the event loop. A commit costs
 * what it writes, never the size of the database.
 */
export class Persistence {
  private readonly database: Database;
  private readonly upsert: Statement;
  private readonly remove: Statement;
  private readonly dirty = new Map<string, { resource: string; id: number; row: Row | undefined }>();
  private scheduled: NodeJS.Immediate | undefined;
  private closed = false;

  private constructor(database: Database) {
    this.database = database;
    this.upsert = database.prepare('INSERT OR REPLACE INTO rows (resource, id, data) VALUES (?, ?, ?)');
    this.remove = database.prepare('DELETE FROM rows WHERE resource = ? AND id = ?');
  }

  /** Opens (or creates) a data file; a file written by older sandboxes (sql.js) opens as is. */
  static async open(file: string): Promise<Persistence> {
    const require = createRequire(import.meta.url);
    const Sqlite = require('better-sqlite3') as typeof BetterSqlite3;
    if (!existsSync(file)) closeSync(openSync(file, 'a', DATA_FILE_MODE));
    chmodSync(file, DATA_FILE_MODE);
    const database = new Sqlite(file);
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = FULL');
    // Replaced rows (a secret rewritten as its hash) leave no copy behind in free pages.
    database.pragma('secure_delete = ON');
    database.exec(
      'CREATE TABLE IF NOT EXISTS rows (resource TEXT NOT NULL, id INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY (resource, id))',
    );
    database.exec('CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(file + suffix)) chmodSync(file + suffix, DATA_FILE_MODE);
    }
    return new Persistence(database);
  }

  /** Whether the file held any rows (false for a new file). */
  isEmpty(): boolean {
    const { count } = this.database.prepare('SELECT COUNT(*) AS count FROM rows').get() as { count: number };
    return count === 0;
  }

  /** Every stored row. */
  *rows(): Generator<[string, Row]> {
    const statement = this.database.prepare('SELECT resource, data FROM rows ORDER BY resource, id');
    for (const { resource, data } of statement.iterate() as Iterable<{ resource: string; data: string }>) {
      yield [resource, JSON.parse(data) as Row];
    }
  }

  getMeta(key: string): string | undefined {
    const row = this.database.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.database.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(key, value);
  }

  deleteMeta(key: string): void {
    this.database.prepare('DELETE FROM meta WHERE key = ?').run(key);
  }

  /** Follows every change of the store from now on. */
  track(store: Store): void {
    store.onChange((resource, id, row) => this.mark(resource, id, row));
  }

  /** Marks every row of the store as changed (a new file gets the seeded catalogue). */
  trackAll(store: Store, resources: Iterable<string>): void {
    for (const resource of resources) {
      for (const row of store.all(resource)) this.mark(resource, row.id, row);
    }
  }

  /** Rewrites rows whose secrets an older sandbox stored in clear, so that only hashes remain. */
  hashStoredSecrets(store: Store): void {
    for (const [resource, names] of hashedFields) {
      for (const row of names.length > 0 ? store.all(resource) : []) {
        if (names.some((name) => typeof row[name] === 'string' && !String(row[name]).startsWith(HASHED_KEY_PREFIX))) {
          this.mark(resource, row.id, row);
        }
      }
    }
    this.commit();
    this.database.pragma('wal_checkpoint(TRUNCATE)');
  }

  private mark(resource: string, id: number, row: Row | undefined): void {
    this.dirty.set(`${resource}\u0000${id}`, { resource, id, row });
    if (!this.scheduled && !this.closed) {
      this.scheduled = setImmediate(() => this.commit());
      this.scheduled.unref();
    }
  }

  /** Writes every pending change in one transaction (synchronously; durable when it returns). */
  commit(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    if (this.dirty.size === 0 || this.closed) return;
    const changes = Array.from(this.dirty.values());
    this.dirty.clear();
    this.database.transaction(() => {
      for (const { resource, id, row } of changes) {
        if (row) this.upsert.run(resource, id, JSON.stringify(stored(resource, row)));
        else this.remove.run(resource, id);
      }
    })();
  }

  /** Commits and releases the database. */
  close(): void {
    this.commit();
    this.closed = true;
    this.database.close();
  }
}
