// The request layer at its edges, against a real server: the messages of its refusals, bodies and
// headers it must leave alone, which answers count as redirects, what a failed connection is
// reported as, what the hooks are told, the token replay, and the timers it leaves behind.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createClient,
  createMemoryStorage,
  ExpiredToken,
  InvalidParameter,
  MalformedToken,
  NetworkError,
  NotLoggedIn,
  RedirectRefused,
  RequestError,
  type RequestErrorHookContext,
  RequestHookError,
  TimeoutError,
} from '../src/index.js';
import { makeJwt, nowSeconds, sendJson, sendText, startTestServer, type TestServer } from './helpers/test-server.js';

const servers: TestServer[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(handler: Parameters<typeof startTestServer>[0]): Promise<TestServer> {
  const server = await startTestServer(handler);
  servers.push(server);
  return server;
}

function failureOf(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: Error) => error,
  );
}

const echo = (request: { method: string; url: string; headers: Record<string, unknown>; body: string }) => ({
  method: request.method,
  url: request.url,
  contentType: request.headers['content-type'] ?? null,
  body: request.body,
});

describe('what a request sends', () => {
  it('adds no text/plain content type to a string body whose caller set one, in any case', async () => {
    const server = await serve((request, response) => sendJson(response, 200, echo(request)));
    const client = createClient({ apiUrl: server.url, storage: createMemoryStorage() });
    const answer = await client.request('/raw', {
      method: 'POST',
      body: '{"a":1}',
      headers: { 'content-type': 'application/json' },
    });
    expect(answer).toMatchObject({ contentType: 'application/json', body: '{"a":1}' });
  });

  it('sends a null body as no body, and a path without its leading slash, a query after its own', async () => {
    const server = await serve((request, response) => sendJson(response, 200, echo(request)));
    const client = createClient({ apiUrl: server.url, storage: createMemoryStorage() });
    expect(await client.request('ping', { method: 'POST', body: null as never })).toMatchObject({
      url: '/ping',
      body: '',
    });
    expect(await client.request('/list?a=1', { query: { b: 2 } })).toMatchObject({ url: '/list?a=1&b=2' });
    expect(await client.request('/based', { baseUrl: `${server.url}//` })).toMatchObject({ url: '/based' });
  });

  it('refuses a body JSON cannot carry in an array or an object without prototype, naming "body"', async () => {
    const server = await serve((_request, response) => sendJson(response, 200, 'ok'));
    const client = createClient({ apiUrl: server.url, storage: createMemoryStorage() });
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { n: 1n });
    for (const body of [[1n], bare]) {
      const error = await failureOf(client.request('/write', { method: 'POST', body: body as never }));
      expect(error).toBeInstanceOf(InvalidParameter);
      expect(error).toMatchObject({ parameter: 'body' });
      expect(error.message).toContain('cannot be sent as JSON: ');
    }
    expect(server.requests).toHaveLength(0);
  });

  it('says what a path should be when it refuses one', async () => {
    const error = await failureOf(createClient().request('' as never));
    expect(error.message).toContain('expected a path such as /v7/device, or an absolute URL');
  });
});

describe('answers', () => {
  it('keeps a JSON answer as text when the caller asks for text', async () => {
    const server = await serve((_request, response) => sendJson(response, 200, { a: 1 }));
    const client = createClient({ apiUrl: server.url, storage: createMemoryStorage() });
    expect(await client.request('/json', { responseType: 'text' })).toBe('{"a":1}');
  });

  it('gives an error answer without a body no body, and an empty text body as it is', async () => {
    const server = await serve((_request, response) => sendText(response, 400, ''));
    const client = createClient({ apiUrl: server.url, retry: 0 });
    const error = await failureOf(client.request('/v7/device'));
    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).body).toBeUndefined();
  });

  it('keeps the first 1,000 characters of a JSON answer that does not parse', async () => {
    const server = await serve((_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(`{${'x'.repeat(1_500)}`);
    });
    const client = createClient({ apiUrl: server.url, storage: createMemoryStorage() });
    const error = (await failureOf(client.request('/garbage'))) as RequestError;
    expect(error).toBeInstanceOf(RequestError);
    expect(error.body).toBe(`{${'x'.repeat(999)}`);
  });
});

describe('redirects of a write', () => {
  it('takes a 201 with a Location (a created row) and a 400 with one as the answers they are', async () => {
    const server = await serve((request, response) => {
      response.setHeader('location', '/v7/device(1)');
      sendJson(response, request.url === '/created' ? 201 : 400, request.url === '/created' ? { id: 1 } : 'bad');
    });
    const client = createClient({ apiUrl: server.url, storage: createMemoryStorage() });
    expect(await client.request('/created', { method: 'POST', body: {} })).toEqual({ id: 1 });
    const error = await failureOf(client.request('/refused', { method: 'POST', body: {} }));
    expect(error).toBeInstanceOf(RequestError);
    expect(error).toMatchObject({ status: 400 });
  });

  it.each([300, 399])('refuses a %i with a Location, saying why', async (status) => {
    const server = await serve((_request, response) => {
      response.statusCode = status;
      response.setHeader('location', '/elsewhere');
      response.end();
    });
    const client = createClient({ apiUrl: server.url, storage: createMemoryStorage() });
    const error = await failureOf(client.request('/write', { method: 'POST', body: {} }));
    expect(error).toBeInstanceOf(RedirectRefused);
    expect(error.message).toBe(
      `POST ${server.url}/write was redirected (${status}) to ${server.url}/elsewhere: a write does not follow ` +
        'redirects, which would resend its body or turn it into a GET',
    );
  });

  // What a browser's fetch answers in 'manual' mode: a redirect whose status and target are hidden.
  it('refuses an opaque redirect (a browser in manual mode)', async () => {
    const server = await serve((_request, response) => sendJson(response, 200, 'ok'));
    const browserLike: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      Object.defineProperty(response, 'type', { value: 'opaqueredirect' });
      return response;
    };
    const client = createClient({ apiUrl: server.url, storage: createMemoryStorage(), fetch: browserLike });
    const error = await failureOf(client.request('/write', { method: 'PATCH', body: {} }));
    expect(error).toBeInstanceOf(RedirectRefused);
    expect(error.message).toBe(`PATCH ${server.url}/write was redirected: a write does not follow redirects`);
  });

  it('names the other origin a read was redirected to', async () => {
    const elsewhere = await serve((_request, response) => sendJson(response, 200, 'elsewhere'));
    const api = await serve((_request, response) => {
      response.statusCode = 302;
      response.setHeader('location', `${elsewhere.url}/there?token=SECRET`);
      response.end();
    });
    const client = createClient({ apiUrl: api.url, storage: createMemoryStorage() });
    const error = await failureOf(client.request('/here'));
    expect(error.message).toBe(
      `GET ${api.url}/here was redirected to ${elsewhere.url}/there?token=[REDACTED], another origin: its answer was not used`,
    );
  });
});

describe('a connection that fails', () => {
  it('names the address, without repeating the code already in the text', async () => {
    const closed = await startTestServer(() => {});
    const url = closed.url;
    await closed.close();
    const error = (await failureOf(createClient({ apiUrl: url, retry: 0 }).request('/ping'))) as NetworkError;
    expect(error.message).toBe(`GET ${url}/ping failed: connect ECONNREFUSED ${url.replace('http://', '')}`);
  });

  // A fetch that fails the way platforms do: an empty message, a code only on an inner error.
  it.each([
    ['an empty message and no code', () => new TypeError(''), 'connection failed', undefined],
    ['an empty message and a code', () => Object.assign(new Error(''), { code: 'EPIPE' }), 'EPIPE', 'EPIPE'],
    [
      'an AggregateError of one refused address',
      () => new AggregateError([Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })], ''),
      'ECONNREFUSED',
      'ECONNREFUSED',
    ],
    [
      'an empty code over a cause that has one',
      () => {
        const inner = Object.assign(new Error('inner'), { code: 'ECONNRESET' });
        return new TypeError('fetch failed', {
          cause: Object.assign(new Error('reset', { cause: inner }), { code: '' }),
        });
      },
      'reset (ECONNRESET)',
      'ECONNRESET',
    ],
    [
      'an error that is its own cause',
      () => {
        const error = new Error('loop') as Error & { cause?: unknown };
        error.cause = error;
        return error;
      },
      'loop',
      undefined,
    ],
    ['a rejection with no error at all', () => null, 'null', undefined],
  ])('reports %s', async (_label, thrown, reason, networkCode) => {
    const failing: typeof fetch = async () => {
      throw thrown();
    };
    const client = createClient({ apiUrl: 'http://127.0.0.1:9', retry: 0, fetch: failing });
    const error = (await failureOf(client.request('/ping'))) as NetworkError;
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toBe(`GET http://127.0.0.1:9/ping failed: ${reason}`);
    expect(error.networkCode).toBe(networkCode);
  });

  it("keeps the attempt's own timeout as the cause of a TimeoutError", async () => {
    const server = await serve(() => {});
    const client = createClient({ apiUrl: server.url, retry: 0, timeout: 30 });
    const error = await failureOf(client.request('/slow'));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.cause).toMatchObject({ name: 'TimeoutError', message: 'The request timed out' });
  });
});

describe('what the hooks are told', () => {
  function recording(): {
    hooks: Record<string, (context: RequestErrorHookContext) => void>;
    seen: RequestErrorHookContext[];
  } {
    const seen: RequestErrorHookContext[] = [];
    const record = (context: RequestErrorHookContext) => {
      seen.push(context);
    };
    return { hooks: { onRequestError: record, onResponseError: record }, seen };
  }

  it('durations from the attempt, and the first backoff drawn from retryDelay (not half of it)', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const server = await serve((request, response) => {
      if (request.url === '/drop' && server.requests.filter((each) => each.url === '/drop').length === 1) {
        response.socket?.destroy();
        return;
      }
      if (request.url === '/busy' && server.requests.filter((each) => each.url === '/busy').length === 1) {
        return sendText(response, 503, '');
      }
      sendJson(response, 200, 'ok');
    });
    const { hooks, seen } = recording();
    const client = createClient({ apiUrl: server.url, storage: createMemoryStorage(), retryDelay: 40, hooks });
    expect(await client.request('/drop')).toBe('ok');
    expect(await client.request('/busy')).toBe('ok');
    expect(seen.map(({ status, willRetry, retryDelayMs }) => ({ status, willRetry, retryDelayMs }))).toEqual([
      { status: undefined, willRetry: true, retryDelayMs: 20 },
      { status: 503, willRetry: true, retryDelayMs: 20 },
    ]);
    for (const { durationMs } of seen) {
      expect(durationMs).toBeGreaterThanOrEqual(0);
      expect(durationMs).toBeLessThan(5_000);
    }
  });

  it('doubles the backoff on each retry: its exponent counts the retries made', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const server = await serve((request, response) => {
      if (server.requests.length <= 3) return sendText(response, 503, '');
      sendJson(response, 200, 'ok');
    });
    const { hooks, seen } = recording();
    const client = createClient({
      apiUrl: server.url,
      storage: createMemoryStorage(),
      retryDelay: 40,
      retry: 3,
      hooks,
    });
    expect(await client.request('/busy')).toBe('ok');
    expect(seen.map(({ retryDelayMs }) => retryDelayMs)).toEqual([20, 40, 80]);
  });

  it("nothing of a caller's abort, whatever its reason; the deadline's end with its duration", async () => {
    const server = await serve(() => {});
    const { hooks, seen } = recording();
    const client = createClient({ apiUrl: server.url, storage: createMemoryStorage(), hooks });
    for (const reason of [new Error('mine'), new TimeoutError('my own timeout')]) {
      const controller = new AbortController();
      const call = client.request('/hang', { signal: controller.signal });
      setTimeout(() => controller.abort(reason), 20);
      expect(await failureOf(call)).toBe(reason);
    }
    expect(seen).toHaveLength(0);
    expect(await failureOf(client.request('/hang', { deadline: 50 }))).toBeInstanceOf(TimeoutError);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.durationMs).toBeGreaterThanOrEqual(0);
    expect(seen[0]?.durationMs).toBeLessThan(5_000);
  });

  it('onRateLimit only of a 429, not of a 503', async () => {
    const server = await serve((_request, response) => sendText(response, 503, ''));
    const limits: unknown[] = [];
    const client = createClient({ apiUrl: server.url, retry: 0, onRateLimit: (info) => limits.push(info) });
    await failureOf(client.request('/busy'));
    expect(limits).toHaveLength(0);
  });

  it('with a status 400, only by onResponseError', async () => {
    const server = await serve((_request, response) => sendText(response, 400, 'bad'));
    const lines: string[] = [];
    const client = createClient({ apiUrl: server.url, debug: (line) => lines.push(line) });
    await failureOf(client.request('/bad'));
    expect(lines.map((line) => line.replace(/\d+ ms/, 'N ms'))).toEqual([
      `balena-ts GET ${server.url}/bad -> 400 in N ms (attempt 1): failed: RequestError: Request failed: GET ${server.url}/bad answered 400: bad`,
    ]);
  });

  it("the deadline's Retry-After refusal after two attempts, in the plural", async () => {
    const server = await serve((_request, response) => {
      response.setHeader('retry-after', server.requests.length === 1 ? '0' : '30');
      sendText(response, 503, '');
    });
    const client = createClient({ apiUrl: server.url, storage: createMemoryStorage(), deadline: 5_000 });
    const error = await failureOf(client.request('/busy'));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toMatch(
      /^GET http:\/\/127\.0\.0\.1:\d+\/busy answered 503 and asked to wait 30,000 ms \(Retry-After\), past its deadline of 5,000 ms: gave up after 2 attempts in \d+ ms$/,
    );
  });
});

describe('credentials', () => {
  const OLD = makeJwt({ id: 1, iat: nowSeconds() - 10, exp: nowSeconds() + 86_400, generation: 'old' });
  const NEW = makeJwt({ id: 1, iat: nowSeconds(), exp: nowSeconds() + 86_400, generation: 'new' });
  const EXPIRED = makeJwt({ id: 1, iat: nowSeconds() - 90_000, exp: nowSeconds() - 3_600 });

  it('refuses a token with a line break by a message that says what to do', async () => {
    const error = await failureOf(createClient().request('/ping', { token: 'abc\ndef' }));
    expect(error).toBeInstanceOf(MalformedToken);
    expect(error.message).toBe(
      'The credential cannot be sent: it holds characters an HTTP header cannot carry (a line break, or a corrupt ' +
        'token file): log in again or set a valid API key',
    );
  });

  it('says "log in again" for a missing or expired session', async () => {
    const server = await serve((request, response) =>
      request.url === '/user/v1/refresh-token' ? sendText(response, 401, '') : sendText(response, 401, ''),
    );
    const client = createClient({ apiUrl: server.url, storage: createMemoryStorage() });
    const missing = await failureOf(client.request('/ping'));
    expect(missing).toBeInstanceOf(NotLoggedIn);
    expect(missing.message).toBe('Not logged in: this request needs a credential');
    const expired = await failureOf(client.request('/ping', { token: EXPIRED }));
    expect(expired).toBeInstanceOf(ExpiredToken);
    expect(expired.message).toBe('The session token has expired: log in again');
    await client.tokens.set(EXPIRED);
    const stored = await failureOf(client.request('/ping'));
    expect(stored).toBeInstanceOf(ExpiredToken);
    expect(stored.message).toBe('The session token has expired and could not be refreshed: log in again');
  });

  it('replays a 401 with the token stored meanwhile, without a refresh request', async () => {
    const server = await serve(async (request, response) => {
      if (request.headers.authorization === `Bearer ${NEW}`) return sendJson(response, 200, 'ok');
      // Another login stored a new session while this request was on its way.
      await client.tokens.set(NEW);
      sendText(response, 401, '');
    });
    const client = createClient({ apiUrl: server.url, storage: createMemoryStorage() });
    await client.tokens.set(OLD);
    expect(await client.request('/ping')).toBe('ok');
    expect(server.requests.map((request) => request.url)).toEqual(['/ping', '/ping']);
  });

  it('does not replay a 401 when the refresh gives back the same token', async () => {
    const server = await serve((request, response) =>
      request.url === '/user/v1/refresh-token' ? sendText(response, 200, OLD) : sendText(response, 401, ''),
    );
    const client = createClient({ apiUrl: server.url, storage: createMemoryStorage() });
    await client.tokens.set(OLD);
    const error = await failureOf(client.request('/ping'));
    expect(error).toMatchObject({ status: 401 });
    expect(server.requests.map((request) => request.url)).toEqual(['/ping', '/user/v1/refresh-token']);
  });
});

describe('timers', () => {
  // A timer left running (the call's deadline: a minute) would keep a script from exiting.
  it('leaves none running once a call is over', async () => {
    const server = await serve((_request, response) => sendJson(response, 200, 'ok'));
    const client = createClient({ apiUrl: server.url, storage: createMemoryStorage() });
    const timers = () => process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;
    await client.request('/warm-up');
    const before = timers();
    for (let call = 0; call < 5; call++) expect(await client.request('/ping')).toBe('ok');
    expect(timers()).toBeLessThanOrEqual(before);
    // A hook that throws ends the call before the attempt's own timer is stopped by the answer.
    const throwing = createClient({
      apiUrl: server.url,
      storage: createMemoryStorage(),
      hooks: {
        onResponse: () => {
          throw new Error('no');
        },
      },
    });
    for (let call = 0; call < 5; call++)
      expect(await failureOf(throwing.request('/ping'))).toBeInstanceOf(RequestHookError);
    expect(timers()).toBeLessThanOrEqual(before);
  });
});
