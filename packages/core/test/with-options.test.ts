import { afterEach, describe, expect, it } from 'vitest';
import { createClient, InvalidOption, TimeoutError, withOptions } from '../src/index.js';
import { sendJson, sendText, startTestServer, type TestServer } from './helpers/test-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('withOptions against a real server', () => {
  it('adds its headers to every request, pine calls included; a request header wins; the original client is unchanged', async () => {
    server = await startTestServer((request, response) =>
      sendJson(response, 200, request.url.startsWith('/v7/') ? { d: [{ id: 1 }] } : 'ok'),
    );
    const client = createClient({ apiUrl: server.url });
    const derived = withOptions(client, { headers: { 'X-Request-Id': 'abc', 'X-Team': 'ops' } });
    await derived.request('/ping', { headers: { 'X-Team': 'dev' } });
    expect(await derived.pine.get({ resource: 'device', options: { $select: 'id' } })).toEqual([{ id: 1 }]);
    await client.request('/plain');
    const [ping, pine, plain] = server.requests;
    expect([ping?.headers['x-request-id'], ping?.headers['x-team']]).toEqual(['abc', 'dev']);
    expect([pine?.headers['x-request-id'], pine?.headers['x-team']]).toEqual(['abc', 'ops']);
    expect(plain?.headers['x-request-id']).toBeUndefined();
    expect(derived.tokens).toBe(client.tokens);
    expect(Object.isFrozen(derived)).toBe(true);
  });

  it('sets the retry count and the timeout of every request', async () => {
    server = await startTestServer((request, response) => {
      if (request.url === '/slow') return;
      sendText(response, 503, '');
    });
    const client = createClient({ apiUrl: server.url, retryDelay: 1, retry: 3 });
    // 500 ms: long enough for a local 503 on a busy machine, far below the client's 30 s default.
    const derived = withOptions(client, { retry: 1, timeout: 500 });
    await expect(derived.request('/busy')).rejects.toMatchObject({ status: 503 });
    expect(server.requests.filter((request) => request.url === '/busy')).toHaveLength(2);
    await expect(derived.request('/slow', { retry: 0 })).rejects.toThrow(/\/slow timed out after 500 ms$/);
  });

  it('bounds the whole call, retries and Retry-After waits included, with its deadline', async () => {
    server = await startTestServer((_request, response) => {
      // The first answer asks for a short wait; the retry never answers.
      if (server!.requests.length > 1) return;
      response.setHeader('retry-after', '0.1');
      sendText(response, 503, '');
    });
    const client = createClient({ apiUrl: server.url, retry: 5 });
    const derived = withOptions(client, { deadline: 300 });
    const started = Date.now();
    const error = await derived.request('/busy?token=SECRET').catch((caught: unknown) => caught);
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(TimeoutError);
    // The request's own deadline is the time left of the derived client's 300 ms when it is sent.
    const [, ownDeadline] =
      /^GET http:\/\/127\.0\.0\.1:\d+\/busy\?token=\[REDACTED\] did not complete within its deadline of (\d+) ms: 2 attempts in [\d,]+ ms \(each attempt may take 30,000 ms\)$/.exec(
        (error as TimeoutError).message,
      ) ?? [];
    expect(Number(ownDeadline)).toBeGreaterThan(0);
    expect(Number(ownDeadline)).toBeLessThanOrEqual(300);
    expect(elapsed).toBeGreaterThanOrEqual(290);
    // Without the deadline the hanging retry would wait for its 30 s timeout.
    expect(elapsed).toBeLessThan(5_000);
    expect(server.requests).toHaveLength(2);
  });

  it('gives up at once when the server asks for a wait (Retry-After) that ends past the deadline', async () => {
    server = await startTestServer((_request, response) => {
      response.setHeader('retry-after', '1');
      sendText(response, 503, 'busy');
    });
    const client = createClient({ apiUrl: server.url, retry: 5 });
    const derived = withOptions(client, { deadline: 300 });
    const started = Date.now();
    const error = await derived.request('/busy?token=SECRET').catch((caught: unknown) => caught);
    // Waiting would take the 1,000 ms the server asked for.
    expect(Date.now() - started).toBeLessThan(900);
    expect(error).toBeInstanceOf(TimeoutError);
    // The request's own deadline is the time left of the derived client's 300 ms when it is sent.
    const [, ownDeadline] =
      /^GET http:\/\/127\.0\.0\.1:\d+\/busy\?token=\[REDACTED\] answered 503 and asked to wait 1,000 ms \(Retry-After\), past its deadline of (\d+) ms: gave up after 1 attempt in \d+ ms$/.exec(
        (error as TimeoutError).message,
      ) ?? [];
    expect(Number(ownDeadline)).toBeGreaterThan(0);
    expect(Number(ownDeadline)).toBeLessThanOrEqual(300);
    expect((error as TimeoutError).cause).toMatchObject({ status: 503, serverMessage: 'busy' });
    expect(server.requests).toHaveLength(1);
  });

  it('aborts every request with its signal, and a request signal still works alongside', async () => {
    server = await startTestServer(() => {});
    const client = createClient({ apiUrl: server.url });
    const shared = new AbortController();
    const derived = withOptions(client, { signal: shared.signal });
    const first = derived.request('/a');
    const second = derived.request('/b');
    setTimeout(() => shared.abort(new Error('shutting down')), 30);
    await expect(first).rejects.toThrow('shutting down');
    await expect(second).rejects.toThrow('shutting down');
    const own = new AbortController();
    const third = withOptions(client, { signal: new AbortController().signal }).request('/c', { signal: own.signal });
    own.abort(new Error('mine'));
    await expect(third).rejects.toThrow('mine');
  });

  it('bounds the wait for a streamed answer with its deadline, and its signal still reaches the body', async () => {
    server = await startTestServer((request, response) => {
      if (request.url === '/never') return;
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.write('first piece');
    });
    const client = createClient({ apiUrl: server.url, retry: 0 });
    const shared = new AbortController();
    // One derived client per call: the deadline counts from withOptions. 500 ms: a local answer's
    // headers come well within it, even on a busy machine.
    const perCall = () => withOptions(client, { deadline: 500, signal: shared.signal });
    await expect(perCall().request.stream('/never')).rejects.toBeInstanceOf(TimeoutError);
    const response = await perCall().request.stream('/open');
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('first piece');
    // Past the deadline the body is still readable; the shared signal still ends it.
    await new Promise((resolve) => setTimeout(resolve, 600));
    shared.abort(new Error('closing'));
    await expect(reader.read()).rejects.toThrow('closing');
  });

  it('gives the derived client its signal as client.signal, following the signal of the client it derives from too', () => {
    const client = createClient();
    expect(client.signal).toBeUndefined();
    expect(withOptions(client, { retry: 1 }).signal).toBeUndefined();
    const outer = new AbortController();
    const inner = new AbortController();
    const first = withOptions(client, { signal: outer.signal });
    expect(first.signal).toBe(outer.signal);
    const second = withOptions(first, { signal: inner.signal });
    expect(second.signal?.aborted).toBe(false);
    outer.abort(new Error('outer'));
    expect(second.signal?.aborted).toBe(true);
    expect(second.signal?.reason).toMatchObject({ message: 'outer' });
  });

  it('checks its options', () => {
    const client = createClient();
    expect(() => withOptions(client, { deadline: 0 })).toThrow(InvalidOption);
    expect(() => withOptions(client, { timeout: -1 })).toThrow(InvalidOption);
    expect(() => withOptions(client, { headers: 'x' as never })).toThrow(InvalidOption);
  });
});
