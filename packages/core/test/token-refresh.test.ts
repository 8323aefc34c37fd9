import { afterEach, describe, expect, it } from 'vitest';
import { createClient, createMemoryStorage, ExpiredToken, RequestError, TOKEN_STORAGE_KEY } from '../src/index.js';
import { makeJwt, nowSeconds, sendJson, sendText, startTestServer, type TestServer } from './helpers/test-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const OLD = makeJwt({ id: 1, iat: nowSeconds() - 10, exp: nowSeconds() + 86_400, generation: 'old' });
const NEW = makeJwt({ id: 1, iat: nowSeconds(), exp: nowSeconds() + 86_400, generation: 'new' });

function countOf(path: string): number {
  return server!.requests.filter((request) => request.url === path).length;
}

describe('401: one refresh, one replay', () => {
  it('refreshes the session token once and replays the request with the new one', async () => {
    server = await startTestServer((request, response) => {
      if (request.url === '/user/v1/refresh-token') {
        return request.headers.authorization === `Bearer ${OLD}`
          ? sendText(response, 200, NEW)
          : sendText(response, 401, '');
      }
      if (request.headers.authorization === `Bearer ${NEW}`) return sendJson(response, 200, { username: 'admin' });
      sendText(response, 401, '');
    });
    const client = createClient({ apiUrl: server.url });
    await client.tokens.set(OLD);
    expect(await client.request('/actor/v1/whoami')).toEqual({ username: 'admin' });
    expect(countOf('/user/v1/refresh-token')).toBe(1);
    expect(countOf('/actor/v1/whoami')).toBe(2);
    expect(await client.storage.get(TOKEN_STORAGE_KEY)).toBe(NEW);
  });

  it('makes a second 401 final: no loop', async () => {
    server = await startTestServer((request, response) =>
      request.url === '/user/v1/refresh-token' ? sendText(response, 200, NEW) : sendText(response, 401, ''),
    );
    const client = createClient({ apiUrl: server.url });
    await client.tokens.set(OLD);
    const error = await client.request('/actor/v1/whoami').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).status).toBe(401);
    expect(countOf('/user/v1/refresh-token')).toBe(1);
    expect(countOf('/actor/v1/whoami')).toBe(2);
  });

  it('shares one refresh request between 10 concurrent 401s', async () => {
    server = await startTestServer(async (request, response) => {
      if (request.url === '/user/v1/refresh-token') {
        await new Promise((resolve) => setTimeout(resolve, 50));
        return sendText(response, 200, NEW);
      }
      if (request.headers.authorization === `Bearer ${NEW}`) return sendJson(response, 200, { url: request.url });
      sendText(response, 401, '');
    });
    const client = createClient({ apiUrl: server.url });
    await client.tokens.set(OLD);
    const answers = await Promise.all(Array.from({ length: 10 }, (_, index) => client.request(`/item/${index}`)));
    expect(answers).toEqual(Array.from({ length: 10 }, (_, index) => ({ url: `/item/${index}` })));
    expect(countOf('/user/v1/refresh-token')).toBe(1);
    expect(server.requests.length).toBe(21);
  });

  it('does not refresh or replay an API key, nor a token passed to the request', async () => {
    server = await startTestServer((_request, response) => sendText(response, 401, ''));
    const withKey = createClient({ apiUrl: server.url, apiKey: 'AbCdEf' });
    await withKey.tokens.set(OLD);
    await expect(withKey.request('/x')).rejects.toMatchObject({ status: 401 });
    const withToken = createClient({ apiUrl: server.url });
    await withToken.tokens.set(OLD);
    await expect(withToken.request('/y', { token: OLD })).rejects.toMatchObject({ status: 401 });
    expect(countOf('/user/v1/refresh-token')).toBe(0);
    expect(server.requests.length).toBe(2);
  });

  it('gives ExpiredToken for a 401 with an expired JWT that cannot be refreshed', async () => {
    const expired = makeJwt({ id: 1, iat: nowSeconds() - 90_000, exp: nowSeconds() - 3_600 });
    server = await startTestServer((_request, response) => sendText(response, 401, ''));
    const client = createClient({ apiUrl: server.url });
    await client.tokens.set(expired);
    const error = await client.request('/actor/v1/whoami').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ExpiredToken);
    expect(JSON.stringify(error)).not.toContain(expired);
  });
});

describe('token provider', () => {
  it('returns the API key option before the stored token', async () => {
    const client = createClient({ apiKey: 'the-key' });
    await client.tokens.set(OLD);
    expect(await client.tokens.get()).toBe('the-key');
  });

  it('stores, reads (trimmed) and removes the session token', async () => {
    const storage = createMemoryStorage();
    const client = createClient({ storage });
    expect(await client.tokens.get()).toBe(undefined);
    await storage.set(TOKEN_STORAGE_KEY, 'plain-api-key\n');
    expect(await client.tokens.get()).toBe('plain-api-key');
    await client.tokens.remove();
    expect(await storage.get(TOKEN_STORAGE_KEY)).toBe(undefined);
  });

  it('refreshes a JWT older than tokenRefreshInterval before using it', async () => {
    const aged = makeJwt({ id: 1, iat: nowSeconds() - 7_200, exp: nowSeconds() + 86_400 });
    server = await startTestServer((request, response) =>
      request.url === '/user/v1/refresh-token' ? sendText(response, 200, NEW) : sendJson(response, 200, {}),
    );
    const client = createClient({ apiUrl: server.url });
    await client.tokens.set(aged);
    await client.request('/a');
    expect(server.requests.map((request) => request.url)).toEqual(['/user/v1/refresh-token', '/a']);
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${aged}`);
    expect(server.requests[1]?.headers.authorization).toBe(`Bearer ${NEW}`);
  });

  it('refreshes a JWT within five minutes of its expiry', async () => {
    const expiring = makeJwt({ id: 1, iat: nowSeconds() - 60, exp: nowSeconds() + 120 });
    server = await startTestServer((request, response) =>
      request.url === '/user/v1/refresh-token' ? sendText(response, 200, NEW) : sendJson(response, 200, {}),
    );
    const client = createClient({ apiUrl: server.url });
    await client.tokens.set(expiring);
    expect(await client.tokens.get()).toBe(NEW);
  });

  it('ignores a failed refresh, uses the old token and does not ask again on the next request', async () => {
    const aged = makeJwt({ id: 1, iat: nowSeconds() - 7_200, exp: nowSeconds() + 86_400 });
    server = await startTestServer((request, response) =>
      request.url === '/user/v1/refresh-token' ? sendText(response, 500, '') : sendJson(response, 200, {}),
    );
    const client = createClient({ apiUrl: server.url, retry: 0 });
    await client.tokens.set(aged);
    await client.request('/a');
    await client.request('/b');
    expect(server.requests.map((request) => request.url)).toEqual(['/user/v1/refresh-token', '/a', '/b']);
    expect(server.requests[1]?.headers.authorization).toBe(`Bearer ${aged}`);
  });

  it('accepts a refreshed token sent as a JSON string', async () => {
    server = await startTestServer((_request, response) => sendJson(response, 200, NEW));
    const client = createClient({ apiUrl: server.url });
    await client.tokens.set(OLD);
    expect(await client.tokens.refresh()).toBe(NEW);
    expect(await client.storage.get(TOKEN_STORAGE_KEY)).toBe(NEW);
  });

  it('refresh(): shares one in-flight request and leaves API keys alone', async () => {
    server = await startTestServer(async (_request, response) => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      sendText(response, 200, NEW);
    });
    const client = createClient({ apiUrl: server.url });
    await client.tokens.set(OLD);
    const results = await Promise.all([client.tokens.refresh(), client.tokens.refresh(), client.tokens.refresh()]);
    expect(results).toEqual([NEW, NEW, NEW]);
    expect(server.requests.length).toBe(1);
    await client.tokens.set('not-a-jwt-api-key');
    expect(await client.tokens.refresh()).toBe(undefined);
    expect(server.requests.length).toBe(1);
  });
});

describe('a refresh that hangs', () => {
  const STALE = makeJwt({ id: 1, iat: nowSeconds() - 3 * 86_400, exp: nowSeconds() + 86_400, generation: 'stale' });

  function hangingRefresh(): Promise<TestServer> {
    return startTestServer((request, response) => {
      // The refresh never answers; everything else is refused as with an outdated token.
      if (request.url === '/user/v1/refresh-token') return;
      sendText(response, 401, '');
    });
  }

  it('lets the caller abort the wait for a refresh before the request (the request is never sent)', async () => {
    server = await hangingRefresh();
    const client = createClient({ apiUrl: server.url });
    await client.tokens.set(STALE);
    const controller = new AbortController();
    const call = client.request('/actor/v1/whoami', { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('left the page')), 100);
    await expect(call).rejects.toThrow('left the page');
    expect(countOf('/user/v1/refresh-token')).toBe(1);
    expect(countOf('/actor/v1/whoami')).toBe(0);
  });

  it('lets the caller abort the wait for the refresh after a 401', async () => {
    server = await hangingRefresh();
    const client = createClient({ apiUrl: server.url });
    await client.tokens.set(OLD);
    const controller = new AbortController();
    const call = client.request('/actor/v1/whoami', { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user cancelled')), 100);
    await expect(call).rejects.toThrow('user cancelled');
    expect(countOf('/actor/v1/whoami')).toBe(1);
    expect(countOf('/user/v1/refresh-token')).toBe(1);
  });
});
