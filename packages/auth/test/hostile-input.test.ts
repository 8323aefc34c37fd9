// Hostile credentials end in InvalidParameter before anything is sent, and an expired session is
// reported as such: isLoggedIn answers false, loginWithToken refuses it, other calls fail with
// ExpiredToken rather than running as the guest.
import { type Client, createClient, ExpiredToken, InvalidParameter, NotLoggedIn } from '@balena-ts/core';
import { type Sandbox, startSandbox } from '@balena-ts/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate, getUserInfo, isLoggedIn, login, loginWithToken, register } from '../src/index.js';
import { caught } from './support/secrets.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});

function recordingClient(): { client: Client; sent: string[] } {
  const sent: string[] = [];
  const recordingFetch: typeof fetch = (input, init) => {
    sent.push(new URL(input instanceof Request ? input.url : input).pathname);
    return fetch(input, init);
  };
  return { client: createClient({ apiUrl: sandbox.url, fetch: recordingFetch, retry: 0 }), sent };
}

const NOT_OBJECTS: unknown[] = [undefined, null, 'admin', 0, true, [], Symbol('hostile')];

describe.each([
  {
    name: 'authenticate',
    call: (client: Client, value: unknown) => authenticate(client, value as never),
    first: 'username',
  },
  { name: 'login', call: (client: Client, value: unknown) => login(client, value as never), first: 'username' },
  { name: 'register', call: (client: Client, value: unknown) => register(client, value as never), first: 'email' },
])('$name', ({ call, first }) => {
  it.each(NOT_OBJECTS.map((value) => ({ value })))(
    'refuses credentials = $value with InvalidParameter and sends nothing',
    async ({ value }) => {
      const { client, sent } = recordingClient();
      const error = await caught(() => call(client, value));
      expect(error).toBeInstanceOf(InvalidParameter);
      // Left out entirely, the credentials read as empty: the first missing field is named.
      expect((error as InvalidParameter).parameter).toBe(value === undefined ? first : 'credentials');
      expect(sent).toEqual([]);
    },
  );
});

describe('register', () => {
  it.each([
    { credentials: { password: 'a long passphrase' }, parameter: 'email' },
    { credentials: { email: {}, password: 'a long passphrase' }, parameter: 'email' },
    { credentials: { email: 'new@example.com', password: 42 }, parameter: 'password' },
    { credentials: { email: 'new@example.com', password: 'a long passphrase', username: 7 }, parameter: 'username' },
  ])('refuses a bad $parameter with InvalidParameter and sends nothing', async ({ credentials, parameter }) => {
    const { client, sent } = recordingClient();
    const error = await caught(() => register(client, credentials as never));
    expect(error).toBeInstanceOf(InvalidParameter);
    expect((error as InvalidParameter).parameter).toBe(parameter);
    expect(JSON.stringify(error)).not.toContain('a long passphrase');
    expect(sent).toEqual([]);
  });
});

describe('an expired session', () => {
  it('makes isLoggedIn answer false, never send the API request, and other calls fail with ExpiredToken', async () => {
    const { client, sent } = recordingClient();
    await client.tokens.set(sandbox.issueToken(sandbox.superuser.id, { expiresInSeconds: -5 }));
    expect(await isLoggedIn(client)).toBe(false);
    await expect(getUserInfo(client)).rejects.toBeInstanceOf(NotLoggedIn);
    const error = await caught(() => client.request('/actor/v1/whoami'));
    expect(error).toBeInstanceOf(ExpiredToken);
    // Only the (refused) refresh reached the server: no request ran with the expired token.
    expect(sent.every((path) => path === '/user/v1/refresh-token')).toBe(true);
    await login(client, { username: sandbox.superuser.username, password: sandbox.superuser.password });
    expect(await isLoggedIn(client)).toBe(true);
  });

  it('is refused by loginWithToken', async () => {
    const { client, sent } = recordingClient();
    const expired = sandbox.issueToken(sandbox.superuser.id, { expiresInSeconds: -5 });
    await expect(loginWithToken(client, expired)).rejects.toBeInstanceOf(ExpiredToken);
    expect(await client.tokens.get()).toBeUndefined();
    expect(sent).toEqual([]);
  });
});
