// Options of the wrong type end in InvalidParameter / InvalidOption, before any file is touched.
import { readdir } from 'node:fs/promises';
import { InvalidOption, InvalidParameter } from '@balena-ts/core';
import { createFileStorage, loadSettings, resolveClientOptions } from '@balena-ts/settings-node';
import { describe, expect, it } from 'vitest';
import { temporaryDirectory } from './helpers.js';

function thrownBy(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  return undefined;
}

const NOT_OBJECTS: unknown[] = [null, 'options', 0, true, [], Symbol('hostile')];

describe.each(NOT_OBJECTS.map((value) => ({ value })))('options = $value', ({ value }) => {
  it('is refused by createFileStorage, loadSettings and resolveClientOptions with InvalidParameter', () => {
    expect(thrownBy(() => createFileStorage(value as never))).toBeInstanceOf(InvalidParameter);
    expect(thrownBy(() => loadSettings(value as never))).toBeInstanceOf(InvalidParameter);
    expect(thrownBy(() => resolveClientOptions(value as never))).toBeInstanceOf(InvalidParameter);
    expect(thrownBy(() => resolveClientOptions({}, value as never))).toBeInstanceOf(InvalidParameter);
  });

  it('is refused as loadSettings env or options', async () => {
    const home = await temporaryDirectory();
    expect(thrownBy(() => loadSettings({ homeDirectory: home, env: value as never }))).toBeInstanceOf(InvalidParameter);
    expect(thrownBy(() => loadSettings({ homeDirectory: home, env: {}, options: value as never }))).toBeInstanceOf(
      InvalidParameter,
    );
  });
});

describe('paths of the wrong type', () => {
  it('createFileStorage refuses a dataDirectory that is not a string', () => {
    expect(thrownBy(() => createFileStorage({ dataDirectory: 5 as never }))).toBeInstanceOf(InvalidOption);
  });

  it('loadSettings refuses a homeDirectory that is not a string', () => {
    expect(thrownBy(() => loadSettings({ homeDirectory: {} as never, env: {} }))).toBeInstanceOf(InvalidOption);
  });

  it('writes nothing when refused, and works with valid options', async () => {
    const directory = await temporaryDirectory();
    expect(thrownBy(() => resolveClientOptions(null as never, { homeDirectory: directory, env: {} }))).toBeInstanceOf(
      InvalidParameter,
    );
    expect(await readdir(directory)).toEqual([]);
    const storage = createFileStorage({ dataDirectory: directory });
    await storage.set('key', 'value');
    expect(await storage.get('key')).toBe('value');
  });
});
