import {
  createClient,
  createMemoryStorage,
  InvalidParameter,
  LoginFailed,
  NetworkError,
  NotLoggedIn,
  RequestError,
  TOKEN_STORAGE_KEY,
} from '@balena-ts/core';
import { type Sandbox, startSandbox } from '@balena-ts/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate, getToken, isLoggedIn, login, loginWithToken, logOut, register, whoAmI } from '../src/index.js';
import { caught } from './support/secrets.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});

const newClient = () => createClient({ apiUrl: sandbox.url });

describe('authenticate', () => {
  it('returns a JWT for the right password and stores nothing', async () => {
    const client = newClient();
    const token = await authenticate(client, {
      username: sandbox.superuser.username,
      password: sandbox.superuser.password,
    });
    expect(token.split('.')).toHaveLength(3);
    expect(await client.storage.get(TOKEN_STORAGE_KEY)).toBeUndefined();
  });

  it('accepts email as an alias of username', async () => {
    const token = await authenticate(newClient(), {
      email: sandbox.superuser.email,
      password: sandbox.superuser.password,
    });
    expect(token.split('.')).toHaveLength(3);
  });

  it('raises LoginFailed for a wrong password', async () => {
    const error = await caught(() =>
      authenticate(newClient(), { username: sandbox.superuser.username, password: 'not-the-password' }),
    );
    expect(error).toBeInstanceOf(LoginFailed);
    expect((error as LoginFailed).code).toBe('LoginFailed');
  });

  it('raises LoginFailed for an unknown user', async () => {
    const error = await caught(() => authenticate(newClient(), { username: 'nobody-here', password: 'whatever' }));
    expect(error).toBeInstanceOf(LoginFailed);
  });

  it('raises InvalidParameter without a request when a field is missing', async () => {
    const before = sandbox.requestCount();
    const noPassword = await caught(() => authenticate(newClient(), { username: 'admin', password: '' }));
    const noUsername = await caught(() => authenticate(newClient(), { username: '', password: 'x' }));
    expect(noPassword).toBeInstanceOf(InvalidParameter);
    expect((noPassword as InvalidParameter).parameter).toBe('password');
    expect(noUsername).toBeInstanceOf(InvalidParameter);
    expect((noUsername as InvalidParameter).parameter).toBe('username');
    expect(sandbox.requestCount()).toBe(before);
  });
});

describe('login and logOut', () => {
  it('stores the session where every package finds it, and logOut removes it', async () => {
    const client = newClient();
    expect(await isLoggedIn(client)).toBe(false);
    await login(client, { username: sandbox.superuser.username, password: sandbox.superuser.password });
    const stored = await client.storage.get(TOKEN_STORAGE_KEY);
    expect(stored).toBe(await getToken(client));
    expect(await client.tokens.get()).toBe(stored);
    expect(await isLoggedIn(client)).toBe(true);
    expect(await whoAmI(client)).toBe(sandbox.superuser.username);

    await logOut(client);
    expect(await client.storage.get(TOKEN_STORAGE_KEY)).toBeUndefined();
    expect(await isLoggedIn(client)).toBe(false);
    await expect(getToken(client)).rejects.toBeInstanceOf(NotLoggedIn);
    await expect(whoAmI(client)).rejects.toBeInstanceOf(NotLoggedIn);
  });

  it('isLoggedIn answers neither yes nor no when the API cannot be reached', async () => {
    // Port 1 on the loopback interface: nothing listens there, the connection is refused.
    const client = createClient({ apiUrl: 'http://127.0.0.1:1', retry: false });
    await loginWithToken(client, sandbox.superuser.token);
    await expect(isLoggedIn(client)).rejects.toBeInstanceOf(NetworkError);
  });

  it('every package sees the session through core: pine requests and a second client on the same storage', async () => {
    const storage = createMemoryStorage();
    const client = createClient({ apiUrl: sandbox.url, storage });
    const sibling = createClient({ apiUrl: sandbox.url, storage });
    await expect(sibling.pine.get({ resource: 'organization', options: { $select: 'handle' } })).rejects.toBeInstanceOf(
      NotLoggedIn,
    );
    await login(client, { username: sandbox.superuser.username, password: sandbox.superuser.password });
    const organizations = await sibling.pine.get<{ handle: string }>({
      resource: 'organization',
      options: { $select: 'handle' },
    });
    expect(organizations.map((organization) => organization.handle)).toContain(sandbox.superuser.username);
    expect(await isLoggedIn(sibling)).toBe(true);
    await logOut(sibling);
    expect(await isLoggedIn(client)).toBe(false);
  });

  it('logs in with the email address', async () => {
    const client = newClient();
    await login(client, { email: sandbox.superuser.email, password: sandbox.superuser.password });
    expect(await whoAmI(client)).toBe(sandbox.superuser.username);
  });

  it('keeps the previous session when a login fails', async () => {
    const client = newClient();
    await login(client, { username: sandbox.superuser.username, password: sandbox.superuser.password });
    const before = await getToken(client);
    await expect(login(client, { username: sandbox.superuser.username, password: 'wrong' })).rejects.toBeInstanceOf(
      LoginFailed,
    );
    expect(await getToken(client)).toBe(before);
  });

  it('switches users cleanly: nothing of the first session is remembered', async () => {
    const other = await sandbox.createUser();
    const client = newClient();
    await login(client, { username: sandbox.superuser.username, password: sandbox.superuser.password });
    expect(await whoAmI(client)).toBe(sandbox.superuser.username);
    await logOut(client);
    await login(client, { username: other.username, password: other.password });
    expect(await whoAmI(client)).toBe(other.username);
  });
});

describe('getToken', () => {
  it('raises NotLoggedIn when there is no token', async () => {
    const error = await caught(() => getToken(newClient()));
    expect(error).toBeInstanceOf(NotLoggedIn);
  });

  it('reads a stored token that ends with a newline, as a token file may', async () => {
    const client = newClient();
    await client.storage.set(TOKEN_STORAGE_KEY, `${sandbox.superuser.token}\n`);
    expect(await getToken(client)).toBe(sandbox.superuser.token);
    expect(await whoAmI(client)).toBe(sandbox.superuser.username);
  });

  it('raises NotLoggedIn when the stored token is malformed', async () => {
    const client = newClient();
    await client.storage.set(TOKEN_STORAGE_KEY, 'this is not a token');
    await expect(getToken(client)).rejects.toBeInstanceOf(NotLoggedIn);
  });

  it('returns the apiKey option when the client has one', async () => {
    const apiKey = await newApiKey();
    const client = createClient({ apiUrl: sandbox.url, apiKey });
    expect(await getToken(client)).toBe(apiKey);
    expect(await whoAmI(client)).toBe(sandbox.superuser.username);
  });
});

describe('register', () => {
  it('creates an account and returns its token without storing it', async () => {
    const client = newClient();
    const username = `registered_${Date.now()}`;
    const email = `${username}@example.com`;
    const token = await register(client, { email, password: 'a long passphrase', username });
    expect(await client.storage.get(TOKEN_STORAGE_KEY)).toBeUndefined();
    await loginWithToken(client, token);
    expect(await isLoggedIn(client)).toBe(true);
    expect(await whoAmI(client)).toBe(username);
    await logOut(client);
    await login(client, { email, password: 'a long passphrase' });
    expect(await whoAmI(client)).toBe(username);
  });

  it('raises RequestError when the email address is taken', async () => {
    const error = await caught(() =>
      register(newClient(), { email: sandbox.superuser.email, password: 'another long passphrase' }),
    );
    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).status).toBeGreaterThanOrEqual(400);
    expect((error as RequestError).status).toBeLessThan(500);
  });
});

async function newApiKey(): Promise<string> {
  const client = newClient();
  await loginWithToken(client, sandbox.superuser.token);
  return await client.request<string>('/api-key/user/full', { method: 'POST', body: { name: 'auth tests' } });
}
