import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createClient, InvalidOption, TOKEN_STORAGE_KEY } from '@balena-ts/core';
import { createFileStorage, getAll, loadSettings, resolveClientOptions } from '@balena-ts/settings-node';
import { describe, expect, it } from 'vitest';
import { caught, SECRET, temporaryDirectory } from './helpers.js';

async function homeWithRc(content?: string): Promise<string> {
  const home = await temporaryDirectory();
  if (content !== undefined) await writeFile(path.join(home, '.balenarc.yml'), content);
  return home;
}

describe('loadSettings precedence: options > BALENARC_* env > ~/.balenarc.yml > defaults', () => {
  it('uses the defaults when nothing is set', async () => {
    const home = await homeWithRc();
    const settings = loadSettings({ env: {}, homeDirectory: home });
    expect(settings.data_directory).toBe(path.join(home, '.balena'));
    expect(settings.cache_directory).toBe(path.join(home, '.balena', 'cache'));
    expect(settings.api_endpoint).toBeUndefined();
  });

  it('takes the rc file over the defaults', async () => {
    const home = await homeWithRc('balenaUrl: rc.example.com\ndataDirectory: ~/rc-data\ntimeout: 1000\n');
    const settings = loadSettings({ env: {}, homeDirectory: home });
    expect(settings.api_endpoint).toBe('https://api.rc.example.com');
    expect(settings.dashboard_url).toBe('https://dashboard.rc.example.com');
    expect(settings.data_directory).toBe(path.join(home, 'rc-data'));
    expect(settings.cache_directory).toBe(path.join(home, 'rc-data', 'cache'));
    expect(settings.timeout).toBe(1000);
  });

  it('takes env vars over the rc file', async () => {
    const home = await homeWithRc('balenaUrl: rc.example.com\napiUrl: https://api.rc-explicit.com\ntimeout: 1000\n');
    const settings = loadSettings({
      env: { BALENARC_BALENA_URL: 'env.example.com', BALENARC_TIMEOUT: '2000', BALENARC_DATA_DIRECTORY: '/env/data' },
      homeDirectory: home,
    });
    // The env's balenaUrl stands for the whole deployment: it wins over the rc file's apiUrl.
    expect(settings.api_endpoint).toBe('https://api.env.example.com');
    expect(settings.timeout).toBe(2000);
    expect(settings.data_directory).toBe('/env/data');
  });

  it('takes options over env vars', async () => {
    const home = await homeWithRc('timeout: 1000\n');
    const settings = loadSettings({
      options: { apiUrl: 'http://127.0.0.1:4000', timeout: 3000, dataDirectory: '/options/data' },
      env: { BALENARC_BALENA_URL: 'env.example.com', BALENARC_TIMEOUT: '2000', BALENARC_DATA_DIRECTORY: '/env/data' },
      homeDirectory: home,
    });
    expect(settings.api_endpoint).toBe('http://127.0.0.1:4000');
    expect(settings.dashboard_url).toBe('https://dashboard.env.example.com');
    expect(settings.timeout).toBe(3000);
    expect(settings.data_directory).toBe('/options/data');
  });

  it('ignores the CLI keys it has no use for and other env vars', async () => {
    const home = await homeWithRc('proxy:\n  host: proxy.local\n  port: 8080\nprojectsDirectory: /p\n');
    const settings = loadSettings({ env: { BALENA_URL: 'x', BALENARC_NO_SUCH_THING: 'y' }, homeDirectory: home });
    expect(Object.keys(settings).sort()).toEqual(['cache_directory', 'data_directory']);
  });

  it('names the env var, never its value, when a value does not fit', async () => {
    const home = await homeWithRc();
    const error = await caught(
      Promise.resolve().then(() => loadSettings({ env: { BALENARC_TIMEOUT: SECRET }, homeDirectory: home })),
    );
    expect(error).toBeInstanceOf(InvalidOption);
    expect(error.message).toContain('BALENARC_TIMEOUT');
    expect(JSON.stringify(error)).not.toContain(SECRET);
  });
});

describe('a corrupt or unreadable ~/.balenarc.yml', () => {
  it('gives InvalidOption naming the file and the line, without its contents, and leaves it intact', async () => {
    const corrupt = `balenaUrl: balena-cloud.com\npassword ${SECRET}\n`;
    const home = await homeWithRc(corrupt);
    const rcFile = path.join(home, '.balenarc.yml');
    const error = await caught(Promise.resolve().then(() => loadSettings({ env: {}, homeDirectory: home })));
    expect(error).toBeInstanceOf(InvalidOption);
    expect(error.message).toContain(rcFile);
    expect(error.message).toContain('line 2');
    expect(error.message).not.toContain(SECRET);
    expect(JSON.stringify(error)).not.toContain(SECRET);
    expect(await readFile(rcFile, 'utf8')).toBe(corrupt);
  });

  it('names the file when a value in it does not fit its key', async () => {
    const home = await homeWithRc(`tokenRefreshInterval: "${SECRET}"\n`);
    const error = await caught(Promise.resolve().then(() => loadSettings({ env: {}, homeDirectory: home })));
    expect(error.message).toContain(path.join(home, '.balenarc.yml'));
    expect(error.message).toContain('token_refresh_interval');
    expect(JSON.stringify(error)).not.toContain(SECRET);
  });

  it('names the file when it cannot be read', async () => {
    const home = await temporaryDirectory();
    const { mkdir } = await import('node:fs/promises');
    await mkdir(path.join(home, '.balenarc.yml'));
    const error = await caught(
      Promise.resolve().then(() => resolveClientOptions({}, { env: {}, homeDirectory: home })),
    );
    expect(error).toBeInstanceOf(InvalidOption);
    expect(error.message).toContain(path.join(home, '.balenarc.yml'));
    expect(error.message).toContain('EISDIR');
  });
});

describe('resolveClientOptions', () => {
  it("shares the CLI's token file when the client talks to the API the CLI is configured for", async () => {
    const home = await homeWithRc('dataDirectory: ~/cli-data\nbalenaUrl: balena.example.com\n');
    const options = resolveClientOptions(
      { apiUrl: 'https://api.balena.example.com/' },
      { env: {}, homeDirectory: home },
    );
    expect(options.dataDirectory).toBe(path.join(home, 'cli-data'));
    const client = createClient(options);
    // A login made with the balena CLI (the token file) is seen by this client, and the other way round.
    await createFileStorage({ dataDirectory: path.join(home, 'cli-data') }).set(TOKEN_STORAGE_KEY, 'from-the-cli');
    expect(await client.storage.get(TOKEN_STORAGE_KEY)).toBe('from-the-cli');
    await client.storage.set(TOKEN_STORAGE_KEY, 'from-balena-ts');
    expect(await readFile(path.join(home, 'cli-data', 'token'), 'utf8')).toBe('from-balena-ts');
    const all = await getAll(client);
    expect(all.data_directory).toBe(path.join(home, 'cli-data'));
    expect(all.api_endpoint).toBe('https://api.balena.example.com');
  });

  it("keeps the session of any other API under that API's key, away from the CLI's token file", async () => {
    const home = await homeWithRc('dataDirectory: ~/cli-data\n');
    const cliFiles = createFileStorage({ dataDirectory: path.join(home, 'cli-data') });
    await cliFiles.set(TOKEN_STORAGE_KEY, 'balena-cloud-session');
    const local = createClient(
      resolveClientOptions({ apiUrl: 'http://127.0.0.1:4000' }, { env: {}, homeDirectory: home }),
    );
    const other = createClient(
      resolveClientOptions({ apiUrl: 'http://127.0.0.1:4001' }, { env: {}, homeDirectory: home }),
    );
    expect(await local.storage.get(TOKEN_STORAGE_KEY)).toBe(undefined);
    await local.storage.set(TOKEN_STORAGE_KEY, 'local-session');
    expect(await other.storage.get(TOKEN_STORAGE_KEY)).toBe(undefined);
    expect(await cliFiles.get(TOKEN_STORAGE_KEY)).toBe('balena-cloud-session');
    expect(
      await readFile(path.join(home, 'cli-data', 'balena-ts.token%40http%3a%2f%2f127%2e0%2e0%2e1%3a4000'), 'utf8'),
    ).toBe('local-session');
    await local.storage.remove(TOKEN_STORAGE_KEY);
    expect(await cliFiles.get(TOKEN_STORAGE_KEY)).toBe('balena-cloud-session');
  });

  it('follows the CLI to the API its environment points at (BALENARC_BALENA_URL)', async () => {
    const home = await homeWithRc('dataDirectory: ~/cli-data\n');
    const env = { BALENARC_BALENA_URL: 'staging.example.com' };
    const client = createClient(resolveClientOptions({}, { env, homeDirectory: home }));
    expect(client.config.apiUrl).toBe('https://api.staging.example.com');
    await client.storage.set(TOKEN_STORAGE_KEY, 'staging-session');
    expect(await readFile(path.join(home, 'cli-data', 'token'), 'utf8')).toBe('staging-session');
    // The default API is not the CLI's here: its session stays apart.
    const cloud = createClient(
      resolveClientOptions({ apiUrl: 'https://api.balena-cloud.com' }, { env, homeDirectory: home }),
    );
    expect(await cloud.storage.get(TOKEN_STORAGE_KEY)).toBe(undefined);
  });

  it('lets env vars fill what options leave out, and options win', async () => {
    const home = await homeWithRc('balenaUrl: rc.example.com\n');
    const env = { BALENARC_TIMEOUT: '2500', BALENARC_REQUEST_BATCH_SIZE: '7' };
    const client = createClient(resolveClientOptions({ requestBatchSize: 9 }, { env, homeDirectory: home }));
    expect(client.config.apiUrl).toBe('https://api.rc.example.com');
    expect(client.config.timeout).toBe(2500);
    expect(client.config.requestBatchSize).toBe(9);
  });

  it("falls back to createClient's defaults when nothing is configured", async () => {
    const home = await homeWithRc();
    const client = createClient(resolveClientOptions({}, { env: {}, homeDirectory: home }));
    expect(client.config.apiUrl).toBe(createClient({}).config.apiUrl);
    expect(client.config.dataDirectory).toBe(path.join(home, '.balena'));
  });

  it('keeps everything in memory when the data directory is false', async () => {
    const home = await homeWithRc();
    const options = resolveClientOptions({}, { env: { BALENARC_DATA_DIRECTORY: 'false' }, homeDirectory: home });
    expect(options.dataDirectory).toBeUndefined();
    await options.storage?.set(TOKEN_STORAGE_KEY, 'in-memory');
    expect(await options.storage?.get(TOKEN_STORAGE_KEY)).toBe('in-memory');
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(home)).toEqual([]);
  });

  it('keeps a storage given in the options', async () => {
    const home = await homeWithRc();
    const storage = createFileStorage({ dataDirectory: path.join(home, 'mine') });
    expect(resolveClientOptions({ storage }, { env: {}, homeDirectory: home }).storage).toBe(storage);
  });
});
