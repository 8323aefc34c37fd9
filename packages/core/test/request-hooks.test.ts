import { afterEach, describe, expect, it } from 'vitest';
import {
  createClient,
  InvalidOption,
  NetworkError,
  RequestError,
  type RequestErrorHookContext,
  RequestHookError,
  type ResponseHookContext,
} from '../src/index.js';
import { makeJwt, nowSeconds, sendJson, sendText, startTestServer, type TestServer } from './helpers/test-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('request hooks (client option) against a real server', () => {
  it('onRequest adds a header the server sees, and never sees the credential', async () => {
    server = await startTestServer((request, response) =>
      sendJson(response, 200, { seen: request.headers['x-trace'] }),
    );
    const seenHeaders: string[][] = [];
    const client = createClient({
      apiUrl: server.url,
      hooks: {
        onRequest: async ({ headers, attempt }) => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          seenHeaders.push([...headers.keys()]);
          headers.set('X-Trace', `trace-${attempt}`);
        },
      },
    });
    await client.tokens.set('AbCdEfGhIjKlMnOpQrStUvWxYz012345');
    expect(await client.request('/ping')).toEqual({ seen: 'trace-1' });
    expect(server.requests[0]?.headers.authorization).toBe('Bearer AbCdEfGhIjKlMnOpQrStUvWxYz012345');
    expect(seenHeaders[0]).toContain('x-balena-client');
    expect(seenHeaders[0]).not.toContain('authorization');
  });

  it('onResponse sees every answer with its status, attempt and duration', async () => {
    server = await startTestServer(async (_request, response) => {
      await new Promise((resolve) => setTimeout(resolve, 40));
      if (server!.requests.length === 1) return sendText(response, 503, 'busy');
      sendJson(response, 200, { ok: true });
    });
    const responses: ResponseHookContext[] = [];
    const client = createClient({
      apiUrl: server.url,
      retryDelay: 1,
      hooks: { onResponse: (context) => void responses.push(context) },
    });
    await client.request('/v7/device?apikey=SECRET');
    expect(responses.map(({ status, attempt, method }) => ({ status, attempt, method }))).toEqual([
      { status: 503, attempt: 1, method: 'GET' },
      { status: 200, attempt: 2, method: 'GET' },
    ]);
    expect(responses[0]?.url).toBe(`${server.url}/v7/device?apikey=[REDACTED]`);
    expect(responses[1]?.responseHeaders.get('content-type')).toContain('application/json');
    for (const { durationMs } of responses) {
      expect(durationMs).toBeGreaterThanOrEqual(35);
      expect(durationMs).toBeLessThan(5_000);
    }
  });

  it('onResponseError sees the typed error and whether it will retry', async () => {
    server = await startTestServer((_request, response) => sendJson(response, 500, 'boom'));
    const errors: RequestErrorHookContext[] = [];
    const client = createClient({
      apiUrl: server.url,
      retry: 1,
      retryDelay: 1,
      hooks: { onResponseError: (context) => void errors.push(context) },
    });
    const thrown = await client.request('/x').catch((caught: unknown) => caught);
    expect(errors.map(({ status, willRetry, attempt }) => ({ status, willRetry, attempt }))).toEqual([
      { status: 500, willRetry: true, attempt: 1 },
      { status: 500, willRetry: false, attempt: 2 },
    ]);
    expect(errors[1]?.error).toBeInstanceOf(RequestError);
    expect(errors[1]?.error).toBe(thrown);
    expect((errors[0]!.error as RequestError).body).toBe('boom');
  });

  it('onResponseError is told of the 401 replayed after a token refresh', async () => {
    const old = makeJwt({ id: 1, iat: nowSeconds() - 10, exp: nowSeconds() + 86_400, generation: 'old' });
    const fresh = makeJwt({ id: 1, iat: nowSeconds(), exp: nowSeconds() + 86_400, generation: 'new' });
    server = await startTestServer((request, response) => {
      if (request.url === '/user/v1/refresh-token') return sendText(response, 200, fresh);
      if (request.headers.authorization === `Bearer ${fresh}`) return sendJson(response, 200, 'ok');
      sendText(response, 401, '');
    });
    const seen: { status: number | undefined; willRetry: boolean; attempt: number; url: string }[] = [];
    const client = createClient({
      apiUrl: server.url,
      hooks: {
        onResponseError: ({ status, willRetry, attempt, url }) => void seen.push({ status, willRetry, attempt, url }),
      },
    });
    await client.tokens.set(old);
    expect(await client.request('/actor/v1/whoami', { method: 'POST' })).toBe('ok');
    expect(seen).toEqual([{ status: 401, willRetry: true, attempt: 1, url: `${server.url}/actor/v1/whoami` }]);
  });

  it('onRequestError sees a NetworkError when the connection drops', async () => {
    server = await startTestServer((_request, _response, raw) => {
      raw.socket.destroy();
    });
    const errors: RequestErrorHookContext[] = [];
    const client = createClient({
      apiUrl: server.url,
      retry: 1,
      retryDelay: 1,
      hooks: { onRequestError: (context) => void errors.push(context) },
    });
    const thrown = await client.request('/x').catch((caught: unknown) => caught);
    expect(thrown).toBeInstanceOf(NetworkError);
    expect(errors.map(({ willRetry, status, attempt }) => ({ willRetry, status, attempt }))).toEqual([
      { willRetry: true, status: undefined, attempt: 1 },
      { willRetry: false, status: undefined, attempt: 2 },
    ]);
    expect(errors[1]?.error).toBe(thrown);
  });

  it('a throwing hook stops the request with a RequestHookError, not retried', async () => {
    server = await startTestServer((_request, response) => sendJson(response, 200, 'ok'));
    const failure = new Error('metrics backend down');
    const client = createClient({
      apiUrl: server.url,
      hooks: {
        onResponse: async () => {
          throw failure;
        },
      },
    });
    const thrown = await client.request('/x?token=SECRET').catch((caught: unknown) => caught);
    expect(thrown).toBeInstanceOf(RequestHookError);
    expect((thrown as RequestHookError).message).toBe(
      `The onResponse hook of GET ${server.url}/x?token=[REDACTED] threw: metrics backend down`,
    );
    expect((thrown as RequestHookError).cause).toBe(failure);
    expect(server.requests).toHaveLength(1);

    const beforeSending = createClient({
      apiUrl: server.url,
      hooks: {
        onRequest: () => {
          throw new Error('no');
        },
      },
    });
    await expect(beforeSending.request('/y')).rejects.toBeInstanceOf(RequestHookError);
    expect(server.requests).toHaveLength(1);
  });

  it('refuses a hook that is not a function', () => {
    expect(() => createClient({ hooks: { onRequest: 'log' as never } })).toThrow(InvalidOption);
    expect(() => createClient({ hooks: 42 as never })).toThrow(/"hooks"/);
  });
});
