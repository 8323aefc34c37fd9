import { afterEach, describe, expect, it } from 'vitest';
import { chunkFilterValues, createClient, InvalidParameter, MAX_URL_LENGTH } from '../src/index.js';
import { sendJson, startTestServer, type TestServer } from './helpers/test-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function uuid(index: number): string {
  return index.toString(16).padStart(32, '0');
}

describe('chunkFilterValues', () => {
  it('closes a chunk at requestBatchSize values', () => {
    const client = createClient({ requestBatchSize: 2 });
    expect(chunkFilterValues(client, { resource: 'device', field: 'id', values: [1, 2, 3, 4, 5] })).toEqual([
      [1, 2],
      [3, 4],
      [5],
    ]);
    expect(chunkFilterValues(client, { resource: 'device', field: 'id', values: [] })).toEqual([]);
  });

  it('keeps every URL the requests really send within MAX_URL_LENGTH, each chunk as full as the budget allows', async () => {
    server = await startTestServer((_request, response) => sendJson(response, 200, { d: [] }));
    const client = createClient({ apiUrl: server.url, requestBatchSize: 1_000 });
    const values = Array.from({ length: 1_000 }, (_, index) => uuid(index));
    const options = { $select: ['id', 'uuid'] };
    const chunks = chunkFilterValues(client, { resource: 'device', field: 'uuid', values, options });
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.flat()).toEqual(values);
    for (const chunk of chunks) {
      await client.pine.get({ resource: 'device', options: { ...options, $filter: { uuid: { $in: chunk } } } });
    }
    const lengths = server.requests.map((request) => `${server!.url}${request.url}`.length);
    expect(lengths.every((length) => length <= MAX_URL_LENGTH)).toBe(true);
    // One more value would not have fitted: a 32-character uuid, its quotes sent as %27, and a comma.
    for (const length of lengths.slice(0, -1)) expect(length + 39).toBeGreaterThan(MAX_URL_LENGTH);
  });

  it('checks the resource and field names', () => {
    const client = createClient();
    expect(() => chunkFilterValues(client, { resource: 'device', field: 'id) or (1', values: [1] })).toThrow(
      InvalidParameter,
    );
    expect(() => chunkFilterValues(client, { resource: 'dev ice', field: 'id', values: [1] })).toThrow(
      InvalidParameter,
    );
  });
});
