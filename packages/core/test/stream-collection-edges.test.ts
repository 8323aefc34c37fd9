// streamCollection's edges against a real server: a resumption within $top, $top reached before a
// drop, an empty (204) answer, the messages of a stall, a drop and malformed JSON, and a multi-byte
// character split between two pieces.
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, NetworkError, RequestError, streamCollection, TimeoutError } from '../src/index.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

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

const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('streamCollection edges', () => {
  it('resumes within $top: the next request asks for the rows left', async () => {
    server = await startTestServer(async (_request, response, raw) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      if (server!.requests.length === 1) {
        response.write('{"d":[{"id":1},{"id":2},');
        await pause();
        raw.socket.destroy();
        return;
      }
      response.end('{"d":[{"id":3},{"id":4},{"id":5}]}');
    });
    const client = createClient({ apiUrl: server.url, retry: 1, retryDelay: 1 });
    const rows = await streamCollection(client, { resource: 'device', options: { $top: 5, $skip: 10 } }).toArray();
    expect(rows).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }, { id: 5 }]);
    expect(server.requests.map((request) => decodeURIComponent(request.url))).toEqual([
      '/v7/device?$orderby=id asc&$top=5&$skip=10',
      '/v7/device?$orderby=id asc&$top=3&$skip=12',
    ]);
  });

  it('sends nothing more once $top rows have arrived, even when the answer then drops', async () => {
    server = await startTestServer(async (_request, response, raw) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"d":[{"id":1},{"id":2}');
      await pause();
      raw.socket.destroy();
    });
    const client = createClient({ apiUrl: server.url, retry: 2, retryDelay: 1 });
    const rows = await streamCollection(client, { resource: 'device', options: { $top: 2 } }).toArray();
    expect(rows).toEqual([{ id: 1 }, { id: 2 }]);
    expect(server.requests).toHaveLength(1);
  });

  it('refuses an answer without a body, naming the request', async () => {
    server = await startTestServer((_request, response) => {
      response.writeHead(204);
      response.end();
    });
    const client = createClient({ apiUrl: server.url });
    const error = await rejection(streamCollection(client, { resource: 'device' }).toArray());
    expect(error).toBeInstanceOf(RequestError);
    expect(error.message).toBe('Empty answer to GET /v7/device?$orderby=id asc');
    expect([(error as RequestError).status, (error as RequestError).method]).toEqual([204, 'GET']);
  });

  it('says which request stalled, and for how long', async () => {
    server = await startTestServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"d":[{"id":1},');
    });
    const client = createClient({ apiUrl: server.url, retry: 0, timeout: 200 });
    const error = await rejection(streamCollection(client, { resource: 'device' }).toArray());
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toBe('GET /v7/device?$orderby=id asc: no data for 200 ms while reading the answer');
  });

  it('says which request dropped, with the cause', async () => {
    server = await startTestServer(async (_request, response, raw) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"d":[{"id":1},');
      await pause();
      raw.socket.destroy();
    });
    const client = createClient({ apiUrl: server.url, retry: 0 });
    const error = await rejection(streamCollection(client, { resource: 'device' }).toArray());
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toMatch(/^GET \/v7\/device\?\$orderby=id asc failed while reading the answer: \S/);
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('keeps the first 200 characters of a malformed answer, read over several pieces', async () => {
    const answer = `{"d":[${'{"id":1},'.repeat(30)}{"id":oops}]}`;
    server = await startTestServer(async (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      for (let index = 0; index < answer.length; index += 50) {
        response.write(answer.slice(index, index + 50));
        await pause();
      }
      response.end();
    });
    const client = createClient({ apiUrl: server.url, retry: 0 });
    const error = await rejection(streamCollection(client, { resource: 'device' }).toArray());
    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).body).toBe(answer.slice(0, 200));
    expect(error.message).toMatch(/^Invalid JSON in the answer to GET \/v7\/device\?\$orderby=id asc \(status 200\): /);
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it('decodes a multi-byte character split between two pieces', async () => {
    const bytes = Buffer.from('{"d":[{"name":"é🚀"}]}');
    const split = bytes.indexOf(Buffer.from('é')) + 1;
    server = await startTestServer(async (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write(bytes.subarray(0, split));
      await pause();
      response.end(bytes.subarray(split));
    });
    const client = createClient({ apiUrl: server.url, retry: 0 });
    expect(await streamCollection(client, { resource: 'device' }).toArray()).toEqual([{ name: 'é🚀' }]);
  });
});
