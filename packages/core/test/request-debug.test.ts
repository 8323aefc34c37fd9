import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient, InvalidOption } from '../src/index.js';
import { makeJwt, nowSeconds, sendJson, sendText, startTestServer, type TestServer } from './helpers/test-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The lines with their durations replaced, so that they can be compared. */
function normalized(lines: string[]): string[] {
  return lines.map((line) => line.replace(/\d+ ms/g, 'N ms'));
}

describe('the debug option against a real server', () => {
  it('logs each attempt: method, redacted URL, status, duration, attempt, and why it is retried', async () => {
    server = await startTestServer((_request, response) => {
      if (server!.requests.length === 1) return sendText(response, 503, '');
      sendJson(response, 200, 'ok');
    });
    const lines: string[] = [];
    const seenByHook: number[] = [];
    const client = createClient({
      apiUrl: server.url,
      retryDelay: 1,
      debug: (line) => lines.push(line),
      hooks: { onResponse: ({ status }) => void seenByHook.push(status) },
    });
    await client.request('/v7/device?apikey=SECRET');
    expect(normalized(lines)).toEqual([
      `balena-ts GET ${server.url}/v7/device?apikey=[REDACTED] -> 503 in N ms (attempt 1): retrying in N ms after status 503`,
      `balena-ts GET ${server.url}/v7/device?apikey=[REDACTED] -> 200 in N ms (attempt 2)`,
    ]);
    expect(seenByHook).toEqual([503, 200]);
  });

  it('says when a request is sent again with a refreshed token, and when it fails for good', async () => {
    const old = makeJwt({ id: 1, iat: nowSeconds() - 10, exp: nowSeconds() + 86_400, generation: 'old' });
    const fresh = makeJwt({ id: 1, iat: nowSeconds(), exp: nowSeconds() + 86_400, generation: 'new' });
    server = await startTestServer((request, response) => {
      if (request.url === '/user/v1/refresh-token') return sendText(response, 200, fresh);
      if (request.url === '/gone') return sendJson(response, 404, 'Not found');
      if (request.headers.authorization === `Bearer ${fresh}`) return sendJson(response, 200, 'ok');
      sendText(response, 401, '');
    });
    const lines: string[] = [];
    const client = createClient({ apiUrl: server.url, debug: (line) => lines.push(line) });
    await client.tokens.set(old);
    await client.request('/actor/v1/whoami');
    await client.request('/gone').catch(() => undefined);
    expect(normalized(lines)).toEqual([
      // The refresh comes first: only once it has succeeded is the 401 known to be sent again.
      `balena-ts GET ${server.url}/user/v1/refresh-token -> 200 in N ms (attempt 1)`,
      `balena-ts GET ${server.url}/actor/v1/whoami -> 401 in N ms (attempt 1): sending again with a refreshed token`,
      `balena-ts GET ${server.url}/actor/v1/whoami -> 200 in N ms (attempt 2)`,
      `balena-ts GET ${server.url}/gone -> 404 in N ms (attempt 1): failed: RequestError: Request failed: GET ${server.url}/gone answered 404: Not found`,
    ]);
    expect(lines.join('\n')).not.toContain(fresh);
  });

  it('tells a connection failure and its retry', async () => {
    server = await startTestServer((_request, response, raw) => {
      if (server!.requests.length === 1) return void raw.socket.destroy();
      sendJson(response, 200, 'ok');
    });
    const lines: string[] = [];
    const client = createClient({ apiUrl: server.url, retryDelay: 1, debug: (line) => lines.push(line) });
    await client.request('/x');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^balena-ts GET http:\/\/127\.0\.0\.1:\d+\/x -> no answer after \d+ ms \(attempt 1\): retrying in \d+ ms after NetworkError: GET /,
    );
    expect(lines[1]).toMatch(/-> 200 in \d+ ms \(attempt 2\)$/);
  });

  it('refuses a debug option that is neither a boolean nor a function', () => {
    expect(() => createClient({ debug: 'yes' as never })).toThrow(InvalidOption);
  });
});

describe('the debug option and the deadline', () => {
  it('tells the attempt the deadline ended, and why; an abort by the caller is not logged as a failure', async () => {
    server = await startTestServer(() => {
      // Never answers.
    });
    const lines: string[] = [];
    const client = createClient({
      apiUrl: server.url,
      timeout: 1_000,
      deadline: 150,
      debug: (line) => lines.push(line),
    });
    await expect(client.request('/hang')).rejects.toThrow('did not complete within its deadline');
    expect(normalized(lines)).toEqual([
      `balena-ts GET ${server.url}/hang -> no answer after N ms (attempt 1): failed: TimeoutError: GET ${server.url}/hang ` +
        // Every duration is normalized: the deadline (150 ms) and the timeout (1,000 ms) included.
        'did not complete within its deadline of N ms: 1 attempt in N ms (each attempt may take 1,N ms)',
    ]);
    const controller = new AbortController();
    const aborted = client.request('/hang', { signal: controller.signal });
    controller.abort(new Error('mine'));
    await expect(aborted).rejects.toThrow('mine');
    expect(lines).toHaveLength(1);
  });
});

describe('the BALENA_DEBUG environment variable', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('turns debug on when the option is not given, and the option wins over it', async () => {
    server = await startTestServer((_request, response) => sendJson(response, 200, 'ok'));
    const logged = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    try {
      vi.stubEnv('BALENA_DEBUG', '1');
      await createClient({ apiUrl: server.url }).request('/on');
      await createClient({ apiUrl: server.url, debug: false }).request('/off');
      vi.stubEnv('BALENA_DEBUG', '0');
      await createClient({ apiUrl: server.url }).request('/zero');
      expect(logged.mock.calls.map(([line]) => normalized([String(line)])[0])).toEqual([
        `balena-ts GET ${server.url}/on -> 200 in N ms (attempt 1)`,
      ]);
    } finally {
      logged.mockRestore();
    }
  });
});
