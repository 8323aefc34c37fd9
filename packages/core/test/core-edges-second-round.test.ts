// Second round of tests for Stryker's survivors in core's OData, error and token code: an exact fit
// at MAX_URL_LENGTH, an error whose stack does not repeat its message, a null $expand, a $count with
// two options, upsert after a failure that is not a 409 conflict, a re-login with the same token
// during a refresh, and the brand of an error left out of a spread.
import { afterEach, describe, expect, it } from 'vitest';
import { REDACTED, redactCause } from '../src/errors/redact.js';
import {
  BalenaError,
  buildQuery,
  chunkFilterValues,
  createClient,
  InvalidParameter,
  MAX_URL_LENGTH,
  NetworkError,
  RequestError,
  TOKEN_STORAGE_KEY,
} from '../src/index.js';
import { makeJwt, sendJson, sendText, startTestServer, type TestServer } from './helpers/test-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJpZCI6MX0.c2lnbmF0dXJl';

describe('chunkFilterValues with values that fill the URL exactly', () => {
  const apiUrl = 'https://api.example.com';
  const urlOf = (values: string[]) =>
    new URL(`${apiUrl}/v7/device?${buildQuery({ $filter: { uuid: { $in: values } } })}`).href;

  it('keeps in one chunk values whose URL is exactly MAX_URL_LENGTH long, and splits at one more character', () => {
    const client = createClient({ apiUrl, requestBatchSize: 100_000 });
    const values = Array.from({ length: 20 }, (_, index) => `v${index}-${'x'.repeat(300)}`);
    const missing = MAX_URL_LENGTH - urlOf(values).length;
    expect(missing).toBeGreaterThan(0);
    values[19] = `${values[19]}${'y'.repeat(missing)}`;
    expect(urlOf(values).length).toBe(MAX_URL_LENGTH);
    expect(chunkFilterValues(client, { resource: 'device', field: 'uuid', values })).toEqual([values]);
    const longer = [...values.slice(0, 19), `${values[19]}y`];
    expect(chunkFilterValues(client, { resource: 'device', field: 'uuid', values: longer })).toEqual([
      longer.slice(0, 19),
      longer.slice(19),
    ]);
    // The first value alone: its URL is exactly MAX_URL_LENGTH long as well.
    const single = [`z${'x'.repeat(MAX_URL_LENGTH - urlOf(['z']).length)}`];
    expect(urlOf(single).length).toBe(MAX_URL_LENGTH);
    expect(chunkFilterValues(client, { resource: 'device', field: 'uuid', values: [...single, 'a'] })).toEqual([
      single,
      ['a'],
    ]);
  });
});

describe('redactCause of an error whose stack does not repeat its message', () => {
  it('copies it with the message redacted', () => {
    const error = new Error(`bad ${JWT}`);
    error.stack = 'custom stack';
    const copy = redactCause(error) as Error;
    expect(copy).not.toBe(error);
    expect(copy.message).toBe(`bad ${REDACTED}`);
    expect(copy.stack).toBe('custom stack');
  });
});

describe('buildQuery', () => {
  it('refuses a null $expand', () => {
    expect(() => buildQuery({ $expand: null } as never)).toThrow(InvalidParameter);
  });

  it('joins the options of an expanded $count with ";"', () => {
    expect(buildQuery({ $expand: { tags: { $count: { $filter: { a: 1 }, $top: 1 } } } } as never)).toBe(
      '$expand=tags/$count($filter=a eq 1;$top=1)',
    );
  });
});

describe('upsert after a failure that is not a unique conflict', () => {
  it('rethrows a 400 that mentions "unique", and a dropped connection', async () => {
    server = await startTestServer((request, response, raw) => {
      if (request.method === 'POST' && request.body.includes('"bad"'))
        return sendJson(response, 400, { message: 'unique field invalid' });
      if (request.method === 'POST') return void raw.socket.destroy();
      sendJson(response, 200, { d: [] });
    });
    const client = createClient({ apiUrl: server.url, retry: 0 });
    const bad = await client.pine
      .upsert({ resource: 'tag', id: { name: 'bad' }, body: {} })
      .catch((error: unknown) => error);
    expect(bad).toBeInstanceOf(RequestError);
    expect((bad as RequestError).status).toBe(400);
    const dropped = await client.pine
      .upsert({ resource: 'tag', id: { name: 'drop' }, body: {} })
      .catch((error: unknown) => error);
    expect(dropped).toBeInstanceOf(NetworkError);
    expect(server.requests.filter((request) => request.method === 'PATCH')).toHaveLength(0);
  });
});

describe('a login with the same token during a refresh', () => {
  it('drops the refreshed token: the login came after the refresh began', async () => {
    let answer: (token: string) => void = () => {};
    server = await startTestServer(async (_request, response) => {
      sendText(response, 200, await new Promise<string>((resolve) => (answer = resolve)));
    });
    const client = createClient({ apiUrl: server.url, retry: 0 });
    const token = makeJwt({ id: 1, exp: Math.floor(Date.now() / 1000) + 10 });
    await client.tokens.set(token);
    const refreshed = client.tokens.refresh();
    await expect.poll(() => server!.requests.length).toBe(1);
    await client.tokens.set(token);
    answer(makeJwt({ id: 1, generation: 'new' }));
    expect(await refreshed).toBe(token);
    expect(await client.storage.get(TOKEN_STORAGE_KEY)).toBe(token);
  });
});

describe('the brand of a balena error', () => {
  it('is not copied by a spread or listed among its keys', () => {
    const error = new InvalidParameter('id', 1);
    const spread = { ...error };
    expect(Object.getOwnPropertySymbols(spread)).toEqual([]);
    expect(Object.getOwnPropertySymbols(error).length).toBeGreaterThan(0);
    for (const symbol of Object.getOwnPropertySymbols(error)) {
      expect(Object.prototype.propertyIsEnumerable.call(error, symbol)).toBe(false);
    }
    expect(spread).not.toBeInstanceOf(BalenaError);
  });
});
