// Hostile arguments to core's public functions end in a typed BalenaError (or, for redact, in text),
// never in a bare TypeError from a property read, a string method or a Symbol conversion.
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkOptionsObject,
  createClient,
  createMemoryStorage,
  InvalidOption,
  InvalidParameter,
  redact,
} from '../src/index.js';
import { deriveSettings, get, has, remove, toClientOptions } from '../src/settings.js';
import { makeJwt, sendJson, startTestServer, type TestServer } from './helpers/test-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function thrownBy(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  return undefined;
}

const NOT_OBJECTS: unknown[] = [null, 'text', 0, true, [], [1], Symbol('hostile'), 10n, () => 'x'];

describe('checkOptionsObject', () => {
  it('gives an empty object for undefined and the object itself otherwise', () => {
    expect(checkOptionsObject('options', undefined)).toEqual({});
    const options = { timeout: 5 };
    expect(checkOptionsObject('options', options)).toBe(options);
    const bare = Object.create(null) as object;
    expect(checkOptionsObject('options', bare)).toBe(bare);
  });

  it.each(NOT_OBJECTS.map((value) => ({ value })))('refuses $value with InvalidParameter', ({ value }) => {
    const error = thrownBy(() => checkOptionsObject('settings', value as object));
    expect(error).toBeInstanceOf(InvalidParameter);
    expect((error as InvalidParameter).parameter).toBe('settings');
    expect((error as InvalidParameter).value).toBe(value);
  });

  it('builds its message from a Symbol name without a TypeError', () => {
    const error = thrownBy(() => checkOptionsObject(Symbol('name') as unknown as string, null));
    expect(error).toBeInstanceOf(InvalidParameter);
    expect((error as InvalidParameter).parameter).toBe('Symbol(name)');
  });
});

describe('createClient', () => {
  it.each(NOT_OBJECTS.map((value) => ({ value })))('refuses options = $value with InvalidParameter', ({ value }) => {
    expect(thrownBy(() => createClient(value as never))).toBeInstanceOf(InvalidParameter);
  });

  it.each([
    { option: 'fetch', value: 'not a function' },
    { option: 'onRateLimit', value: 42 },
    { option: 'storage', value: {} },
    { option: 'storage', value: null },
    { option: 'apiKey', value: 42 },
    { option: 'apiVersion', value: Symbol('v7') },
    { option: 'apiUrl', value: { href: 'http://127.0.0.1' } },
    { option: 'userAgent', value: [] },
    { option: 'dataDirectory', value: 1 },
    { option: 'deviceUrlsBase', value: true },
  ])('refuses $option = $value with InvalidOption naming it', ({ option, value }) => {
    const error = thrownBy(() => createClient({ [option]: value }));
    expect(error).toBeInstanceOf(InvalidOption);
    expect((error as InvalidOption).message).toContain(option);
  });

  it('sends nothing when its options are refused, and works with valid ones', async () => {
    server = await startTestServer((_request, response) => sendJson(response, 200, { ok: true }));
    const url = server.url;
    expect(thrownBy(() => createClient({ apiUrl: url, fetch: 'nope' as never }))).toBeInstanceOf(InvalidOption);
    expect(server.requests).toHaveLength(0);
    const client = createClient({ apiUrl: url, storage: createMemoryStorage() });
    expect(await client.request('/ping')).toEqual({ ok: true });
  });
});

describe('client.request', () => {
  it.each([
    { name: 'path', path: { url: '/ping' }, options: undefined },
    { name: 'path', path: 42, options: undefined },
    { name: 'path', path: '', options: undefined },
    { name: 'options', path: '/ping', options: 'GET' },
    { name: 'options', path: '/ping', options: null },
  ])('refuses a $name it cannot send with InvalidParameter, sending nothing', async ({ name, path, options }) => {
    server = await startTestServer((_request, response) => sendJson(response, 200, { ok: true }));
    const client = createClient({ apiUrl: server.url, storage: createMemoryStorage() });
    const error = await client.request(path as never, options as never).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(InvalidParameter);
    expect((error as InvalidParameter).message).toContain(name);
    expect(error).toMatchObject({ parameter: name });
    expect(server.requests).toHaveLength(0);
    const stream = await client.request.stream(path as never, options as never).catch((thrown: unknown) => thrown);
    expect(stream).toBeInstanceOf(InvalidParameter);
    expect(server.requests).toHaveLength(0);
  });
});

describe('redact', () => {
  it.each([
    { value: 0, text: '0' },
    { value: null, text: 'null' },
    { value: undefined, text: 'undefined' },
    { value: true, text: 'true' },
    { value: [1, 'two'], text: '1,two' },
    { value: Symbol('hostile'), text: 'Symbol(hostile)' },
    { value: 10n, text: '10' },
    { value: {}, text: '[object Object]' },
    { value: Object.create(null), text: '[object Object]' },
  ])('turns $text into text without throwing', ({ value, text }) => {
    expect(redact(value)).toBe(text);
  });

  it('still redacts what a non-string value prints', () => {
    const jwt = makeJwt({ id: 1 });
    expect(redact(new Error(`Bearer ${jwt}`))).toBe('Error: Bearer [REDACTED]');
    expect(redact({ toString: () => `token=${jwt}` })).toBe('token=[REDACTED]');
  });

  it('survives a toString that throws', () => {
    const hostile = {
      toString(): string {
        throw new Error('no');
      },
    };
    expect(redact(hostile)).toBe('[object Object]');
  });
});

describe('settings', () => {
  const client = createClient({ apiUrl: 'http://127.0.0.1:9' });

  it.each(
    [...NOT_OBJECTS, undefined, {}, { apiUrl: 1, apiVersion: 'v7' }, { apiUrl: 'http://x', apiVersion: {} }].map(
      (value) => ({ value }),
    ),
  )('deriveSettings refuses config = $value with InvalidParameter', ({ value }) => {
    expect(thrownBy(() => deriveSettings(value as never))).toBeInstanceOf(InvalidParameter);
  });

  it('deriveSettings still derives from a real configuration', () => {
    expect(deriveSettings(client.config).pine_endpoint).toBe('http://127.0.0.1:9/v7/');
  });

  it('toClientOptions reads no settings as none', () => {
    expect(toClientOptions(undefined as never)).toEqual({});
  });

  it.each(NOT_OBJECTS.map((value) => ({ value })))(
    'toClientOptions refuses settings = $value with InvalidParameter',
    ({ value }) => {
      expect(thrownBy(() => toClientOptions(value as never))).toBeInstanceOf(InvalidParameter);
    },
  );

  it.each([Symbol('hostile'), Object.create(null), 1, null, undefined].map((key) => ({ key })))(
    'get and remove refuse key = $key with InvalidParameter; has answers false',
    async ({ key }) => {
      await expect(get(client, key as string)).rejects.toBeInstanceOf(InvalidParameter);
      await expect(remove(client, key as string)).rejects.toBeInstanceOf(InvalidParameter);
      expect(await has(client, key as string)).toBe(false);
    },
  );
});
