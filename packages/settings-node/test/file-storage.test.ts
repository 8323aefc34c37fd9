import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { createClient, InvalidOption, TOKEN_STORAGE_KEY } from '@balena-ts/core';
import { runStorageConformance } from '@balena-ts/core/testing';
import { createFileStorage, get, set } from '@balena-ts/settings-node';
import { beforeEach, describe, expect, it } from 'vitest';
import { caught, SECRET, temporaryDirectory } from './helpers.js';

const run = promisify(execFile);

runStorageConformance('file storage', async () => createFileStorage({ dataDirectory: await temporaryDirectory() }), {
  describe,
  it,
  expect,
  beforeEach,
});

describe('createFileStorage', () => {
  it('keeps the token as the raw text of <dataDirectory>/token, as the balena CLI does', async () => {
    const directory = await temporaryDirectory();
    const storage = createFileStorage({ dataDirectory: directory });
    await storage.set(TOKEN_STORAGE_KEY, 'eyJhbGciOi.payload.signature');
    expect(await readFile(path.join(directory, 'token'), 'utf8')).toBe('eyJhbGciOi.payload.signature');
    // A token file written by the CLI (or by hand, with a final newline) is read back as the token.
    await writeFile(path.join(directory, 'token'), 'cli-written-token\n');
    expect(await storage.get(TOKEN_STORAGE_KEY)).toBe('cli-written-token');
  });

  it('writes files with mode 0600 in a new directory with mode 0700', async () => {
    const directory = path.join(await temporaryDirectory(), 'nested', '.balena');
    const storage = createFileStorage({ dataDirectory: directory });
    await storage.set(TOKEN_STORAGE_KEY, SECRET);
    await storage.set('other', 'value');
    expect((await stat(directory)).mode & 0o777).toBe(0o700);
    expect((await stat(path.join(directory, 'token'))).mode & 0o777).toBe(0o600);
    expect((await stat(storage.locate('other'))).mode & 0o777).toBe(0o600);
  });

  it('tightens the mode of a token file that was more open when it is rewritten', async () => {
    const directory = await temporaryDirectory();
    await writeFile(path.join(directory, 'token'), 'old', { mode: 0o644 });
    await createFileStorage({ dataDirectory: directory }).set(TOKEN_STORAGE_KEY, 'new');
    expect((await stat(path.join(directory, 'token'))).mode & 0o777).toBe(0o600);
  });

  it('keeps awkward keys apart and inside the directory', async () => {
    const root = await temporaryDirectory();
    const directory = path.join(root, 'data');
    const storage = createFileStorage({ dataDirectory: directory });
    const keys = [
      '../x',
      'a/b',
      'a\\b',
      'A',
      'a',
      '..',
      '.',
      '',
      'ünï-cödé ✓',
      '%61',
      'Token',
      'x'.repeat(300),
      'x'.repeat(301),
    ];
    for (const [index, key] of keys.entries()) await storage.set(key, `value-${index}`);
    for (const [index, key] of keys.entries()) expect(await storage.get(key)).toBe(`value-${index}`);
    expect(await readdir(root)).toEqual(['data']);
    const files = await readdir(directory);
    expect(files).toHaveLength(keys.length);
    expect(files).not.toContain('token');
    for (const file of files) expect(file).toMatch(/^balena-ts\.[a-z0-9_%#-]*$/);
  });

  it('leaves a valid file after 100 concurrent writers in one process', async () => {
    const directory = await temporaryDirectory();
    const storage = createFileStorage({ dataDirectory: directory });
    const values = Array.from({ length: 100 }, (_, index) => JSON.stringify({ index, padding: 'y'.repeat(8192) }));
    await Promise.all(values.map((value) => storage.set('settings', value)));
    const final = await readFile(storage.locate('settings'), 'utf8');
    expect(values).toContain(final);
    expect(await readdir(directory)).toEqual(['balena-ts.settings']);
  });

  it('leaves a valid file after 100 concurrent writers in four processes', async () => {
    const directory = await temporaryDirectory();
    const writer = path.join(import.meta.dirname, 'fixtures', 'writer.mjs');
    await Promise.all(
      [0, 1, 2, 3].map((id) => run(process.execPath, [writer, directory, TOKEN_STORAGE_KEY, String(id), '25'])),
    );
    const parsed = JSON.parse(await readFile(path.join(directory, 'token'), 'utf8'));
    expect(parsed.writer).toBeGreaterThanOrEqual(0);
    expect(parsed.padding).toHaveLength(4096);
    expect(await readdir(directory)).toEqual(['token']);
  });

  it('clears only its own files, not the CLI cache or other files', async () => {
    const directory = await temporaryDirectory();
    await mkdir(path.join(directory, 'cache'));
    await writeFile(path.join(directory, 'balena.cfg'), 'keep');
    const storage = createFileStorage({ dataDirectory: directory });
    await storage.set(TOKEN_STORAGE_KEY, 't');
    await storage.set('settings', '{}');
    await storage.clear();
    expect((await readdir(directory)).sort()).toEqual(['balena.cfg', 'cache']);
  });

  it('names the file, not its contents, when a key cannot be read, and leaves it in place', async () => {
    const directory = await temporaryDirectory();
    const storage = createFileStorage({ dataDirectory: directory });
    // A directory where the file should be: unreadable even for root.
    await mkdir(storage.locate('broken'));
    await writeFile(path.join(storage.locate('broken'), SECRET), SECRET);
    const error = await caught(storage.get('broken'));
    expect(error).toBeInstanceOf(InvalidOption);
    expect(error.message).toContain(storage.locate('broken'));
    expect(error.message).not.toContain(SECRET);
    expect(JSON.stringify(error)).not.toContain(SECRET);
    expect(await readdir(storage.locate('broken'))).toEqual([SECRET]);
    expect(await caught(storage.set('broken', 'x'))).toBeInstanceOf(InvalidOption);
    expect(await readdir(storage.locate('broken'))).toEqual([SECRET]);
  });

  it('names the settings file when the stored settings are corrupt, and leaves it intact', async () => {
    const directory = await temporaryDirectory();
    const storage = createFileStorage({ dataDirectory: directory });
    const corrupt = `{"api_key": "${SECRET}", `;
    await writeFile(storage.locate('settings'), corrupt);
    const client = createClient({ apiUrl: 'http://127.0.0.1:4000', storage });
    for (const attempt of [() => get(client, 'timeout'), () => set(client, 'timeout', 1)]) {
      const error = await caught(attempt());
      expect(error).toBeInstanceOf(InvalidOption);
      expect(error.message).toContain(storage.locate('settings'));
      expect(error.message).not.toContain(SECRET);
      expect(JSON.stringify(error)).not.toContain(SECRET);
    }
    expect(await readFile(storage.locate('settings'), 'utf8')).toBe(corrupt);
  });

  it('keeps every one of 100 concurrent set() calls on file storage, in a valid settings file', async () => {
    const directory = await temporaryDirectory();
    const storage = createFileStorage({ dataDirectory: directory });
    const client = createClient({ apiUrl: 'http://127.0.0.1:4000', storage });
    await Promise.all(Array.from({ length: 100 }, (_, index) => set(client, `key-${index}`, index)));
    const stored = JSON.parse(await readFile(storage.locate('settings'), 'utf8'));
    expect(Object.keys(stored)).toHaveLength(100);
    expect(stored['key-99']).toBe(99);
    expect(await get(client, 'key-42')).toBe(42);
  });

  it('persists settings across clients through files', async () => {
    const directory = await temporaryDirectory();
    const first = createClient({
      apiUrl: 'http://127.0.0.1:4000',
      storage: createFileStorage({ dataDirectory: directory }),
    });
    await set(first, 'image_cache_time', 42);
    const second = createClient({
      apiUrl: 'http://127.0.0.1:4000',
      storage: createFileStorage({ dataDirectory: directory }),
    });
    expect(await get(second, 'image_cache_time')).toBe(42);
  });
});
