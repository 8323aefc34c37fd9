import { createClient, decodeJwtClaims, TOKEN_STORAGE_KEY } from '@balena-ts/core';
import { type Sandbox, startSandbox } from '@balena-ts/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, loginWithToken, logOut, whoAmI } from '../src/index.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});

/** A fetch that holds every token refresh until `release()` is called. */
function holdingRefreshes() {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let held!: () => void;
  const refreshStarted = new Promise<void>((resolve) => {
    held = resolve;
  });
  const fetchWithHold: typeof fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.includes('/user/v1/refresh-token')) {
      held();
      await released;
    }
    return await fetch(input, init);
  };
  return { fetch: fetchWithHold, refreshStarted, release };
}

// A refresh in flight must not bring back a session that was logged out, nor overwrite the token
// of a login made meanwhile: core's token provider drops a refresh answer when the session changed.
describe('a token refresh in flight while the session changes', () => {
  it('logOut wins: a refresh that completes afterwards does not bring the session back', async () => {
    const hold = holdingRefreshes();
    const client = createClient({ apiUrl: sandbox.url, fetch: hold.fetch });
    await loginWithToken(client, sandbox.issueToken(sandbox.superuser.id, { expiresInSeconds: 60 }));
    const pending = whoAmI(client).catch(() => undefined);
    await hold.refreshStarted;
    await logOut(client);
    hold.release();
    await pending;
    expect(await client.storage.get(TOKEN_STORAGE_KEY)).toBeUndefined();
  });

  it('a new login wins: a refresh of the previous session does not overwrite it', async () => {
    const other = await sandbox.createUser();
    const hold = holdingRefreshes();
    const client = createClient({ apiUrl: sandbox.url, fetch: hold.fetch });
    await loginWithToken(client, sandbox.issueToken(sandbox.superuser.id, { expiresInSeconds: 60 }));
    const pending = whoAmI(client).catch(() => undefined);
    await hold.refreshStarted;
    await login(client, { username: other.username, password: other.password });
    hold.release();
    await pending;
    const stored = await client.storage.get(TOKEN_STORAGE_KEY);
    expect(decodeJwtClaims(stored!).id).toBe(other.id);
  });
});
