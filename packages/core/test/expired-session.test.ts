// An expired session JWT is refused before it is sent: balena would run the request as the guest
// (`/v7` answers 200 with no rows), and the caller would see "not found" instead of "log in again".
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, ExpiredToken, RequestError } from '../src/index.js';
import { makeJwt, nowSeconds, sendJson, sendText, startTestServer, type TestServer } from './helpers/test-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const EXPIRED = makeJwt({ id: 1, iat: nowSeconds() - 90_000, exp: nowSeconds() - 60 });
const FRESH = makeJwt({ id: 1, iat: nowSeconds(), exp: nowSeconds() + 86_400 });

/** Answers like balena: a refused refresh is a 401, an OData read by the guest is 200 with no rows. */
async function guestServer(): Promise<TestServer> {
  return startTestServer((request, response) =>
    request.url === '/user/v1/refresh-token' ? sendText(response, 401, '') : sendJson(response, 200, { d: [] }),
  );
}

function pathsSent(): string[] {
  return server!.requests.map((request) => request.url.split('?')[0]!);
}

describe('an expired session token', () => {
  it('fails the request with ExpiredToken before sending it, with the refused refresh as cause', async () => {
    server = await guestServer();
    const client = createClient({ apiUrl: server.url, retry: 0 });
    await client.tokens.set(EXPIRED);
    const error = await client.request('/v7/application').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ExpiredToken);
    const cause = (error as ExpiredToken).cause;
    // The refresh request itself was refused with a 401, which core reports as ExpiredToken too.
    expect(cause).toBeInstanceOf(ExpiredToken);
    expect((cause as ExpiredToken).cause).toBeInstanceOf(RequestError);
    expect(((cause as ExpiredToken).cause as RequestError).status).toBe(401);
    expect(pathsSent()).toEqual(['/user/v1/refresh-token']);
    expect(JSON.stringify(error)).not.toContain(EXPIRED);
  });

  it('keeps refusing without asking the server again, the cause still attached', async () => {
    server = await guestServer();
    const client = createClient({ apiUrl: server.url, retry: 0 });
    await client.tokens.set(EXPIRED);
    await client.request('/v7/application').catch(() => undefined);
    const error = await client.pine.get({ resource: 'device' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ExpiredToken);
    expect((error as ExpiredToken).cause).toBeInstanceOf(ExpiredToken);
    expect(pathsSent()).toEqual(['/user/v1/refresh-token']);
  });

  it('is refused for streams as well', async () => {
    server = await guestServer();
    const client = createClient({ apiUrl: server.url, retry: 0 });
    await client.tokens.set(EXPIRED);
    const error = await client.request.stream('/device/v2/x/logs').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ExpiredToken);
    expect(pathsSent()).toEqual(['/user/v1/refresh-token']);
  });

  it('is replaced, not refused, when the refresh succeeds', async () => {
    server = await startTestServer((request, response) => {
      if (request.url === '/user/v1/refresh-token') return sendText(response, 200, FRESH);
      sendJson(response, 200, { authorization: request.headers.authorization });
    });
    const client = createClient({ apiUrl: server.url, retry: 0 });
    await client.tokens.set(EXPIRED);
    expect(await client.request('/actor/v1/whoami')).toEqual({ authorization: `Bearer ${FRESH}` });
    expect(pathsSent()).toEqual(['/user/v1/refresh-token', '/actor/v1/whoami']);
  });

  it('does not touch an apiKey client: the key is sent whatever the stored session', async () => {
    server = await guestServer();
    const client = createClient({ apiUrl: server.url, retry: 0, apiKey: 'ABCDEFabcdef0123456789ABCDEFabcd' });
    await client.tokens.set(EXPIRED);
    expect(await client.request('/v7/application')).toEqual({ d: [] });
    expect(pathsSent()).toEqual(['/v7/application']);
    expect(server.requests[0]!.headers.authorization).toBe('Bearer ABCDEFabcdef0123456789ABCDEFabcd');
  });

  it('sends a token given explicitly for one request (the caller decided)', async () => {
    server = await guestServer();
    const client = createClient({ apiUrl: server.url, retry: 0 });
    expect(await client.request('/v7/application', { token: EXPIRED })).toEqual({ d: [] });
    expect(pathsSent()).toEqual(['/v7/application']);
  });
});
