import { createClient, ExpiredToken, MalformedToken, NotLoggedIn, TOKEN_STORAGE_KEY } from '@balena-ts/core';
import { type Sandbox, startSandbox } from '@balena-ts/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getToken, isLoggedIn, loginWithToken, logOut, whoAmI, whoami } from '../src/index.js';
import { isEnabled, isPassed } from '../src/two-factor.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});

const newClient = () => createClient({ apiUrl: sandbox.url });

describe('loginWithToken', () => {
  it('logs in with a session JWT', async () => {
    const client = newClient();
    await loginWithToken(client, sandbox.superuser.token);
    expect(await client.storage.get(TOKEN_STORAGE_KEY)).toBe(sandbox.superuser.token);
    expect(await whoAmI(client)).toBe(sandbox.superuser.username);
  });

  it('ignores whitespace around a pasted token', async () => {
    const client = newClient();
    await loginWithToken(client, `  ${sandbox.superuser.token}\n`);
    expect(await getToken(client)).toBe(sandbox.superuser.token);
  });

  it('logs in with a user API key', async () => {
    const admin = newClient();
    await loginWithToken(admin, sandbox.superuser.token);
    const apiKey = await admin.request<string>('/api-key/user/full', { method: 'POST', body: { name: 'login test' } });

    const client = newClient();
    await loginWithToken(client, apiKey);
    expect(await getToken(client)).toBe(apiKey);
    expect(await isLoggedIn(client)).toBe(true);
    expect(await whoAmI(client)).toBe(sandbox.superuser.username);
    expect((await whoami(client)).actorType).toBe('user');
    expect(await isEnabled(client)).toBe(false);
    expect(await isPassed(client)).toBe(true);
    await logOut(client);
    expect(await isLoggedIn(client)).toBe(false);
  });

  it.each([
    ['an empty string', ''],
    ['a sentence', 'not a token at all'],
    ['three dotted parts that are not a JWT', 'aaa.bbb.ccc'],
    ['a JWT with a broken payload', 'eyJhbGciOiJIUzI1NiJ9.!!!.sig'],
    ['a too short key', 'abc123'],
    ['a URL', 'https://dashboard.balena-cloud.com/preferences/access-tokens'],
  ])('raises MalformedToken for %s and stores nothing', async (_label, token) => {
    const client = newClient();
    await expect(loginWithToken(client, token)).rejects.toBeInstanceOf(MalformedToken);
    expect(await client.storage.get(TOKEN_STORAGE_KEY)).toBeUndefined();
  });

  it('raises InvalidParameter for a non-string', async () => {
    await expect(loginWithToken(newClient(), 42 as unknown as string)).rejects.toMatchObject({
      code: 'InvalidParameter',
    });
  });

  it('raises ExpiredToken for an expired JWT and keeps the previous session', async () => {
    const client = newClient();
    await loginWithToken(client, sandbox.superuser.token);
    const expired = sandbox.issueToken(sandbox.superuser.id, { expiresInSeconds: -60 });
    await expect(loginWithToken(client, expired)).rejects.toBeInstanceOf(ExpiredToken);
    expect(await getToken(client)).toBe(sandbox.superuser.token);
  });

  it('accepts an API key the server does not know, and the first call tells: NotLoggedIn', async () => {
    const client = newClient();
    await loginWithToken(client, 'AbCdEfGhIjKlMnOpQrStUvWxYz012345');
    expect(await isLoggedIn(client)).toBe(false);
    await expect(whoAmI(client)).rejects.toBeInstanceOf(NotLoggedIn);
  });
});
