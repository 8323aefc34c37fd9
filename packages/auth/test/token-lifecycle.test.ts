import { createClient, decodeJwtClaims, ExpiredToken, NotLoggedIn } from '@balena-ts/core';
import { type Sandbox, startSandbox } from '@balena-ts/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getToken, isLoggedIn, login, loginWithToken, whoAmI } from '../src/index.js';
import { caught, expectNoSecret } from './support/secrets.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});

const nowSeconds = () => Math.floor(Date.now() / 1000);
const claimsOf = (token: string) => decodeJwtClaims(token);

describe('a session token over its lifetime', () => {
  it('a token about to expire is refreshed before use, and the new one stored', async () => {
    const client = createClient({ apiUrl: sandbox.url });
    const expiring = sandbox.issueToken(sandbox.superuser.id, { expiresInSeconds: 60 });
    await loginWithToken(client, expiring);

    expect(await whoAmI(client)).toBe(sandbox.superuser.username);

    const stored = await getToken(client);
    expect(stored).not.toBe(expiring);
    expect(claimsOf(stored).exp!).toBeGreaterThan(claimsOf(expiring).exp!);
    expect(claimsOf(stored).id).toBe(sandbox.superuser.id);
  });

  it('a token older than the refresh interval is refreshed mid-operation, and the operation completes', async () => {
    const client = createClient({ apiUrl: sandbox.url, tokenRefreshInterval: 60_000 });
    const old = sandbox.issueToken(sandbox.superuser.id, {
      issuedAtSeconds: nowSeconds() - 3600,
      expiresInSeconds: 24 * 3600,
    });
    await loginWithToken(client, old);
    const usernames = [await whoAmI(client), await whoAmI(client), await whoAmI(client)];
    expect(usernames).toEqual([sandbox.superuser.username, sandbox.superuser.username, sandbox.superuser.username]);
    const stored = await getToken(client);
    expect(stored).not.toBe(old);
    expect(claimsOf(stored).iat!).toBeGreaterThan(claimsOf(old).iat!);
  });

  it('an expired stored token means NotLoggedIn, without a request', async () => {
    const client = createClient({ apiUrl: sandbox.url });
    await loginWithToken(client, sandbox.superuser.token);
    await client.tokens.set(sandbox.issueToken(sandbox.superuser.id, { expiresInSeconds: -5 }));
    const before = sandbox.requestCount();
    const error = await caught(() => whoAmI(client));
    expect(error).toBeInstanceOf(NotLoggedIn);
    expect((error as NotLoggedIn).cause).toBeInstanceOf(ExpiredToken);
    expect(await isLoggedIn(client)).toBe(false);
    expect(sandbox.requestCount()).toBe(before);
  });

  it('a token that expires while a request is in flight ends in NotLoggedIn, once, and a new login works', async () => {
    const shortLived = await startSandbox({ tokenTtlSeconds: 2 });
    try {
      let heldRequests = 0;
      let carriedToken = '';
      // Hold the whoami request until the token it carries has expired: the server then sees an
      // expired token although the client sent a valid one.
      const holdingFetch: typeof fetch = async (input, init) => {
        const url = input instanceof Request ? input.url : String(input);
        const authorization = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined)).get(
          'authorization',
        );
        if (url.includes('/actor/v1/whoami') && authorization && heldRequests === 0) {
          heldRequests++;
          const token = authorization.replace(/^Bearer\s+/i, '');
          carriedToken = token;
          const waitMs = (decodeJwtClaims(token).exp ?? 0) * 1000 - Date.now() + 100;
          if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
        }
        return await fetch(input, init);
      };
      const client = createClient({ apiUrl: shortLived.url, fetch: holdingFetch });
      const superuser = shortLived.superuser;
      await login(client, { username: superuser.username, password: superuser.password });
      const token = await getToken(client);

      const before = shortLived.requestCount();
      const error = await caught(() => whoAmI(client));
      expect(error).toBeInstanceOf(NotLoggedIn);
      expect((error as NotLoggedIn).cause).toBeInstanceOf(ExpiredToken);
      expectNoSecret(error, token);
      expect(carriedToken).not.toBe('');
      expectNoSecret(error, carriedToken);
      // Never a refresh loop: the request, at most one refresh and one replay, plus the proactive refresh.
      expect(shortLived.requestCount() - before).toBeLessThanOrEqual(4);
      expect(heldRequests).toBe(1);
      expect(await isLoggedIn(client)).toBe(false);

      await login(client, { username: superuser.username, password: superuser.password });
      expect(await whoAmI(client)).toBe(superuser.username);
    } finally {
      await shortLived.close();
    }
  });
});
