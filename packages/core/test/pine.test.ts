import { afterEach, describe, expect, it } from 'vitest';
import { createClient, InvalidParameter, paginate, RequestError } from '../src/index.js';
import { sendJson, sendText, startTestServer, type TestServer } from './helpers/test-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('pine client', () => {
  it('gets one row by key, or undefined for {d: []}', async () => {
    server = await startTestServer((request, response) =>
      sendJson(response, 200, { d: request.url.includes('(1)') ? [{ id: 1 }] : [] }),
    );
    const client = createClient({ apiUrl: server.url });
    expect(await client.pine.get({ resource: 'device', id: 1, options: { $select: 'id' } })).toEqual({ id: 1 });
    expect(await client.pine.get({ resource: 'device', id: { uuid: 'abc' } })).toBe(undefined);
    expect(server.requests.map((request) => request.url)).toEqual([
      '/v7/device(1)?$select=id',
      "/v7/device(uuid='abc')",
    ]);
  });

  it('gets a collection', async () => {
    server = await startTestServer((_request, response) => sendJson(response, 200, { d: [{ id: 1 }, { id: 2 }] }));
    const client = createClient({ apiUrl: server.url, apiVersion: 'v6' });
    const rows = await client.pine.get<{ id: number }>({ resource: 'application', options: { $top: 2 } });
    expect(rows).toEqual([{ id: 1 }, { id: 2 }]);
    expect(server.requests[0]?.url).toBe('/v6/application?$top=2');
  });

  it('rejects an answer without d', async () => {
    server = await startTestServer((_request, response) => sendJson(response, 200, { value: [] }));
    const client = createClient({ apiUrl: server.url });
    await expect(client.pine.get({ resource: 'device' })).rejects.toBeInstanceOf(RequestError);
  });

  it('counts with $count and only the filter', async () => {
    server = await startTestServer((_request, response) => sendJson(response, 200, { d: 2 }));
    const client = createClient({ apiUrl: server.url });
    const count = await client.pine.count({
      resource: 'device',
      options: { $filter: { belongs_to__application: 5 }, $select: 'id', $top: 1 },
    });
    expect(count).toBe(2);
    expect(server.requests[0]?.url).toBe('/v7/device/$count?$filter=belongs_to__application%20eq%205');
  });

  it('posts a row and returns it', async () => {
    server = await startTestServer((request, response) =>
      sendJson(response, 201, { id: 9, ...JSON.parse(request.body) }),
    );
    const client = createClient({ apiUrl: server.url });
    expect(await client.pine.post({ resource: 'application', body: { app_name: 'a' } })).toEqual({
      id: 9,
      app_name: 'a',
    });
    expect(server.requests[0]?.method).toBe('POST');
  });

  it('patches and deletes by key or by filter, never a whole collection', async () => {
    server = await startTestServer((_request, response) => sendText(response, 200, ''));
    const client = createClient({ apiUrl: server.url });
    await client.pine.patch({ resource: 'device', id: 3, body: { note: 'n' } });
    await client.pine.patch({ resource: 'device', options: { $filter: { id: { $in: [1, 2] } } }, body: { note: 'n' } });
    await client.pine.delete({ resource: 'device_tag', options: { $filter: { device: 1, tag_key: 'k' } } });
    await client.pine.delete({ resource: 'device', id: 4 });
    expect(server.requests.map((request) => `${request.method} ${request.url} ${request.body}`)).toEqual([
      'PATCH /v7/device(3) {"note":"n"}',
      'PATCH /v7/device?$filter=id%20in%20(1,2) {"note":"n"}',
      'DELETE /v7/device_tag?$filter=(device%20eq%201)%20and%20(tag_key%20eq%20%27k%27) ',
      'DELETE /v7/device(4) ',
    ]);
    await expect(client.pine.patch({ resource: 'device', body: { note: 'x' } })).rejects.toBeInstanceOf(
      InvalidParameter,
    );
    await expect(client.pine.delete({ resource: 'device', options: { $filter: {} } })).rejects.toBeInstanceOf(
      InvalidParameter,
    );
    await expect(client.pine.delete({ resource: 'device', options: { $top: 1 } })).rejects.toBeInstanceOf(
      InvalidParameter,
    );
    expect(server.requests.length).toBe(4);
  });

  it('rejects a resource name that is not an identifier', async () => {
    const client = createClient({ apiUrl: 'http://127.0.0.1:9' });
    await expect(client.pine.get({ resource: 'device?$top=1' })).rejects.toBeInstanceOf(InvalidParameter);
  });

  it('upserts: POST, and on a 409 "must be unique" PATCH by the natural key', async () => {
    const existing = new Set<string>(['k1']);
    server = await startTestServer((request, response) => {
      if (request.method === 'POST') {
        const body = JSON.parse(request.body) as { tag_key: string };
        if (existing.has(body.tag_key)) return sendJson(response, 409, '"device" and "tag_key" must be unique.');
        existing.add(body.tag_key);
        return sendJson(response, 201, { id: 1, ...body });
      }
      sendText(response, 200, '');
    });
    const client = createClient({ apiUrl: server.url });
    await client.pine.upsert({ resource: 'device_tag', id: { device: 5, tag_key: 'new' }, body: { value: 'v' } });
    await client.pine.upsert({ resource: 'device_tag', id: { device: 5, tag_key: 'k1' }, body: { value: 'w' } });
    expect(server.requests.map((request) => `${request.method} ${request.url} ${request.body}`)).toEqual([
      'POST /v7/device_tag {"device":5,"tag_key":"new","value":"v"}',
      'POST /v7/device_tag {"device":5,"tag_key":"k1","value":"w"}',
      'PATCH /v7/device_tag?$filter=(device%20eq%205)%20and%20(tag_key%20eq%20%27k1%27) {"value":"w"}',
    ]);
  });

  it('does not turn other 409s or errors into a PATCH', async () => {
    server = await startTestServer((_request, response) => sendJson(response, 409, 'conflict of another kind'));
    const client = createClient({ apiUrl: server.url });
    const error = await client.pine
      .upsert({ resource: 'device_tag', id: { device: 5, tag_key: 'k' }, body: { value: 'v' } })
      .catch((caught: unknown) => caught);
    expect((error as RequestError).status).toBe(409);
    expect(server.requests.length).toBe(1);
  });
});

describe('paginate', () => {
  const ROWS = Array.from({ length: 2500 }, (_, index) => ({ id: index + 1 }));

  async function startCollection(): Promise<TestServer> {
    return startTestServer((request, response) => {
      const query = new URL(request.url, 'http://x').searchParams;
      const top = Number(query.get('$top'));
      const skip = Number(query.get('$skip'));
      sendJson(response, 200, { d: ROWS.slice(skip, skip + top) });
    });
  }

  it('reads 2,500 rows in 3 requests of 1,000, ordered by id when no order is given', async () => {
    server = await startCollection();
    const client = createClient({ apiUrl: server.url });
    const rows = await paginate<{ id: number }>(client, { resource: 'device', options: { $select: 'id' } }).toArray();
    expect(rows.length).toBe(2500);
    expect(rows[0]).toEqual({ id: 1 });
    expect(rows[2499]).toEqual({ id: 2500 });
    expect(server.requests.map((request) => request.url)).toEqual([
      '/v7/device?$select=id&$orderby=id%20asc&$top=1000&$skip=0',
      '/v7/device?$select=id&$orderby=id%20asc&$top=1000&$skip=1000',
      '/v7/device?$select=id&$orderby=id%20asc&$top=1000&$skip=2000',
    ]);
  });

  it('fetches lazily, one page at a time, and stops when the loop stops', async () => {
    server = await startCollection();
    const client = createClient({ apiUrl: server.url });
    let seen = 0;
    for await (const row of paginate<{ id: number }>(client, { resource: 'device', pageSize: 100 })) {
      seen = row.id;
      if (row.id === 150) break;
    }
    expect(seen).toBe(150);
    expect(server.requests.length).toBe(2);
  });

  it("keeps the caller's $orderby, $skip and limits the total to $top", async () => {
    server = await startCollection();
    const client = createClient({ apiUrl: server.url });
    const pages: number[] = [];
    const iterable = paginate<{ id: number }>(client, {
      resource: 'device',
      pageSize: 1000,
      options: { $orderby: { device_name: 'asc' }, $top: 1500, $skip: 10 },
    });
    for await (const page of iterable.pages()) pages.push(page.length);
    expect(pages).toEqual([1000, 500]);
    expect(server.requests.map((request) => request.url)).toEqual([
      '/v7/device?$orderby=device_name%20asc&$top=1000&$skip=10',
      '/v7/device?$orderby=device_name%20asc&$top=500&$skip=1010',
    ]);
  });

  it('rejects a page size that is not a positive integer', () => {
    const client = createClient();
    expect(() => paginate(client, { resource: 'device', pageSize: 0 })).toThrow(InvalidParameter);
  });
});
