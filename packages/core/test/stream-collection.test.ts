// streamCollection over real sockets: one request, rows handed over while the answer still
// arrives, a dropped or stalled answer resumed from the first row not delivered, and typed errors
// (never a hang) for malformed or cut answers.
import { afterEach, describe, expect, it } from 'vitest';
import {
  createClient,
  InvalidParameter,
  NetworkError,
  RequestError,
  streamCollection,
  TimeoutError,
  withOptions,
} from '../src/index.js';
import { sendJson, startTestServer, type TestServer } from './helpers/test-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const ROWS = Array.from({ length: 300 }, (_, index) => ({ id: index + 1, name: `device "${index}" – é🚀` }));

function skipOf(url: string): number {
  return Number(new URL(url, 'http://x').searchParams.get('$skip') ?? 0);
}

/** The answer for `url`: the rows after its `$skip`. */
function answerFor(url: string): string {
  return JSON.stringify({ d: ROWS.slice(skipOf(url)) });
}

describe('streamCollection', () => {
  it('reads every row with one request, ordered by id unless told otherwise', async () => {
    server = await startTestServer((request, response) => sendJson(response, 200, JSON.parse(answerFor(request.url))));
    const client = createClient({ apiUrl: server.url });
    const rows = await streamCollection<{ id: number }>(client, {
      resource: 'device',
      options: { $select: ['id', 'name'], $filter: { is_online: true } },
    }).toArray();
    expect(rows).toEqual(ROWS);
    expect(server.requests.map((request) => decodeURIComponent(request.url))).toEqual([
      '/v7/device?$select=id,name&$filter=is_online eq true&$orderby=id asc',
    ]);
  });

  it('groups rows into pages of pageSize, still with one request', async () => {
    server = await startTestServer((request, response) => sendJson(response, 200, JSON.parse(answerFor(request.url))));
    const client = createClient({ apiUrl: server.url });
    const sizes: number[] = [];
    for await (const page of streamCollection(client, { resource: 'device', pageSize: 128 }).pages()) {
      sizes.push(page.length);
    }
    expect(sizes).toEqual([128, 128, 44]);
    expect(server.requests).toHaveLength(1);
  });

  it('hands the first rows over before the answer has ended', async () => {
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    server = await startTestServer(async (_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.write('{"d":[{"id":1},{"id":2},');
      await released;
      response.end('{"id":3}]}');
    });
    const client = createClient({ apiUrl: server.url });
    const seen: number[] = [];
    for await (const row of streamCollection<{ id: number }>(client, { resource: 'device' })) {
      seen.push(row.id);
      // The server holds the rest back until the first row got here.
      if (row.id === 1) release();
    }
    expect(seen).toEqual([1, 2, 3]);
  });

  it('resumes a dropped answer from the first row not delivered, without repeating one', async () => {
    server = await startTestServer((request, response) => {
      const body = answerFor(request.url);
      response.setHeader('content-type', 'application/json');
      if (server?.requests.length === 1) {
        // Half the answer, then the connection drops.
        response.write(body.slice(0, Math.floor(body.length / 2)), () => response.socket?.destroy());
        return;
      }
      response.end(body);
    });
    const client = createClient({ apiUrl: server.url, retryDelay: 1 });
    const rows = await streamCollection<{ id: number }>(client, { resource: 'device' }).toArray();
    expect(rows).toEqual(ROWS);
    expect(server.requests).toHaveLength(2);
    const resumedAt = skipOf(server.requests[1]?.url ?? '');
    expect(resumedAt).toBeGreaterThan(0);
    expect(resumedAt).toBeLessThan(ROWS.length);
  });

  it('gives up on a dropped answer after the client retries, with a NetworkError', async () => {
    server = await startTestServer((request, response) => {
      response.setHeader('content-type', 'application/json');
      response.write(answerFor(request.url).slice(0, 40), () => response.socket?.destroy());
    });
    const client = createClient({ apiUrl: server.url, retry: 1, retryDelay: 1 });
    const error = await streamCollection(client, { resource: 'device' })
      .toArray()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
    expect(server.requests).toHaveLength(2);
  });

  it('times out a stalled answer and resumes it', async () => {
    server = await startTestServer((request, response) => {
      response.setHeader('content-type', 'application/json');
      const body = answerFor(request.url);
      // The first answer stops sending half way and never ends.
      if (server?.requests.length === 1) response.write(body.slice(0, Math.floor(body.length / 2)));
      else response.end(body);
    });
    const client = createClient({ apiUrl: server.url, timeout: 200, retryDelay: 1 });
    expect(await streamCollection(client, { resource: 'device' }).toArray()).toEqual(ROWS);
    expect(server.requests).toHaveLength(2);
  });

  it('fails with TimeoutError when the answer stalls and retries are off', async () => {
    server = await startTestServer((_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.write('{"d":[{"id":1},');
    });
    const client = createClient({ apiUrl: server.url, timeout: 150, retry: false });
    await expect(streamCollection(client, { resource: 'device' }).toArray()).rejects.toBeInstanceOf(TimeoutError);
  });

  it.each([
    ['cut short', '{"d":[{"id":1},{"id":'],
    ['not JSON', '<html>busy</html>'],
    ['without "d"', '{"error":"nope"}'],
  ])('rejects an answer %s with a RequestError, once', async (_name, body) => {
    server = await startTestServer((_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(body);
    });
    const client = createClient({ apiUrl: server.url });
    const error = await streamCollection(client, { resource: 'device' })
      .toArray()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).status).toBe(200);
    expect((error as RequestError).message).toContain('Invalid JSON');
    expect(server.requests).toHaveLength(1);
  });

  it('rejects an error status with a RequestError', async () => {
    server = await startTestServer((_request, response) => sendJson(response, 400, 'bad filter'));
    const client = createClient({ apiUrl: server.url });
    const error = await streamCollection(client, { resource: 'device' })
      .toArray()
      .catch((caught: unknown) => caught);
    expect((error as RequestError).status).toBe(400);
  });

  it('closes the connection when the loop stops early', async () => {
    server = await startTestServer(async (_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.write('{"d":[{"id":1},');
      // The rest never comes: only closing the connection ends this request.
    });
    const client = createClient({ apiUrl: server.url });
    for await (const row of streamCollection<{ id: number }>(client, { resource: 'device' })) {
      expect(row.id).toBe(1);
      break;
    }
    const abandoned = await server.abandoned;
    expect(abandoned.url).toContain('/v7/device');
  });

  it('stops with the signal’s reason when aborted mid-answer', async () => {
    server = await startTestServer((_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.write('{"d":[{"id":1},');
    });
    const client = createClient({ apiUrl: server.url });
    const controller = new AbortController();
    const reason = new Error('stopped by the test');
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const row of streamCollection(client, { resource: 'device', signal: controller.signal })) {
        seen.push(row);
        controller.abort(reason);
      }
    })().catch((caught: unknown) => caught);
    expect(seen).toEqual([{ id: 1 }]);
    expect(error).toBe(reason);
  });

  it('stops with the reason, without resuming, when the signal of a withOptions client aborts mid-answer', async () => {
    server = await startTestServer((_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.write('{"d":[{"id":1},');
    });
    const controller = new AbortController();
    // A long backoff: a resumption attempt after the abort would show as a slow rejection.
    const client = withOptions(createClient({ apiUrl: server.url, retryDelay: 5_000 }), { signal: controller.signal });
    const reason = new Error('stopped through the client');
    const started = Date.now();
    const error = await (async () => {
      for await (const _row of streamCollection(client, { resource: 'device' })) controller.abort(reason);
    })().catch((caught: unknown) => caught);
    expect(error).toBe(reason);
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(server.requests).toHaveLength(1);
    expect((await server.abandoned).url).toMatch(/^\/v7\/device/);
  });

  it('checks its parameters before any request', () => {
    const client = createClient({ apiUrl: 'http://127.0.0.1:9' });
    expect(() => streamCollection(client, null as never)).toThrow(InvalidParameter);
    expect(() => streamCollection(client, { resource: 'device', pageSize: 0 })).toThrow(InvalidParameter);
    expect(() => streamCollection(client, { resource: "device') or (1 eq 1" })).toThrow(InvalidParameter);
    expect(() => streamCollection(client, { resource: 'device', options: 5 as never })).toThrow(InvalidParameter);
  });
});
