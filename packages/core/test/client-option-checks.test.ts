// createClient's and withOptions' refusals by their whole message (the option named and the reason
// are what a caller reads to fix the call), the keys they leave out, and how a derived client's
// signals and deadline behave at their edges.
import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type Client,
  createClient,
  createMemoryStorage,
  InvalidOption,
  InvalidParameter,
  TimeoutError,
  withOptions,
} from '../src/index.js';
import { sendJson, startTestServer, type TestServer } from './helpers/test-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
  await server?.close();
  server = undefined;
});

function refusal(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a refusal');
}

const noop = async (): Promise<undefined> => undefined;

describe('createClient refuses', () => {
  it.each([
    [{ hooks: 'log' }, 'Invalid option "hooks": expected an object'],
    [{ hooks: null }, 'Invalid option "hooks": expected an object'],
    [{ hooks: { onResponse: 1 } }, 'Invalid option "hooks.onResponse": expected a function'],
    [{ apiUrl: { href: 'http://127.0.0.1' } }, 'Invalid option "apiUrl": expected a URL string'],
    [{ apiUrl: 'ftp://example.com' }, 'Invalid option "apiUrl": ftp://example.com is not an http(s) URL'],
    [{ dashboardUrl: 'nowhere' }, 'Invalid option "dashboardUrl": nowhere is not a URL'],
    [{ debug: 'yes' }, 'Invalid option "debug": expected a function'],
    [{ apiVersion: 'v7/../x' }, 'Invalid option "apiVersion": v7/../x'],
    [{ retry: -1 }, 'Invalid option "retry": -1 (expected a number >= 0)'],
    [{ timeout: 0 }, 'Invalid option "timeout": 0 (expected a number >= 1)'],
    [{ deadline: Number.NaN }, 'Invalid option "deadline": NaN (expected a number >= 1)'],
    [{ retryDelay: -5 }, 'Invalid option "retryDelay": -5 (expected a number >= 0)'],
    [{ requestBatchSize: 0 }, 'Invalid option "requestBatchSize": 0 (expected a number >= 1)'],
    [{ tokenRefreshInterval: '60' }, 'Invalid option "tokenRefreshInterval": 60 (expected a number >= 0)'],
    [{ storage: { get: noop } }, 'Invalid option "storage": expected a KeyValueStorage (get, set and remove)'],
  ])('%j with "%s"', (options, message) => {
    const error = refusal(() => createClient(options as never));
    expect(error).toBeInstanceOf(InvalidOption);
    expect(error.message).toBe(message);
  });

  it('a URL that does not parse, keeping the parser error as the cause', () => {
    const error = refusal(() => createClient({ apiUrl: 'not a url' }));
    expect(error.message).toBe('Invalid option "apiUrl": not a url is not a URL');
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('options that are not an object, naming "options"', () => {
    expect(refusal(() => createClient(null as never))).toMatchObject({ parameter: 'options' });
  });
});

describe('createClient takes', () => {
  it('a URL with several trailing slashes, dropping them all', () => {
    expect(
      createClient({ apiUrl: 'http://127.0.0.1:4000//', dashboardUrl: 'http://127.0.0.1:4001///' }).config,
    ).toMatchObject({ apiUrl: 'http://127.0.0.1:4000', dashboardUrl: 'http://127.0.0.1:4001' });
  });

  // Spread over other settings (`{ ...defaults, ...client.config }`), a key holding undefined would erase them.
  it('no apiKey, dataDirectory or deviceUrlsBase key when they are not given, and no empty apiKey', () => {
    for (const config of [createClient().config, createClient({ apiKey: '' }).config]) {
      expect(Object.keys(config)).not.toContain('apiKey');
      expect(Object.keys(config)).not.toContain('dataDirectory');
      expect(Object.keys(config)).not.toContain('deviceUrlsBase');
    }
  });

  it('BALENA_DEBUG=True (any case) as "on"', async () => {
    server = await startTestServer((_request, response) => sendJson(response, 200, 'ok'));
    const logged = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    try {
      vi.stubEnv('BALENA_DEBUG', 'True');
      await createClient({ apiUrl: server.url }).request('/on');
      vi.stubEnv('BALENA_DEBUG', 'yes');
      await createClient({ apiUrl: server.url }).request('/off');
      expect(logged.mock.calls.map(([line]) => String(line).replace(/\d+ ms/, 'N ms'))).toEqual([
        `balena-ts GET ${server.url}/on -> 200 in N ms (attempt 1)`,
      ]);
    } finally {
      logged.mockRestore();
    }
  });
});

describe('withOptions refuses', () => {
  it.each([
    [{ timeout: Number.NaN }, 'Invalid option "timeout": NaN (expected a number of milliseconds > 0)'],
    [
      { timeout: Number.POSITIVE_INFINITY },
      'Invalid option "timeout": Infinity (expected a number of milliseconds > 0)',
    ],
    [{ deadline: 0 }, 'Invalid option "deadline": 0 (expected a number of milliseconds > 0)'],
    [{ headers: null }, 'Invalid option "headers": expected an object of header names and values'],
  ])('%j with "%s"', (defaults, message) => {
    const error = refusal(() => withOptions(createClient(), defaults as never));
    expect(error).toBeInstanceOf(InvalidOption);
    expect(error.message).toBe(message);
  });

  it('defaults that are not an object, naming "defaults"', () => {
    const error = refusal(() => withOptions(createClient(), null as never));
    expect(error).toBeInstanceOf(InvalidParameter);
    expect(error).toMatchObject({ parameter: 'defaults' });
  });
});

describe('a derived client', () => {
  it('has no signal key when nothing gives it a signal, like the client it derives from', () => {
    expect('signal' in withOptions(createClient(), { retry: 1, headers: {} })).toBe(false);
  });

  it('sends nothing when its own signal was aborted before a request that has a signal of its own', async () => {
    server = await startTestServer((_request, response) => sendJson(response, 200, 'ok'));
    const client = createClient({ apiUrl: server.url, storage: createMemoryStorage() });
    const shared = new AbortController();
    shared.abort(new Error('shut down'));
    const derived = withOptions(client, { signal: shared.signal });
    await expect(derived.request('/ping', { signal: new AbortController().signal })).rejects.toThrow('shut down');
    expect(server.requests).toHaveLength(0);
  });

  // Its signal is kept for many calls: one listener left per streamed call would pile up (Node warns
  // of a leak past 10) until the signal aborts.
  it('leaves no listener on its signal nor the request signal once a call with both is over, streamed or not', async () => {
    server = await startTestServer((_request, response) => sendJson(response, 200, 'ok'));
    const client = createClient({ apiUrl: server.url, storage: createMemoryStorage() });
    const shared = new AbortController();
    const derived = withOptions(client, { signal: shared.signal });
    const own = new AbortController();
    for (let call = 0; call < 3; call++) {
      expect(await derived.request('/ping', { signal: own.signal })).toBe('ok');
      expect(await (await derived.request.stream('/ping', { signal: new AbortController().signal })).json()).toBe('ok');
    }
    expect(getEventListeners(shared.signal, 'abort')).toHaveLength(0);
    expect(getEventListeners(own.signal, 'abort')).toHaveLength(0);
  });

  it("keeps following a streamed request's own signal while its body is read", async () => {
    server = await startTestServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.write('first piece');
    });
    const client = createClient({ apiUrl: server.url, storage: createMemoryStorage() });
    const derived = withOptions(client, { signal: new AbortController().signal });
    const own = new AbortController();
    const reader = (await derived.request.stream('/open', { signal: own.signal })).body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('first piece');
    own.abort(new Error('enough'));
    const outcome = await Promise.race([
      reader.read().then(
        () => 'read on',
        (error: Error) => error.message,
      ),
      new Promise((resolve) => setTimeout(() => resolve('still open'), 1_000)),
    ]);
    expect(outcome).toBe('enough');
  });

  it('adds no listener to the signal of the client it derives from, which may outlive it', () => {
    const outer = new AbortController();
    const first = withOptions(createClient(), { signal: outer.signal });
    withOptions(first, { signal: new AbortController().signal });
    withOptions(first, { deadline: 1_000 });
    expect(getEventListeners(outer.signal, 'abort')).toHaveLength(0);
  });

  it('follows both signals where AbortSignal.any is missing (browsers before 2024)', () => {
    const any = Object.getOwnPropertyDescriptor(AbortSignal, 'any');
    Reflect.deleteProperty(AbortSignal, 'any');
    try {
      const outer = new AbortController();
      const inner = new AbortController();
      const first = withOptions(createClient(), { signal: outer.signal });
      const derived = withOptions(first, { signal: inner.signal });
      expect(derived.signal?.aborted).toBe(false);
      inner.abort(new Error('inner'));
      expect(derived.signal?.reason).toMatchObject({ message: 'inner' });
      // One already aborted: so is the derived client's signal, at once.
      expect(withOptions(first, { signal: inner.signal }).signal?.reason).toMatchObject({ message: 'inner' });
    } finally {
      if (any) Object.defineProperty(AbortSignal, 'any', any);
    }
  });

  it('aborts its signal when its deadline passes, its own signal given too, saying how long it ran', async () => {
    const derived = withOptions(createClient(), { signal: new AbortController().signal, deadline: 50 });
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(derived.signal?.aborted).toBe(true);
    const reason = derived.signal?.reason as TimeoutError;
    expect(reason).toBeInstanceOf(TimeoutError);
    const [, since] = /^The call's deadline of 50 ms passed \((\d+) ms since withOptions\)$/.exec(reason.message) ?? [];
    // A timer may fire a millisecond before Date.now() says its delay is over.
    expect(Number(since)).toBeGreaterThanOrEqual(45);
    expect(Number(since)).toBeLessThan(10_000);
  });

  it('sends nothing once its deadline has passed, at its last millisecond included', async () => {
    server = await startTestServer((_request, response) => sendJson(response, 200, 'ok'));
    const client: Client = createClient({ apiUrl: server.url, storage: createMemoryStorage() });
    // Only the clock is faked: the deadline's timer never fires, so the refusal comes from the time left.
    vi.useFakeTimers({ toFake: ['Date'] });
    const derived = withOptions(client, { deadline: 1_000 });
    vi.setSystemTime(Date.now() + 1_000);
    const atTheEnd = await derived.request('/ping').catch((error: unknown) => error);
    vi.setSystemTime(Date.now() + 5_000);
    const after = await derived.request('/ping').catch((error: unknown) => error);
    for (const error of [atTheEnd, after]) {
      expect(error).toBeInstanceOf(TimeoutError);
      expect((error as TimeoutError).message).toMatch(
        /^The call's deadline of 1,000 ms passed \(\d+,000 ms since withOptions\)$/,
      );
    }
    expect(server.requests).toHaveLength(0);
  });
});
