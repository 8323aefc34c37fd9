// @ts-nocheck
// What the file storage does when the file system says no (a directory where a file should be,
// a file where the directory should be), what it leaves alone, and its default place.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { InvalidOption, InvalidParameter, TOKEN_STORAGE_KEY } from '@balena-ts/core';
import { createFileStorage } from '@balena-ts/settings-node';
import { describe, expect, it } from 'vitest';
import { caught, temporaryDirectory } from './helpers.js';

describe('createFileStorage options', () => {
  it("defaults to the balena CLI's data directory, ~/.balena, without creating it", () => {
    const storage = createFileStorage();
    expect(storage.directory).toBe(path.join(os.homedir(), '.balena'));
    expect(createFileStorage({}).directory).toBe(storage.directory);
  });

  it('names what is wrong in its options', () => {
    const notObject = (() => {
      try {
        createFileStorage('/tmp');
      } catch (error) {
        return error;
      }
    })();
    expect(notObject).toBeInstanceOf(InvalidParameter);
    expect(notObject.parameter).toBe('options');
    expect(() => createFileStorage({ dataDirectory: 5 })).toThrow(/"dataDirectory".*directory path/);
  });
});

describe('file storage values', () => {
  it('drops only the final newline of the token file, and keeps other values as they are', async () => {
    const storage = createFileStorage({ dataDirectory: await temporaryDirectory() });
    await writeFile(storage.locate(TOKEN_STORAGE_KEY), 'first\nsecond\r\n');
    expect(await storage.get(TOKEN_STORAGE_KEY)).toBe('first\nsecond');
    await storage.set('notes', 'kept as written\n');
    expect(await storage.get('notes')).toBe('kept as written\n');
  });
});

describe('file storage errors', () => {
  async function storageWithDirectoryAt(key: string) {
    const storage = createFileStorage({ dataDirectory: await temporaryDirectory() });
    await mkdir(storage.locate(key));
    return storage;
  }

  it('says what it could not do, to which file, with the reason and the cause', async () => {
    const storage = await storageWithDirectoryAt('settings');
    const file = storage.locate('settings');
    for (const [action, attempt] of [
      ['read', () => storage.get('settings')],
      ['write', () => storage.set('settings', '{}')],
      ['remove', () => storage.remove('settings')],
    ]) {
      const error = await caught(attempt());
      expect(error).toBeInstanceOf(InvalidOption);
      expect(error.message).toMatch(new RegExp(`^Could not ${action} ${file} \\(E[A-Z]+\\); it was left as it is\\.$`));
      expect(error.cause.code).toBe(error.message.match(/\((E[A-Z]+)\)/)[1]);
    }
    expect(await readdir(storage.directory)).toEqual(['balena-ts.settings']);
  });

  it('does nothing when removing a key that has no file', async () => {
    const storage = createFileStorage({ dataDirectory: await temporaryDirectory() });
    await storage.remove('never-set');
    expect(await readdir(storage.directory)).toEqual([]);
  });

  it('clears a directory that does not exist without creating it', async () => {
    const directory = path.join(await temporaryDirectory(), 'missing');
    await createFileStorage({ dataDirectory: directory }).clear();
    expect(await readdir(path.dirname(directory))).toEqual([]);
  });

  it('says it could not list the data directory when it is a file', async () => {
    const directory = path.join(await temporaryDirectory(), 'a-file');
    await writeFile(directory, 'not a directory');
    const error = await caught(createFileStorage({ dataDirectory: directory }).clear());
    expect(error).toBeInstanceOf(InvalidOption);
    expect(error.message).toBe(`Could not list ${directory} (ENOTDIR); it was left as it is.`);
  });

  it('says it could not remove one of its files when clearing', async () => {
    const storage = await storageWithDirectoryAt('settings');
    const error = await caught(storage.clear());
    expect(error).toBeInstanceOf(InvalidOption);
    expect(error.message).toMatch(new RegExp(`^Could not remove ${storage.locate('settings')} \\(E[A-Z]+\\)`));
  });

  it('lets two clears run at once: a file the other removed first is not an error', async () => {
    const storage = createFileStorage({ dataDirectory: await temporaryDirectory() });
    for (let index = 0; index < 50; index++) await storage.set(`key-${index}`, 'value');
    await Promise.all([storage.clear(), storage.clear(), storage.clear()]);
    expect(await readdir(storage.directory)).toEqual([]);
  });
});
