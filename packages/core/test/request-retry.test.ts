import { afterEach, describe, expect, it } from 'vitest';
import {
  createClient,
  MAX_RETRY_AFTER_MS,
  NetworkError,
  type RateLimitInfo,
  RequestError,
  TimeoutError,
} from '../src/index.js';
import { parseRetryAfter } from '../src/request/retry.js';
import { sendJson, sendText, startTestServer, type TestServer } from './helpers/test-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('retries against a real server', () => {
  // Lower bounds only: the retry must not come before the server's Retry-After, and the backoff
  // (retryDelay 1 ms) alone would retry almost at once.
  it('retries a GET after a 503 with Retry-After in seconds, counting the attempts', async () => {
    const arrivals: number[] = [];
    server = await startTestServer((_request, response) => {
      arrivals.push(Date.now());
      if (arrivals.length < 3) {
        response.setHeader('retry-after', '1');
        return sendText(response, 503, 'busy');
      }
      sendJson(response, 200, { ok: true });
    });
    const client = createClient({ apiUrl: server.url, retryDelay: 1 });
    expect(await client.request('/status')).toEqual({ ok: true });
    expect(server.requests.length).toBe(3);
    expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(950);
    expect(arrivals[2]! - arrivals[1]!).toBeGreaterThanOrEqual(950);
  });

  it('honours Retry-After as an HTTP date', async () => {
    const arrivals: number[] = [];
    let retryAt = 0;
    server = await startTestServer((_request, response) => {
      arrivals.push(Date.now());
      if (arrivals.length === 1) {
        // HTTP dates have whole seconds: two seconds ahead is at least one second away.
        retryAt = Math.floor((Date.now() + 2000) / 1000) * 1000;
        response.setHeader('retry-after', new Date(retryAt).toUTCString());
        return sendText(response, 429, '');
      }
      sendJson(response, 200, 'done');
    });
    const client = createClient({ apiUrl: server.url, retryDelay: 1 });
    expect(await client.request('/limited')).toBe('done');
    expect(server.requests.length).toBe(2);
    expect(arrivals[1]!).toBeGreaterThanOrEqual(retryAt - 50);
  });

  it('parses both Retry-After forms and caps them', () => {
    const nowMs = Date.parse('2030-01-01T00:00:00Z');
    expect(parseRetryAfter('3', nowMs)).toBe(3000);
    expect(parseRetryAfter('Tue, 01 Jan 2030 00:00:05 GMT', nowMs)).toBe(5000);
    expect(parseRetryAfter('Mon, 31 Dec 2029 23:00:00 GMT', nowMs)).toBe(0);
    expect(parseRetryAfter('86400', nowMs)).toBe(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter('soon', nowMs)).toBe(undefined);
    expect(parseRetryAfter(null, nowMs)).toBe(undefined);
  });

  it('calls onRateLimit on every 429 before waiting, then gives up with a RequestError', async () => {
    server = await startTestServer((_request, response) => {
      response.setHeader('retry-after', '0');
      sendJson(response, 429, 'Too Many Requests');
    });
    const calls: RateLimitInfo[] = [];
    const client = createClient({ apiUrl: server.url, retry: 2, onRateLimit: (info) => calls.push(info) });
    const error = await client.request('/v7/device?apikey=SECRET').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).status).toBe(429);
    expect((error as RequestError).body).toBe('Too Many Requests');
    expect(server.requests.length).toBe(3);
    expect(calls.map((call) => call.attempt)).toEqual([1, 2, 3]);
    expect(calls[0]).toEqual({
      url: `${server.url}/v7/device?apikey=[REDACTED]`,
      method: 'GET',
      retryAfterMs: 0,
      attempt: 1,
    });
  });

  it('never sends a POST twice after a 500', async () => {
    server = await startTestServer((_request, response) => sendText(response, 500, ''));
    const client = createClient({ apiUrl: server.url, retryDelay: 1 });
    const error = await client
      .request('/v7/application', { method: 'POST', body: { app_name: 'x' } })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).status).toBe(500);
    expect((error as RequestError).method).toBe('POST');
    expect(server.requests.length).toBe(1);
    expect(server.requests[0]?.body).toBe('{"app_name":"x"}');
    expect(server.requests[0]?.headers['content-type']).toBe('application/json');
  });

  it('retries a POST only when the caller asks for it', async () => {
    server = await startTestServer((_request, response) =>
      server!.requests.length < 2 ? sendText(response, 502, '') : sendJson(response, 201, { id: 1 }),
    );
    const client = createClient({ apiUrl: server.url, retryDelay: 1 });
    expect(await client.request('/v7/application', { method: 'POST', body: {}, retry: 1 })).toEqual({ id: 1 });
    expect(server.requests.length).toBe(2);
  });

  it('retries a GET whose connection drops mid-response', async () => {
    server = await startTestServer((_request, response, raw) => {
      if (server!.requests.length === 1) {
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
        response.write('{"d":[{"id":1},');
        setTimeout(() => raw.socket.destroy(), 20);
        return;
      }
      sendJson(response, 200, { d: [{ id: 1 }] });
    });
    const client = createClient({ apiUrl: server.url, retryDelay: 1 });
    expect(await client.request('/v7/device')).toEqual({ d: [{ id: 1 }] });
    expect(server.requests.length).toBe(2);
  });

  it('gives a NetworkError once the retries of a dropped connection are spent', async () => {
    server = await startTestServer((_request, _response, raw) => {
      raw.socket.destroy();
    });
    const client = createClient({ apiUrl: server.url, retry: 1, retryDelay: 1 });
    const error = await client.request('/v7/device').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).code).toBe('NetworkError');
    expect((error as NetworkError).cause).toBeDefined();
    expect(server.requests.length).toBe(2);
  });

  it('does not retry a 400', async () => {
    server = await startTestServer((_request, response) => sendJson(response, 400, 'A version is required.'));
    const client = createClient({ apiUrl: server.url, retryDelay: 1 });
    const error = await client.request('/download-config').catch((caught: unknown) => caught);
    expect((error as RequestError).status).toBe(400);
    expect((error as RequestError).body).toBe('A version is required.');
    expect(server.requests.length).toBe(1);
  });
});

describe('timeouts and aborts against a real server', () => {
  it('aborts a request that takes longer than its timeout: the server sees the socket closed', async () => {
    server = await startTestServer(() => {
      // Never answers.
    });
    const client = createClient({ apiUrl: server.url, timeout: 100, retry: 0 });
    const error = await client.request('/slow').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).message).toContain('timed out after 100 ms');
    const abandoned = await server.abandoned;
    expect(abandoned.url).toBe('/slow');
  });

  it('retries a timed-out GET, then gives a TimeoutError', async () => {
    server = await startTestServer(() => {});
    const client = createClient({ apiUrl: server.url, timeout: 50, retry: 2, retryDelay: 1 });
    await expect(client.request('/slow')).rejects.toBeInstanceOf(TimeoutError);
    expect(server.requests.length).toBe(3);
  });

  it("rejects with the caller's abort reason and stops the request", async () => {
    server = await startTestServer(() => {});
    const client = createClient({ apiUrl: server.url, retry: 3 });
    const controller = new AbortController();
    const pending = client.request('/slow', { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user cancelled')), 50);
    await expect(pending).rejects.toThrow('user cancelled');
    expect((await server.abandoned).url).toBe('/slow');
    expect(server.requests.length).toBe(1);
  });

  it('rejects at once with an already aborted signal', async () => {
    server = await startTestServer((_request, response) => sendJson(response, 200, {}));
    const client = createClient({ apiUrl: server.url });
    const error = await client
      .request('/x', { signal: AbortSignal.abort() })
      .catch((caught: unknown) => caught as DOMException);
    expect((error as DOMException).name).toBe('AbortError');
    expect(server.requests.length).toBe(0);
  });

  it('stops waiting between retries when the caller aborts', async () => {
    server = await startTestServer((_request, response) => {
      response.setHeader('retry-after', '30');
      sendText(response, 503, '');
    });
    const client = createClient({ apiUrl: server.url });
    const controller = new AbortController();
    const pending = client.request('/busy', { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('stop')), 100);
    await expect(pending).rejects.toThrow('stop');
    expect(server.requests.length).toBe(1);
  });
});
