import { type Client, chunkFilterValues, type ODataOptions } from '@balena-ts/core';

/** The fields a row may be looked up by: ids, and uuids (lowercase, as the API stores them). */
export type RowKeyField = 'id' | 'uuid';

interface Waiter<T> {
  resolve(row: T | undefined): void;
  reject(error: unknown): void;
}

interface Batch {
  readonly resource: string;
  readonly field: RowKeyField;
  readonly options: ODataOptions | undefined;
  readonly waiters: Map<string | number, Waiter<unknown>[]>;
}

// The batches waiting to be sent, per client (a client from `withOptions` has its own: its signal,
// deadline and headers belong to its own calls) and per resource, field and options.
const pendingByClient = new WeakMap<Client, Map<string, Batch>>();

// After the current turn of the event loop, so that every lookup started by the same loop of
// calls, and by the code their first awaits resume, is in the batch. `setImmediate` (Node) comes
// right after pending I/O callbacks; browsers have only timers.
const immediate = (globalThis as { setImmediate?: (run: () => void) => unknown }).setImmediate;
const nextTurn: (run: () => void) => void = immediate ? (run) => immediate(run) : (run) => setTimeout(run, 0);

// Options that describe the row alone can be shared; any other (`$filter`, `$top`, `$orderby`...)
// changes what a list request would answer, so such a read goes out on its own.
// Anything but a plain object is left to the keyed request, which reads null as no options and
// refuses the rest (a number, an array) with InvalidParameter.
function sharable(options: ODataOptions | undefined): boolean {
  if (options === undefined) return true;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) return false;
  return Object.keys(options).every((name) => name === '$select' || name === '$expand');
}

// The options as a batch key; undefined for options JSON cannot hold (a BigInt deep inside), which
// the keyed request then refuses with InvalidParameter.
function jsonOf(options: ODataOptions | undefined): string | undefined {
  try {
    return options === undefined ? '' : JSON.stringify(options);
  } catch {
    return undefined;
  }
}

function selecting(options: ODataOptions | undefined, field: RowKeyField): ODataOptions | undefined {
  const select = options?.$select;
  if (select === undefined || select === '*') return options;
  // `'id,device_name'` and `['id', 'device_name']` are the same selection.
  const fields = (Array.isArray(select) ? select : String(select).split(',')).map((name) => String(name).trim());
  return fields.includes(field) ? options : { ...options, $select: [...fields, field] };
}

function single<T>(client: Client, batch: Batch, value: string | number): Promise<T | undefined> {
  const id = batch.field === 'id' ? (value as number) : { [batch.field]: value };
  return client.pine.get<T>({ resource: batch.resource, id, options: batch.options });
}

async function send(client: Client, batch: Batch): Promise<void> {
  const { resource, field, waiters } = batch;
  const values = [...waiters.keys()];
  const reject = (chunk: readonly (string | number)[], error: unknown): void => {
    for (const value of chunk) for (const waiter of waiters.get(value) ?? []) waiter.reject(error);
  };
  if (values.length === 1) {
    // One lookup: the same keyed request as without coalescing.
    const value = values[0] as string | number;
    await single(client, batch, value).then(
      (row) => hand(waiters.get(value), row),
      (error: unknown) => reject(values, error),
    );
    return;
  }
  const options = selecting(batch.options, field);
  await Promise.all(
    chunkFilterValues(client, { resource, field, values, options }).map(async (chunk) => {
      try {
        // Sharable options have no `$filter` of their own: the list filter is the only one.
        const rows = await client.pine.get<Record<string, unknown>>({
          resource,
          options: { ...options, $filter: { [field]: { $in: chunk } } },
        });
        const byValue = new Map(rows.map((row) => [normalize(row[field]), row]));
        for (const value of chunk) {
          const row = byValue.get(value);
          if (row && options !== batch.options) delete row[field];
          hand(waiters.get(value), row);
        }
      } catch (error) {
        reject(chunk, error);
      }
    }),
  );
}

function normalize(value: unknown): unknown {
  return typeof value === 'string' ? value.toLowerCase() : value;
}

// Callers asking for the same row each get their own copy: one may change what it was given.
function hand(waiters: readonly Waiter<unknown>[] = [], row: unknown): void {
  waiters.forEach((waiter, index) => {
    waiter.resolve(index === 0 || row === undefined ? row : structuredClone(row));
  });
}

/**
 * Reads one row by id or uuid. Concurrent reads through the same client of the same resource with
 * the same `$select`/`$expand`, started in the same turn of the event loop, go out as one request
 * (`$filter=<field> in (...)`, split as core's `chunkFilterValues` splits it); each caller gets its
 * own row, or undefined when there is none, so each can throw its own not-found error. A read with
 * other options, or alone in its turn, is the plain keyed request. A failed request rejects every
 * read it carried.
 *
 * @typeParam T - the row's shape
 * @param client - the client
 * @param resource - the OData resource, e.g. `device`
 * @param field - `id` or `uuid`
 * @param value - the id, or the uuid in lowercase
 * @param options - the read's `$select`/`$expand` (other options make it a read of its own)
 * @returns the row, or undefined when no row has that key
 * @example
 * ```ts
 * const rows = await Promise.all(uuids.map((uuid) => readByKey(client, 'device', 'uuid', uuid, { $select: 'id' })));
 * ```
 */
export function readByKey<T>(
  client: Client,
  resource: string,
  field: RowKeyField,
  value: string | number,
  options?: ODataOptions,
): Promise<T | undefined> {
  const optionsKey = sharable(options) ? jsonOf(options) : undefined;
  if (optionsKey === undefined) {
    return single<T>(client, { resource, field, options, waiters: new Map() }, value);
  }
  let pending = pendingByClient.get(client);
  if (pending === undefined) {
    pending = new Map();
    pendingByClient.set(client, pending);
  }
  const batchKey = `${resource} ${field} ${optionsKey}`;
  let batch = pending.get(batchKey);
  if (batch === undefined) {
    const created: Batch = { resource, field, options, waiters: new Map() };
    batch = created;
    pending.set(batchKey, created);
    const queue = pending;
    nextTurn(() => {
      queue.delete(batchKey);
      // A read already answered ignores a second settlement: this reaches only those still waiting.
      send(client, created).catch((error: unknown) => {
        for (const waiters of created.waiters.values()) for (const waiter of waiters) waiter.reject(error);
      });
    });
  }
  const waiting = batch.waiters;
  return new Promise<T | undefined>((resolve, reject) => {
    const waiter = { resolve, reject } as Waiter<unknown>;
    const others = waiting.get(value);
    if (others) others.push(waiter);
    else waiting.set(value, [waiter]);
  });
}
