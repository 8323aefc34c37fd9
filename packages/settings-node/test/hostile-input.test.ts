// Options of the wrong type end in InvalidParameter / InvalidOption, before any file is touched.
import { readdir } from 'node:fs/promises';
import { InvalidOption, InvalidParameter } from '@balena-ts/core';
import { createFileStorage, loadSettings, resolveClientOptions } from '@balena-ts/settings-node';
import { describe, expect, it } from 'vitest';
import { temporaryDirectory } from './helpers.js';

const NOT_OBJECTS: unknown[] = [null, 'options', 0, true, [], Symbol('hostile')];

describe.each(NOT_OBJECTS.map((value) => ({ value })))('options = $value', ({ value }) => {
  it('is refused by createFileStorage, loadSettings and resolveClientOptions with InvalidParameter', () => {
    expect(() => createFileStorage(value as never)).toThrow(InvalidParameter);
    expect(() => loadSettings(value as never)).toThrow(InvalidParameter);
    expect(() => resolveClientOptions(value as never)).toThrow(InvalidParameter);
    expect(() => resolveClientOptions({}, value as never)).toThrow(InvalidParameter);
  });

  it('is refused as loadSettings env or options', async () => {
    const home = await temporaryDirectory();
    expect(() => loadSettings({ homeDirectory: home, env: value as never })).toThrow(InvalidParameter);
    expect(() => loadSettings({ homeDirectory: home, env: {}, options: value as never })).toThrow(InvalidParameter);
  });
});

describe('paths of the wrong type', () => {
  it('createFileStorage refuses a dataDirectory that is not a string', () => {
    expect(() => createFileStorage({ dataDirectory: 5 as never })).toThrow(InvalidOption);
  });

  it('loadSettings refuses a homeDirectory that is not a string', () => {
    expect(() => loadSettings({ homeDirectory: {} as never, env: {} })).toThrow(InvalidOption);
  });

  it('writes nothing when refused, and works with valid options', async () => {
    const directory = await temporaryDirectory();
    expect(() => resolveClientOptions(null as never, { homeDirectory: directory, env: {} })).toThrow(InvalidParameter);
    expect(await readdir(directory)).toEqual([]);
    const storage = createFileStorage({ dataDirectory: directory });
    await storage.set('key', 'value');
    expect(await storage.get('key')).toBe('value');
  });
});
