import { afterEach, describe, expect, it } from 'vitest';
import { createClient, InvalidParameter, NotLoggedIn, RequestError } from '../src/index.js';
import { sendJson, sendText, startTestServer, type TestServer } from './helpers/test-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('request bodies and answers', () => {
  it('turns a garbage JSON body into a RequestError that keeps the text', async () => {
    server = await startTestServer((_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end('{"d": [ not json');
    });
    const client = createClient({ apiUrl: server.url });
    const error = await client.request('/v7/device').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).status).toBe(200);
    expect((error as RequestError).body).toBe('{"d": [ not json');
    expect((error as RequestError).message).toContain('Invalid JSON');
    expect((error as RequestError).cause).toBeInstanceOf(SyntaxError);
    expect(server.requests.length).toBe(1);
  });

  it('answers undefined for an empty body (PATCH/DELETE answer 200 with nothing)', async () => {
    server = await startTestServer((_request, response) => {
      response.statusCode = 200;
      response.end();
    });
    const client = createClient({ apiUrl: server.url });
    expect(await client.request('/v7/device(1)', { method: 'PATCH', body: { note: 'x' } })).toBe(undefined);
    expect(await client.request('/v7/device(1)', { method: 'DELETE' })).toBe(undefined);
  });

  it('reads text answers as text (the JWT of /login_) and sends string bodies as they are', async () => {
    server = await startTestServer((request, response) => sendText(response, 200, `echo:${request.body}`));
    const client = createClient({ apiUrl: server.url });
    expect(await client.request('/login_', { method: 'POST', body: 'raw text', auth: false })).toBe('echo:raw text');
    expect(server.requests[0]?.headers['content-type']).toBe('text/plain;charset=UTF-8');
    expect(await client.request('/x', { responseType: 'text', method: 'POST', body: '{"a":1}' })).toBe('echo:{"a":1}');
  });

  it('parses JSON on request even without a JSON content type, and a JSON string body', async () => {
    server = await startTestServer((request, response) =>
      request.url === '/key' ? sendJson(response, 200, 'abcdef') : sendText(response, 200, '{"a":1}'),
    );
    const client = createClient({ apiUrl: server.url });
    expect(await client.request('/forced', { responseType: 'json' })).toEqual({ a: 1 });
    expect(await client.request('/key')).toBe('abcdef');
  });

  it('gives a RequestError with the parsed body, status, method and redacted URL', async () => {
    server = await startTestServer((_request, response) =>
      sendJson(response, 409, '"application" and "tag_key" must be unique.'),
    );
    const client = createClient({ apiUrl: server.url, apiKey: 'k' });
    const error = (await client
      .request('/v7/application_tag?token=SECRETVALUE', { method: 'POST', body: {} })
      .catch((caught: unknown) => caught)) as RequestError;
    expect(error).toBeInstanceOf(RequestError);
    expect(error.status).toBe(409);
    expect(error.method).toBe('POST');
    expect(error.url).toBe(`${server.url}/v7/application_tag?token=[REDACTED]`);
    expect(error.body).toBe('"application" and "tag_key" must be unique.');
    expect(error.message).not.toContain('SECRETVALUE');
  });
});

describe('request URLs and headers', () => {
  it('sends a path+query as given and encodes only query values', async () => {
    server = await startTestServer((_request, response) => sendJson(response, 200, {}));
    const client = createClient({ apiUrl: `${server.url}/`, apiVersion: 'v7' });
    await client.request("/v7/device?$select=id,device_name&$filter=device_name eq 'a b'");
    await client.request('/device/v2/abc/logs', { query: { count: 10, start: 'a&b=c', stream: undefined } });
    expect(server.requests[0]?.url).toBe('/v7/device?$select=id,device_name&$filter=device_name%20eq%20%27a%20b%27');
    expect(server.requests[1]?.url).toBe('/device/v2/abc/logs?count=10&start=a%26b%3Dc');
  });

  it('sends the Bearer credential, the client identification and caller headers', async () => {
    server = await startTestServer((_request, response) => sendJson(response, 200, {}));
    const client = createClient({ apiUrl: server.url, apiKey: 'my-api-key', userAgent: 'tests/1' });
    await client.request('/a', { headers: { 'X-Extra': 'yes' } });
    await client.request('/b', { auth: false });
    await client.request('/c', { token: 'provisioning-key' });
    const [withKey, anonymous, withToken] = server.requests;
    expect(withKey?.headers.authorization).toBe('Bearer my-api-key');
    expect(withKey?.headers['x-balena-client']).toBe('tests/1');
    expect(withKey?.headers['x-extra']).toBe('yes');
    expect(anonymous?.headers.authorization).toBe(undefined);
    expect(withToken?.headers.authorization).toBe('Bearer provisioning-key');
  });

  it('uses baseUrl and absolute URLs instead of apiUrl', async () => {
    server = await startTestServer((_request, response) => sendJson(response, 200, { here: true }));
    const client = createClient({ apiUrl: 'http://127.0.0.1:9' });
    expect(await client.request('/v2/ping', { baseUrl: server.url })).toEqual({ here: true });
    expect(await client.request(`${server.url}/absolute`)).toEqual({ here: true });
    expect(server.requests.map((request) => request.url)).toEqual(['/v2/ping', '/absolute']);
  });

  it('gives NotLoggedIn for a 401 on a request that carried no credential', async () => {
    server = await startTestServer((_request, response) => sendText(response, 401, ''));
    const client = createClient({ apiUrl: server.url });
    const error = await client.request('/user/v1/whoami').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotLoggedIn);
    expect(((error as NotLoggedIn).cause as RequestError).status).toBe(401);
    expect(server.requests.length).toBe(1);
  });

  it('keeps a 401 on a deliberately anonymous request (auth: false) a RequestError', async () => {
    server = await startTestServer((_request, response) => sendText(response, 401, ''));
    const client = createClient({ apiUrl: server.url });
    const error = await client.request('/login_', { method: 'POST', auth: false }).catch((caught: unknown) => caught);
    expect(error).not.toBeInstanceOf(NotLoggedIn);
    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).status).toBe(401);
  });

  it('uses an injected fetch', async () => {
    const seen: string[] = [];
    const client = createClient({
      apiUrl: 'http://127.0.0.1:9',
      fetch: async (input) => {
        seen.push(String(input));
        return new Response('{"d":[]}', { headers: { 'content-type': 'application/json' } });
      },
    });
    expect(await client.pine.get({ resource: 'device' })).toEqual([]);
    expect(seen).toEqual(['http://127.0.0.1:9/v7/device']);
  });
});

describe('request.stream', () => {
  it('resolves to the raw response after the headers, outliving the timeout while the body streams', async () => {
    server = await startTestServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/x-ndjson' });
      response.write('{"message":"one"}\n');
      setTimeout(() => response.end('{"message":"two"}\n'), 200);
    });
    const client = createClient({ apiUrl: server.url, timeout: 100 });
    const response = await client.request.stream('/device/v2/u/logs', { query: { stream: 1 } });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('{"message":"one"}\n{"message":"two"}\n');
  });

  it('cancels the stream when the caller aborts', async () => {
    server = await startTestServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/x-ndjson' });
      response.write('{"message":"one"}\n');
    });
    const client = createClient({ apiUrl: server.url });
    const controller = new AbortController();
    const response = await client.request.stream('/logs', { signal: controller.signal });
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('{"message":"one"}\n');
    controller.abort(new Error('unsubscribe'));
    await expect(reader.read()).rejects.toThrow('unsubscribe');
    expect((await server.abandoned).url).toBe('/logs');
  });

  it('throws the same errors as the call form', async () => {
    server = await startTestServer((_request, response) => sendJson(response, 404, 'No device with uuid u'));
    const client = createClient({ apiUrl: server.url, apiKey: 'k' });
    const error = (await client.request.stream('/device/v2/u/logs').catch((caught: unknown) => caught)) as RequestError;
    expect(error.status).toBe(404);
    expect(error.body).toBe('No device with uuid u');
  });

  it('refuses a body JSON cannot carry before sending anything, without retrying', async () => {
    server = await startTestServer((_request, response) => sendJson(response, 200, 'ok'));
    const client = createClient({ apiUrl: server.url, retryDelay: 1 });
    const cyclic: Record<string, unknown> = { name: 'x' };
    cyclic.self = cyclic;
    for (const body of [{ count: 10n }, cyclic]) {
      const error = await client.request('/v7/device', { method: 'PUT', body }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InvalidParameter);
      expect((error as InvalidParameter).message).toContain('cannot be sent as JSON');
    }
    expect(server.requests).toHaveLength(0);
  });
});
