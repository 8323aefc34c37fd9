import type { Row } from './row.js';
import { RESOURCES, resourceDefinition } from './schema.js';
import type { RowLookup } from './schema-types.js';
import { UniqueViolation, uniqueMessage } from './unique-violation.js';

/** Called after every stored change; `row` is undefined for a deletion. */
export type ChangeListener = (resource: string, id: number, row: Row | undefined) => void;

interface Table {
  rows: Map<number, Row>;
  /** Bumped on every change, so derived caches (sort orders) know when they are stale. */
  version: number;
  nextId: number;
  /** link field -> target id -> the rows pointing at it, by id (rows, so reading them needs no lookup) */
  links: Map<string, Map<unknown, Map<number, Row>>>;
  /** index of a unique constraint -> joined values -> id */
  uniques: Map<string, number>[];
}

function uniqueKey(row: Row, fields: string[]): string | undefined {
  const values = fields.map((field) => row[field]);
  // SQL semantics: a NULL never collides.
  if (values.some((value) => value === null || value === undefined)) return undefined;
  return JSON.stringify(values);
}

/**
 * The in-memory database: one table of rows per resource, with indexes on every link field and
 * every unique constraint. It enforces uniqueness and cascades deletes; the OData layer above it
 * enforces types and permissions.
 */
export class Store implements RowLookup {
  private readonly tables = new Map<string, Table>();
  private readonly listeners: ChangeListener[] = [];
  readonly now: () => number;

  constructor(now: () => number = Date.now) {
    this.now = now;
    for (const resource of RESOURCES.values()) {
      const links = new Map<string, Map<unknown, Map<number, Row>>>();
      for (const field of resource.fields) {
        if (field.type === 'link' && !field.computed) links.set(field.name, new Map());
      }
      this.tables.set(resource.name, {
        rows: new Map(),
        version: 0,
        nextId: 1,
        links,
        uniques: resource.unique.map(() => new Map()),
      });
    }
  }

  private table(resource: string): Table {
    const table = this.tables.get(resource);
    if (!table) throw new Error(`unknown resource ${resource}`);
    return table;
  }

  /** Registers a listener for every change (persistence, events). */
  onChange(listener: ChangeListener): void {
    this.listeners.push(listener);
  }

  get(resource: string, id: number): Row | undefined {
    return this.table(resource).rows.get(id);
  }

  /** Every row of a resource, in id (database) order. */
  all(resource: string): IterableIterator<Row> {
    return this.table(resource).rows.values();
  }

  /** A number that changes whenever a row of the resource changes. */
  version(resource: string): number {
    return this.table(resource).version;
  }

  count(resource: string): number {
    return this.table(resource).rows.size;
  }

  /** Rows of `resource` whose link `field` points at `id`. */
  referencing(resource: string, field: string, id: number): Row[] {
    const rows = this.table(resource).links.get(field)?.get(id);
    return rows ? Array.from(rows.values()) : [];
  }

  /** How many rows of `resource` have their link `field` pointing at `id` (no rows copied). */
  countReferencing(resource: string, field: string, id: number): number {
    return this.table(resource).links.get(field)?.get(id)?.size ?? 0;
  }

  /** The row whose unique `fields` have `values`, if any. */
  findUnique(resource: string, fields: string[], values: unknown[]): Row | undefined {
    const definition = resourceDefinition(resource);
    const index = definition.unique.findIndex((unique) => unique.join() === fields.join());
    if (index >= 0) {
      const id = this.table(resource).uniques[index]?.get(JSON.stringify(values));
      return id === undefined ? undefined : this.get(resource, id);
    }
    for (const row of this.all(resource)) {
      if (fields.every((field, position) => row[field] === values[position])) return row;
    }
    return undefined;
  }

  /** Throws UniqueViolation when `row` would collide with another row (other than itself). */
  checkUnique(resource: string, row: Row): void {
    const definition = resourceDefinition(resource);
    const table = this.table(resource);
    definition.unique.forEach((fields, position) => {
      const key = uniqueKey(row, fields);
      if (key === undefined) return;
      const existing = table.uniques[position]?.get(key);
      if (existing !== undefined && existing !== row.id) throw new UniqueViolation(uniqueMessage(fields));
    });
  }

  /** Reserves the next id of a resource. */
  allocateId(resource: string): number {
    const table = this.table(resource);
    return table.nextId++;
  }

  /** Stores a complete row (insert or replace), keeping indexes up to date. */
  put(resource: string, row: Row): void {
    const table = this.table(resource);
    this.checkUnique(resource, row);
    const previous = table.rows.get(row.id);
    if (previous) this.unindex(resource, table, previous);
    table.rows.set(row.id, row);
    table.version++;
    if (row.id >= table.nextId) table.nextId = row.id + 1;
    this.index(resource, table, row);
    for (const listener of this.listeners) listener(resource, row.id, row);
  }

  /** Deletes a row and, as balena does, the rows that cascade from it; other links become null. */
  remove(resource: string, id: number): void {
    const table = this.table(resource);
    const row = table.rows.get(id);
    if (!row) return;
    this.unindex(resource, table, row);
    table.rows.delete(id);
    table.version++;
    for (const listener of this.listeners) listener(resource, id, undefined);
    for (const other of RESOURCES.values()) {
      for (const field of other.fields) {
        if (field.type !== 'link' || field.target !== resource || field.computed) continue;
        for (const dependent of this.referencing(other.name, field.name, id)) {
          if (field.onDelete === 'cascade') this.remove(other.name, dependent.id);
          else if (field.onDelete === 'set-null') this.put(other.name, { ...dependent, [field.name]: null });
        }
      }
    }
  }

  /** Replaces the whole content (loading a data file). */
  load(rows: Iterable<[string, Row]>): void {
    for (const [resource, row] of rows) {
      if (!this.tables.has(resource)) continue;
      const table = this.table(resource);
      table.rows.set(row.id, row);
      if (row.id >= table.nextId) table.nextId = row.id + 1;
      this.index(resource, table, row);
    }
  }

  private index(resource: string, table: Table, row: Row): void {
    for (const [field, index] of table.links) {
      const value = row[field];
      if (value === null || value === undefined) continue;
      let rows = index.get(value);
      if (!rows) {
        rows = new Map();
        index.set(value, rows);
      }
      rows.set(row.id, row);
    }
    resourceDefinition(resource).unique.forEach((fields, position) => {
      const key = uniqueKey(row, fields);
      if (key !== undefined) table.uniques[position]?.set(key, row.id);
    });
  }

  private unindex(resource: string, table: Table, row: Row): void {
    for (const [field, index] of table.links) {
      index.get(row[field])?.delete(row.id);
    }
    resourceDefinition(resource).unique.forEach((fields, position) => {
      const key = uniqueKey(row, fields);
      if (key !== undefined && table.uniques[position]?.get(key) === row.id) table.uniques[position]?.delete(key);
    });
  }
}
