// @ts-nocheck
// How loadSettings reads each value: the process's environment and home directory by default,
// blank values as unset, spaces around a value dropped, `~` expanded in directory settings only,
// and the cache directory following the data directory unless it is set itself.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { InvalidOption, InvalidParameter } from '@balena-ts/core';
import { loadSettings, resolveClientOptions } from '@balena-ts/settings-node';
import { afterEach, describe, expect, it } from 'vitest';
import { caught, temporaryDirectory } from './helpers.js';

const savedTimeout = process.env.BALENARC_TIMEOUT;
afterEach(() => {
  if (savedTimeout === undefined) delete process.env.BALENARC_TIMEOUT;
  else process.env.BALENARC_TIMEOUT = savedTimeout;
});

describe('loadSettings defaults', () => {
  it("reads the process's environment when none is given", async () => {
    const home = await temporaryDirectory();
    process.env.BALENARC_TIMEOUT = '4321';
    expect(loadSettings({ homeDirectory: home }).timeout).toBe(4321);
    expect(loadSettings({ homeDirectory: home, env: {} }).timeout).toBeUndefined();
  });

  // The user's home cannot be swapped for a test (os.homedir() ignores process.env in a worker
  // thread), so this runs only where the home holds no balena CLI settings that would change the answer.
  it.skipIf(existsSync(path.join(os.homedir(), '.balenarc.yml')))(
    "reads the user's home directory when none is given",
    () => {
      expect(loadSettings({ env: {} }).data_directory).toBe(path.join(os.homedir(), '.balena'));
    },
  );

  it('names the argument that is not an object', async () => {
    const home = await temporaryDirectory();
    const cases = [
      [() => loadSettings(null), 'input'],
      [() => loadSettings({ homeDirectory: home, env: 5 }), 'env'],
      [() => loadSettings({ homeDirectory: home, env: {}, options: 'x' }), 'options'],
      [() => resolveClientOptions(null, { homeDirectory: home, env: {} }), 'options'],
      [() => resolveClientOptions({}, null), 'environment'],
    ];
    for (const [call, parameter] of cases) {
      const error = await caught(Promise.resolve().then(call));
      expect(error).toBeInstanceOf(InvalidParameter);
      expect(error.parameter).toBe(parameter);
    }
  });

  it('says which option is wrong when homeDirectory is not a string', () => {
    expect(() => loadSettings({ homeDirectory: 7, env: {} })).toThrow(/"homeDirectory".*directory path/);
  });

  it('keeps the cause when the rc file cannot be read', async () => {
    const home = await temporaryDirectory();
    await mkdir(path.join(home, '.balenarc.yml'));
    const error = await caught(Promise.resolve().then(() => loadSettings({ env: {}, homeDirectory: home })));
    expect(error).toBeInstanceOf(InvalidOption);
    expect(error.cause.code).toBe('EISDIR');
  });
});

describe('loadSettings values', () => {
  it('treats a blank value as unset and drops the spaces around a value', async () => {
    const home = await temporaryDirectory();
    const settings = loadSettings({
      env: { BALENARC_TIMEOUT: '   ', BALENARC_DATA_DIRECTORY: '  /data/dir  ', BALENARC_API_VERSION: ' v7 ' },
      homeDirectory: home,
    });
    expect(settings.timeout).toBeUndefined();
    expect(settings.data_directory).toBe('/data/dir');
    expect(settings.api_version).toBe('v7');
  });

  it('expands ~ in directory settings only', async () => {
    const home = await temporaryDirectory();
    const settings = loadSettings({
      env: { BALENARC_DATA_DIRECTORY: '~', BALENARC_DEVICE_URLS_BASE: '~/devices' },
      homeDirectory: home,
    });
    expect(settings.data_directory).toBe(home);
    expect(settings.cache_directory).toBe(path.join(home, 'cache'));
    expect(settings.device_urls_base).toBe('~/devices');
  });

  it('keeps a cache directory that is set, and has none when the data directory is false', async () => {
    const home = await temporaryDirectory();
    const own = loadSettings({ env: { BALENARC_CACHE_DIRECTORY: '/my/cache' }, homeDirectory: home });
    expect(own.data_directory).toBe(path.join(home, '.balena'));
    expect(own.cache_directory).toBe('/my/cache');
    const memory = loadSettings({ env: { BALENARC_DATA_DIRECTORY: 'false' }, homeDirectory: home });
    expect(memory.data_directory).toBe(false);
    expect(memory.cache_directory).toBe(false);
  });

  it('reads retry: false in the options as no retries', async () => {
    const home = await temporaryDirectory();
    expect(loadSettings({ options: { retry: false }, env: {}, homeDirectory: home }).retry).toBe(0);
    expect(loadSettings({ options: { retry: 3 }, env: {}, homeDirectory: home }).retry).toBe(3);
  });
});
