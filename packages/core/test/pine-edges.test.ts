// The pine client's edges against a real server: answers without "d" (null included), a key given as
// undefined, the caller's signal, a write whose filter is null, and upsert's conflict handling.
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, InvalidParameter, RequestError } from '../src/index.js';
import { sendJson, sendText, startTestServer, type TestServer } from './helpers/test-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('pine client edges', () => {
  it('gets the collection when the key is given as undefined', async () => {
    server = await startTestServer((_request, response) => sendJson(response, 200, { d: [{ id: 1 }, { id: 2 }] }));
    const client = createClient({ apiUrl: server.url });
    expect(await client.pine.get({ resource: 'device', id: undefined } as never)).toEqual([{ id: 1 }, { id: 2 }]);
    expect(server.requests[0]?.url).toBe('/v7/device');
  });

  it('rejects a null answer with a RequestError naming the request', async () => {
    server = await startTestServer((_request, response) => sendJson(response, 200, null));
    const client = createClient({ apiUrl: server.url });
    const error = await rejection(client.pine.get({ resource: 'device', id: 1 }));
    expect(error).toBeInstanceOf(RequestError);
    expect(error.message).toBe('Unexpected answer to GET /v7/device(1): expected an object with "d"');
    expect((error as RequestError).method).toBe('GET');
    const counted = await rejection(client.pine.count({ resource: 'device' }));
    expect(counted).toBeInstanceOf(RequestError);
    expect(counted.message).toBe('Unexpected answer to GET /v7/device/$count: expected an object with "d"');
    expect((counted as RequestError).method).toBe('GET');
  });

  it('passes the caller signal to get and count', async () => {
    server = await startTestServer(() => {});
    const client = createClient({ apiUrl: server.url, retry: 0 });
    const controller = new AbortController();
    const get = client.pine.get({ resource: 'device', signal: controller.signal });
    const count = client.pine.count({ resource: 'device', signal: controller.signal });
    controller.abort(new Error('stop'));
    await expect(get).rejects.toThrow('stop');
    await expect(count).rejects.toThrow('stop');
  });

  it('refuses a patch or delete without a key, or with a null or empty filter, naming the operation', async () => {
    const client = createClient({ apiUrl: 'http://127.0.0.1:9' });
    for (const [operation, run] of [
      ['patch', (options: unknown) => client.pine.patch({ resource: 'device', options, body: {} } as never)],
      ['delete', (options: unknown) => client.pine.delete({ resource: 'device', options } as never)],
    ] as const) {
      for (const options of [undefined, {}, { $filter: null }, { $filter: {} }]) {
        const error = await rejection(run(options));
        expect(error).toBeInstanceOf(InvalidParameter);
        expect(error.message).toBe(
          `Invalid parameter: undefined is not a valid value for parameter "id": ${operation} needs an id or a non-empty options.$filter`,
        );
      }
    }
    const upsert = await rejection(client.pine.upsert({ resource: 'device', id: {}, body: {} }));
    expect(upsert).toBeInstanceOf(InvalidParameter);
    expect(upsert.message).toBe(
      'Invalid parameter: {} is not a valid value for parameter "id": upsert needs the natural key fields',
    );
  });

  it('refuses a resource that is not an identifier, naming "resource"', async () => {
    const client = createClient({ apiUrl: 'http://127.0.0.1:9' });
    const error = await rejection(client.pine.get({ resource: 'device?x=1' }));
    expect((error as InvalidParameter).parameter).toBe('resource');
  });

  it('upsert patches on a unique conflict only, and rethrows any other 409', async () => {
    server = await startTestServer((request, response) => {
      if (request.method === 'POST' && request.body.includes('"taken"'))
        return sendJson(response, 409, { message: 'Unique key constraint violated' });
      if (request.method === 'POST' && request.body.includes('"busy"')) return sendText(response, 409, 'locked');
      if (request.method === 'POST' && request.body.includes('"empty"')) return sendText(response, 409, '');
      sendJson(response, 200, { d: [] });
    });
    const client = createClient({ apiUrl: server.url, retry: 0 });
    await client.pine.upsert({ resource: 'tag', id: { name: 'taken' }, body: { value: 1 } });
    expect(server.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      'POST /v7/tag',
      'PATCH /v7/tag?$filter=name%20eq%20%27taken%27',
    ]);
    const busy = await rejection(client.pine.upsert({ resource: 'tag', id: { name: 'busy' }, body: {} }));
    expect((busy as RequestError).status).toBe(409);
    const empty = await rejection(client.pine.upsert({ resource: 'tag', id: { name: 'empty' }, body: {} }));
    expect((empty as RequestError).status).toBe(409);
    expect(server.requests.filter((request) => request.method === 'PATCH')).toHaveLength(1);
  });
});
