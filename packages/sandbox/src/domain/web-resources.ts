import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Row } from '../store/row.js';
import type { Store } from '../store/store.js';

/**
 * The largest file balena stores in a web resource field (open-balena-api's
 * `WEBRESOURCES_S3_MAX_FILESIZE` default, 500 000 000 bytes).
 */
export const WEB_RESOURCE_MAX_BYTES = 500_000_000;

/** The web resource fields (files uploaded with multipart/form-data) of each resource. */
export const WEB_RESOURCE_FIELDS: ReadonlyMap<string, readonly string[]> = new Map([['release_asset', ['asset']]]);

/** The value a web resource field holds, as balena answers it. */
export interface WebResource {
  filename: string;
  content_type: string;
  size: number;
  href: string;
}

/** The path the bytes of a web resource are served at (a capability URL, as balena's pre-signed S3 URLs). */
export const WEB_RESOURCE_PATH = '/webresources';

const KEY = /^[a-z_]+_[0-9a-f-]{36}$/;

/** The storage key in a web resource's href, or undefined when it is not one of ours. */
export function webResourceKey(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const href = (value as { href?: unknown }).href;
  if (typeof href !== 'string') return undefined;
  const key = href.split('?')[0]!.split('/').pop() ?? '';
  return KEY.test(key) ? key : undefined;
}

/** Whether `key` has the shape of a storage key (never a path). */
export function isWebResourceKey(key: string): boolean {
  return KEY.test(key);
}

/**
 * Where uploaded files live: a directory next to the data file, or memory when there is none.
 * Keys are generated here (`<field>_<uuid>`), never taken from a request.
 */
export class WebResourceStorage {
  private readonly memory = new Map<string, Buffer>();
  readonly maxBytes: number;
  private readonly directory: string | undefined;

  constructor(dataFile: string | undefined, maxBytes: number = WEB_RESOURCE_MAX_BYTES) {
    this.directory = dataFile ? `${dataFile}.webresources` : undefined;
    this.maxBytes = maxBytes;
  }

  /** Stores the bytes of `source` under a new key; returns the key and the byte count. */
  async save(field: string, source: Readable): Promise<{ key: string; size: number }> {
    const key = `${field}_${randomUUID()}`;
    let size = 0;
    if (this.directory) {
      await mkdir(this.directory, { recursive: true });
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          size += chunk.length;
          done(null, chunk);
        },
      });
      try {
        await pipeline(source, counter, createWriteStream(join(this.directory, key)));
      } catch (error) {
        await this.remove(key);
        throw error;
      }
      return { key, size };
    }
    const chunks: Buffer[] = [];
    for await (const chunk of source) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
    this.memory.set(key, Buffer.concat(chunks));
    return { key, size };
  }

  /** The bytes stored under `key` as a stream with their size, or undefined. */
  async open(key: string): Promise<{ stream: Readable; size: number } | undefined> {
    if (!isWebResourceKey(key)) return undefined;
    if (this.directory) {
      const path = join(this.directory, key);
      try {
        const { size } = await stat(path);
        return { stream: createReadStream(path), size };
      } catch {
        return undefined;
      }
    }
    const bytes = this.memory.get(key);
    return bytes ? { stream: Readable.from([bytes]), size: bytes.length } : undefined;
  }

  /** Deletes the bytes stored under `key` (nothing when there are none). */
  async remove(key: string): Promise<void> {
    if (!isWebResourceKey(key)) return;
    this.memory.delete(key);
    if (this.directory) await rm(join(this.directory, key), { force: true });
  }

  /** Deletes the bytes stored under `key` before returning (a row's deletion: its file is gone with it). */
  removeNow(key: string): void {
    if (!isWebResourceKey(key)) return;
    this.memory.delete(key);
    if (this.directory) rmSync(join(this.directory, key), { force: true });
  }
}

/** The row of `resource` whose web resource field holds the file stored under `key`, if any. */
export function findWebResourceRow(
  store: Store,
  resource: string,
  key: string,
): { row: Row; value: WebResource } | undefined {
  const fields = WEB_RESOURCE_FIELDS.get(resource) ?? [];
  for (const row of store.all(resource)) {
    for (const field of fields) {
      if (webResourceKey(row[field]) === key) return { row, value: row[field] as WebResource };
    }
  }
  return undefined;
}

/** Whether a row of `resource` holds the file stored under `key`. */
export function isWebResourceStored(store: Store, resource: string, key: string): boolean {
  return findWebResourceRow(store, resource, key) !== undefined;
}

/**
 * Keeps stored files in step with the rows holding them: a file goes when its row is deleted
 * (directly or by a cascade from its release) or its field is given another file, as balena's
 * web resource handler deletes them.
 */
export function trackWebResources(store: Store, storage: WebResourceStorage): void {
  const held = new Map<string, Map<number, string[]>>();
  const keysOf = (resource: string, row: Row): string[] =>
    (WEB_RESOURCE_FIELDS.get(resource) ?? []).flatMap((field) => webResourceKey(row[field]) ?? []);
  for (const resource of WEB_RESOURCE_FIELDS.keys()) {
    const rows = new Map<number, string[]>();
    for (const row of store.all(resource)) rows.set(row.id, keysOf(resource, row));
    held.set(resource, rows);
  }
  store.onChange((resource, id, row) => {
    const rows = held.get(resource);
    if (!rows) return;
    const before = rows.get(id) ?? [];
    const after = row ? keysOf(resource, row) : [];
    if (row) rows.set(id, after);
    else rows.delete(id);
    for (const key of before) if (!after.includes(key)) storage.removeNow(key);
  });
}

/**
 * Points the hrefs of stored files at `baseUrl` (the sandbox's URL now): a sandbox restarted on its
 * data file with another port keeps serving the files it holds.
 */
export function rebaseWebResources(store: Store, baseUrl: string): void {
  for (const [resource, fields] of WEB_RESOURCE_FIELDS) {
    for (const row of [...store.all(resource)]) {
      const changes: Row = { ...row };
      let changed = false;
      for (const field of fields) {
        const key = webResourceKey(row[field]);
        const href = `${baseUrl}${WEB_RESOURCE_PATH}/${key}`;
        if (key === undefined || (row[field] as WebResource).href === href) continue;
        changes[field] = { ...(row[field] as WebResource), href };
        changed = true;
      }
      if (changed) store.put(resource, changes);
    }
  }
}
