import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, MalformedToken, NetworkError, RedirectRefused, redact } from '../src/index.js';
import { sendJson, startTestServer, type TestServer } from './helpers/test-server.js';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(handler: Parameters<typeof startTestServer>[0]): Promise<TestServer> {
  const server = await startTestServer(handler);
  servers.push(server);
  return server;
}

function redirectingTo(location: () => string, status: number): Parameters<typeof startTestServer>[0] {
  return (_request, response) => {
    response.statusCode = status;
    response.setHeader('location', location());
    response.end();
  };
}

describe('redirects', () => {
  it.each([307, 308])('does not resend a login password to another origin on a %i', async (status) => {
    const elsewhere = await serve((_request, response) => sendJson(response, 200, 'token-from-elsewhere'));
    const api = await serve(redirectingTo(() => `${elsewhere.url}/login_`, status));
    const client = createClient({ apiUrl: api.url });
    const error = await client
      .request('/login_', { method: 'POST', auth: false, body: { username: 'admin', password: 'hunter2' } })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RedirectRefused);
    expect((error as RedirectRefused).status).toBe(status);
    expect((error as RedirectRefused).location).toBe(`${elsewhere.url}/login_`);
    expect(elsewhere.requests).toHaveLength(0);
    expect(api.requests).toHaveLength(1);
  });

  it.each([301, 302, 303])(
    'reports a %i on a write instead of turning it into a GET that "succeeds"',
    async (status) => {
      const api = await serve((request, response) =>
        request.url === '/v7/device'
          ? redirectingTo(() => '/moved', status)(request, response, undefined as never)
          : sendJson(response, 200, { d: [] }),
      );
      const client = createClient({ apiUrl: api.url });
      const error = await client
        .request('/v7/device', { method: 'PATCH', body: { note: 'x' } })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RedirectRefused);
      expect((error as RedirectRefused).message).toContain(`PATCH ${api.url}/v7/device was redirected (${status})`);
      expect(api.requests.map((request) => `${request.method} ${request.url}`)).toEqual(['PATCH /v7/device']);
    },
  );

  it('follows a GET redirect within the origin', async () => {
    const api = await serve((request, response) =>
      request.url === '/old'
        ? redirectingTo(() => '/new', 302)(request, response, undefined as never)
        : sendJson(response, 200, { at: request.url, auth: request.headers.authorization }),
    );
    const client = createClient({ apiUrl: api.url, apiKey: 'the-key' });
    expect(await client.request('/old')).toEqual({ at: '/new', auth: 'Bearer the-key' });
  });

  it('does not use the answer of a GET redirected to another origin, and never sends it the credential', async () => {
    const elsewhere = await serve((request, response) =>
      sendJson(response, 200, { auth: request.headers.authorization ?? null }),
    );
    const api = await serve(redirectingTo(() => `${elsewhere.url}/whoami`, 302));
    const client = createClient({ apiUrl: api.url, apiKey: 'the-key', retryDelay: 1 });
    const error = await client.request('/actor/v1/whoami').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RedirectRefused);
    expect((error as RedirectRefused).location).toBe(`${elsewhere.url}/whoami`);
    // Not retried: one request to each server.
    expect(api.requests).toHaveLength(1);
    expect(elsewhere.requests.map((request) => request.headers.authorization)).toEqual([undefined]);
  });
});

describe('secrets in errors', () => {
  it('keeps credentials of the API URL out of the message, the JSON and util.inspect', async () => {
    const api = await serve((_request, response) => sendJson(response, 200, 'ok'));
    const client = createClient({ apiUrl: api.url.replace('http://', 'http://admin:hunter2@'), retry: 0 });
    const error = await client.request('/ping').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toContain('[REDACTED]@127.0.0.1');
    for (const view of [(error as Error).message, JSON.stringify(error), inspect(error, { depth: 10 })]) {
      expect(view).not.toContain('hunter2');
    }
  });

  it('refuses a token with a line break before sending it, and never shows it', async () => {
    const api = await serve((_request, response) => sendJson(response, 200, 'ok'));
    const client = createClient({ apiUrl: api.url });
    await client.tokens.set('AbCdEf\r\nsecond-half-of-the-secret');
    const error = await client.request('/ping').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MalformedToken);
    expect(api.requests).toHaveLength(0);
    for (const view of [(error as Error).message, JSON.stringify(error), inspect(error, { depth: 10 })]) {
      expect(view).not.toContain('second-half');
    }
  });

  it('redacts a quoted Bearer credential up to its closing quote, line breaks included', () => {
    expect(redact('Headers.append: "Bearer abc\r\nsecret-rest" is an invalid header value.')).toBe(
      'Headers.append: "Bearer [REDACTED]" is an invalid header value.',
    );
    expect(redact('fetch http://user:pa55@host/x failed')).toBe('fetch http://[REDACTED]@host/x failed');
  });

  it('redacts the cause that util.inspect prints', () => {
    const cause = new TypeError('Request cannot be constructed from a URL that includes credentials: http://u:p4ss@h/');
    const error = new NetworkError('failed', { cause });
    expect(inspect(error, { depth: 10 })).not.toContain('p4ss');
    expect((error.cause as Error).name).toBe('TypeError');
    const harmless = new Error('connection refused');
    expect(new NetworkError('failed', { cause: harmless }).cause).toBe(harmless);
  });
});
