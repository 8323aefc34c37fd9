// The failures a new user meets in the first hour, each told plainly and in time: a hanging API,
// an error answer, a connection that cannot be made, an API URL with the version in it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createClient,
  DEFAULT_DEADLINE_MS,
  InvalidOption,
  NetworkError,
  RequestError,
  TimeoutError,
} from '../src/index.js';
import { sendJson, sendText, startTestServer, type TestServer } from './helpers/test-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('a hanging API', () => {
  it('fails at the client deadline across retries, saying how many attempts took how long', async () => {
    server = await startTestServer(() => {
      // Never answers.
    });
    const client = createClient({ apiUrl: server.url, timeout: 200, deadline: 450, retry: 3, retryDelay: 1 });
    const started = Date.now();
    const error = await client.request('/v7/device').catch((caught: unknown) => caught);
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).message).toMatch(
      /^GET http:\/\/127\.0\.0\.1:\d+\/v7\/device did not complete within its deadline of 450 ms: [123] attempts in [\d,]+ ms \(each attempt may take 200 ms\)$/,
    );
    expect(elapsed).toBeGreaterThanOrEqual(440);
    // Without a deadline the four attempts would all be sent (800 ms of timeouts); with it, the
    // third at the most (a busy machine starts them later, never sooner).
    expect(server.requests.length).toBeGreaterThanOrEqual(1);
    expect(server.requests.length).toBeLessThanOrEqual(3);
  });

  it('has a default deadline of a minute: two hanging attempts, not four (121 s)', () => {
    expect(DEFAULT_DEADLINE_MS).toBe(60_000);
    expect(createClient().config.deadline).toBe(60_000);
    expect(() => createClient({ deadline: 0 })).toThrow(InvalidOption);
  });

  it('says how long the last attempt and the whole call took when the retries run out first', async () => {
    server = await startTestServer(() => {});
    const client = createClient({ apiUrl: server.url, timeout: 60, retry: 1, retryDelay: 1 });
    const error = await client.request('/slow').catch((caught: unknown) => caught);
    expect((error as TimeoutError).message).toMatch(
      /\/slow timed out after 60 ms \(attempt 2; \d+ ms since the first\)$/,
    );
  });
});

describe("the server's error text", () => {
  it('is in the message and in serverMessage, for a JSON { message } answer', async () => {
    server = await startTestServer((_request, response) =>
      sendJson(response, 400, { message: 'Device type "rpi9" is not supported' }),
    );
    const client = createClient({ apiUrl: server.url });
    const error = (await client
      .request('/v7/application', { method: 'POST', body: {} })
      .catch((caught) => caught)) as RequestError;
    expect(error).toBeInstanceOf(RequestError);
    expect(error.serverMessage).toBe('Device type "rpi9" is not supported');
    expect(error.message).toBe(
      `Request failed: POST ${server.url}/v7/application answered 400: Device type "rpi9" is not supported`,
    );
    expect(error.toJSON()).toMatchObject({ serverMessage: 'Device type "rpi9" is not supported' });
  });

  it('is in the message and in serverMessage, for a plain-text answer', async () => {
    server = await startTestServer((_request, response) => sendText(response, 403, 'You are not allowed to do that'));
    const client = createClient({ apiUrl: server.url });
    const error = (await client.request('/v7/device').catch((caught) => caught)) as RequestError;
    expect(error.serverMessage).toBe('You are not allowed to do that');
    expect(error.message).toContain('answered 403: You are not allowed to do that');
  });

  it('is undefined when the answer says nothing readable', async () => {
    server = await startTestServer((_request, response) => sendText(response, 404, ''));
    const client = createClient({ apiUrl: server.url });
    const error = (await client.request('/nothing').catch((caught) => caught)) as RequestError;
    expect(error.serverMessage).toBeUndefined();
  });
});

describe('a connection that cannot be made', () => {
  it('names ECONNREFUSED in the message and in networkCode', async () => {
    const closed = await startTestServer(() => {});
    const url = closed.url;
    await closed.close();
    const client = createClient({ apiUrl: url, retry: 0 });
    const error = (await client.request('/ping').catch((caught) => caught)) as NetworkError;
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.networkCode).toBe('ECONNREFUSED');
    expect(error.code).toBe('NetworkError');
    expect(error.message).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/ping failed: .*ECONNREFUSED/);
    expect(error.message).not.toBe(`GET ${url}/ping failed: fetch failed`);
  });

  it('names ENOTFOUND for a host that does not resolve', async () => {
    const client = createClient({ apiUrl: 'http://balena-ts-test.invalid', retry: 0 });
    const error = (await client.request('/ping').catch((caught) => caught)) as NetworkError;
    expect(error.networkCode).toMatch(/^(ENOTFOUND|EAI_AGAIN)$/);
    expect(error.message).toContain(error.networkCode as string);
  });

  it.runIf(hasOpenssl())('names the certificate error of a server the platform does not trust', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'balena-ts-cert-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-keyout',
        join(directory, 'key.pem'),
        '-out',
        join(directory, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    const tls = https.createServer(
      { key: readFileSync(join(directory, 'key.pem')), cert: readFileSync(join(directory, 'cert.pem')) },
      (_request, response) => response.end('ok'),
    );
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = tls.address() as AddressInfo;
      const client = createClient({ apiUrl: `https://127.0.0.1:${port}`, retry: 0 });
      const error = (await client.request('/ping').catch((caught) => caught)) as NetworkError;
      expect(error).toBeInstanceOf(NetworkError);
      expect(error.networkCode).toMatch(
        /^(DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)$/,
      );
      expect(error.message).toContain(error.networkCode as string);
    } finally {
      tls.closeAllConnections();
      await new Promise((resolve) => tls.close(resolve));
    }
  });
});

describe('an apiUrl with the API version in it', () => {
  it.each(['https://api.balena-cloud.com/v7', 'https://api.balena-cloud.com/v6/', 'https://api.balena-cloud.com/v7//'])(
    '%s is refused, saying to drop the version path',
    (apiUrl) => {
      expect(() => createClient({ apiUrl })).toThrow(InvalidOption);
      expect(() => createClient({ apiUrl })).toThrow(
        "ends in an API version; give the API's base URL without it (https://api.balena-cloud.com)",
      );
    },
  );

  it('is still fine with a path that is not a version', () => {
    expect(createClient({ apiUrl: 'https://example.com/balena/' }).config.apiUrl).toBe('https://example.com/balena');
  });
});

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('the default deadline and a longer timeout', () => {
  it('is never shorter than one attempt', async () => {
    expect(createClient({ timeout: 90_000 }).config.deadline).toBe(90_000);
    expect(createClient({ timeout: 90_000, deadline: 5_000 }).config.deadline).toBe(5_000);
    server = await startTestServer((_request, response) => {
      setTimeout(() => sendJson(response, 200, 'late'), 250);
    });
    const client = createClient({ apiUrl: server.url, deadline: 100 });
    // The request's own timeout is longer than the client's deadline: it gets its one attempt.
    expect(await client.request('/slow', { timeout: 1_000 })).toBe('late');
    await expect(client.request('/slow')).rejects.toBeInstanceOf(TimeoutError);
  });
});
