import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Row } from './row.js';
import type { Store } from './store.js';

interface SqlStatement {
  bind(values: unknown[]): void;
  step(): boolean;
  get(): unknown[];
  run(values: unknown[]): void;
  free(): void;
}
interface SqlDatabase {
  run(sql: string, values?: unknown[]): void;
  prepare(sql: string): SqlStatement;
  export(): Uint8Array;
  close(): void;
}
type SqlJs = { Database: new (data?: Uint8Array) => SqlDatabase };

/** How long changes may wait before they are written to the data file. */
export const FLUSH_DELAY_MS = 100;

let sqlJs: Promise<SqlJs> | undefined;
function loadSqlJs(): Promise<SqlJs> {
  const require = createRequire(import.meta.url);
  sqlJs ??= (require('sql.js') as (options?: unknown) => Promise<SqlJs>)();
  return sqlJs;
}

/**
 * Keeps a SQLite file (through sql.js, SQLite compiled to WASM) in step with the store: every row
 * is a JSON document in `rows(resource, id, data)`, plus a `meta` table (the JWT secret). Changes
 * are written back after FLUSH_DELAY_MS, and at once on close; the file is replaced atomically.
 */
export class Persistence {
  private readonly database: SqlDatabase;
  private readonly file: string;
  private readonly dirty = new Map<string, Row | undefined>();
  private timer: NodeJS.Timeout | undefined;

  private constructor(database: SqlDatabase, file: string) {
    this.database = database;
    this.file = file;
  }

  /** Opens (or creates) a data file. */
  static async open(file: string): Promise<Persistence> {
    const SQL = await loadSqlJs();
    const database = existsSync(file) ? new SQL.Database(readFileSync(file)) : new SQL.Database();
    database.run(
      'CREATE TABLE IF NOT EXISTS rows (resource TEXT NOT NULL, id INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY (resource, id))',
    );
    database.run('CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    return new Persistence(database, file);
  }

  /** Whether the file held any rows (false for a new file). */
  isEmpty(): boolean {
    const statement = this.database.prepare('SELECT COUNT(*) FROM rows');
    statement.step();
    const [count] = statement.get();
    statement.free();
    return Number(count) === 0;
  }

  /** Every stored row. */
  rows(): [string, Row][] {
    const statement = this.database.prepare('SELECT resource, data FROM rows ORDER BY resource, id');
    const rows: [string, Row][] = [];
    while (statement.step()) {
      const [resource, data] = statement.get() as [string, string];
      rows.push([resource, JSON.parse(data) as Row]);
    }
    statement.free();
    return rows;
  }

  getMeta(key: string): string | undefined {
    const statement = this.database.prepare('SELECT value FROM meta WHERE key = ?');
    statement.bind([key]);
    const value = statement.step() ? (statement.get()[0] as string) : undefined;
    statement.free();
    return value;
  }

  setMeta(key: string, value: string): void {
    this.database.run('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)', [key, value]);
    this.schedule();
  }

  /** Follows every change of the store from now on. */
  track(store: Store): void {
    store.onChange((resource, id, row) => {
      this.dirty.set(`${resource}\u0000${id}`, row);
      this.schedule();
    });
  }

  /** Marks every row of the store as changed (a new file gets the seeded catalogue). */
  trackAll(store: Store, resources: Iterable<string>): void {
    for (const resource of resources) {
      for (const row of store.all(resource)) this.dirty.set(`${resource}\u0000${row.id}`, row);
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), FLUSH_DELAY_MS);
    this.timer.unref();
  }

  /** Writes pending changes to the file now. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.dirty.size > 0) {
      const upsert = this.database.prepare('INSERT OR REPLACE INTO rows (resource, id, data) VALUES (?, ?, ?)');
      const remove = this.database.prepare('DELETE FROM rows WHERE resource = ? AND id = ?');
      this.database.run('BEGIN');
      for (const [key, row] of this.dirty) {
        const [resource, id] = key.split('\u0000') as [string, string];
        if (row) upsert.run([resource, Number(id), JSON.stringify(row)]);
        else remove.run([resource, Number(id)]);
      }
      this.database.run('COMMIT');
      upsert.free();
      remove.free();
      this.dirty.clear();
    }
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, this.database.export());
    renameSync(temporary, this.file);
  }

  /** Flushes and releases the database. */
  close(): void {
    this.flush();
    this.database.close();
  }
}
