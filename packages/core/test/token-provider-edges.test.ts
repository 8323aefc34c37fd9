// The token provider's decisions, against a real server: when a token is due for a refresh (to the
// millisecond, with Date fixed), how long it is left alone after an attempt, what a refresh answer
// may look like, and that a session changed during a refresh is not overwritten.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createClient,
  DEFAULT_TOKEN_REFRESH_INTERVAL_MS,
  TOKEN_EXPIRY_MARGIN_MS,
  TOKEN_STORAGE_KEY,
} from '../src/index.js';
import { makeJwt, sendText, startTestServer, type TestServer } from './helpers/test-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await server?.close();
  server = undefined;
});

const NOW_MS = 1_800_000_000_000;
const NEW = makeJwt({ id: 1, generation: 'new' });

function refreshes(): number {
  return server!.requests.filter((request) => request.url === '/user/v1/refresh-token').length;
}

async function clientAnswering(answer: string | (() => Promise<string>)) {
  server = await startTestServer(async (request, response) => {
    if (request.url !== '/user/v1/refresh-token') return sendText(response, 404, '');
    sendText(response, 200, typeof answer === 'string' ? answer : await answer());
  });
  return createClient({ apiUrl: server.url, retry: 0 });
}

describe('when a token is refreshed', () => {
  it('refreshes a token that expires within the margin, not one that expires exactly at its end', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW_MS);
    const client = await clientAnswering(NEW);
    const atMargin = makeJwt({ id: 1, exp: (NOW_MS + TOKEN_EXPIRY_MARGIN_MS) / 1000 });
    await client.tokens.set(atMargin);
    expect(await client.tokens.get()).toBe(atMargin);
    expect(refreshes()).toBe(0);
    vi.setSystemTime(NOW_MS + 1);
    expect(await client.tokens.get()).toBe(NEW);
    expect(refreshes()).toBe(1);
  });

  it('refreshes a token older than the refresh interval, not one exactly that old', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW_MS);
    const client = await clientAnswering(NEW);
    const old = makeJwt({ id: 1, iat: (NOW_MS - DEFAULT_TOKEN_REFRESH_INTERVAL_MS) / 1000 });
    await client.tokens.set(old);
    expect(await client.tokens.get()).toBe(old);
    expect(refreshes()).toBe(0);
    vi.setSystemTime(NOW_MS + 1);
    expect(await client.tokens.get()).toBe(NEW);
    expect(refreshes()).toBe(1);
  });

  it('leaves a token alone for 60 s after an attempt that gave it back, then tries again', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW_MS);
    const expiring = makeJwt({ id: 1, exp: NOW_MS / 1000 + 10 });
    const client = await clientAnswering(expiring);
    await client.tokens.set(expiring);
    expect(await client.tokens.get()).toBe(expiring);
    expect(refreshes()).toBe(1);
    vi.setSystemTime(NOW_MS + 59_999);
    expect(await client.tokens.get()).toBe(expiring);
    expect(refreshes()).toBe(1);
    vi.setSystemTime(NOW_MS + 60_000);
    expect(await client.tokens.get()).toBe(expiring);
    expect(refreshes()).toBe(2);
  });

  it('does not refresh a token whose payload cannot be read', async () => {
    const client = await clientAnswering(NEW);
    const unreadable = `${makeJwt({}).split('.')[0]}.${Buffer.from('{"exp":').toString('base64url')}.c2ln`;
    await client.tokens.set(unreadable);
    expect(await client.tokens.get()).toBe(unreadable);
    expect(refreshes()).toBe(0);
  });
});

describe('the refresh answer', () => {
  const expiring = () => makeJwt({ id: 1, exp: Math.floor(Date.now() / 1000) + 10 });

  it.each([
    ['the bare token', NEW],
    ['the token with spaces around', `  ${NEW}\n`],
    ['a JSON string', JSON.stringify(NEW)],
    ['a JSON string with spaces inside and out', ` "  ${NEW} " `],
  ])('accepts %s', async (_label, answer) => {
    const client = await clientAnswering(answer);
    await client.tokens.set(expiring());
    expect(await client.tokens.get()).toBe(NEW);
    expect(await client.storage.get(TOKEN_STORAGE_KEY)).toBe(NEW);
  });

  it.each([
    ['an empty answer', ''],
    ['blanks', '  \n'],
    ['a broken JSON string', `"${NEW}`],
    ['an empty JSON string', '""'],
  ])('keeps the stored token for %s', async (_label, answer) => {
    const client = await clientAnswering(answer);
    const token = expiring();
    await client.tokens.set(token);
    expect(await client.tokens.get()).toBe(token);
    expect(await client.storage.get(TOKEN_STORAGE_KEY)).toBe(token);
    expect(refreshes()).toBe(1);
  });
});

describe('a session that changes during a refresh', () => {
  it('keeps a login made while the refresh was in flight', async () => {
    let answer: (token: string) => void = () => {};
    const client = await clientAnswering(() => new Promise((resolve) => (answer = resolve)));
    const token = expiring();
    await client.tokens.set(token);
    const refreshed = client.tokens.refresh();
    await vi.waitFor(() => expect(refreshes()).toBe(1));
    const other = makeJwt({ id: 2 });
    await client.tokens.set(other);
    answer(NEW);
    expect(await refreshed).toBe(other);
    expect(await client.storage.get(TOKEN_STORAGE_KEY)).toBe(other);
  });

  it('keeps a logout made while the refresh was in flight', async () => {
    let answer: (token: string) => void = () => {};
    const client = await clientAnswering(() => new Promise((resolve) => (answer = resolve)));
    await client.tokens.set(expiring());
    const refreshed = client.tokens.refresh();
    await vi.waitFor(() => expect(refreshes()).toBe(1));
    await client.tokens.remove();
    answer(NEW);
    expect(await refreshed).toBeUndefined();
    expect(await client.storage.get(TOKEN_STORAGE_KEY)).toBeUndefined();
  });

  it('keeps a token another client wrote to the shared storage meanwhile', async () => {
    let answer: (token: string) => void = () => {};
    const client = await clientAnswering(() => new Promise((resolve) => (answer = resolve)));
    await client.tokens.set(expiring());
    const refreshed = client.tokens.refresh();
    await vi.waitFor(() => expect(refreshes()).toBe(1));
    const other = makeJwt({ id: 3 });
    await client.storage.set(TOKEN_STORAGE_KEY, other);
    answer(NEW);
    expect(await refreshed).toBe(other);
    expect(await client.storage.get(TOKEN_STORAGE_KEY)).toBe(other);
  });

  function expiring() {
    return makeJwt({ id: 1, exp: Math.floor(Date.now() / 1000) + 10 });
  }
});
