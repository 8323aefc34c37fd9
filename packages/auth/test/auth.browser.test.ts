import { createClient, LoginFailed } from '@balena-ts/core';
import { describe, expect, inject, it } from 'vitest';
import { getUserInfo, isLoggedIn, login, logOut, whoAmI } from '../src/index.js';
import { challenge, generateCode, isPassed } from '../src/two-factor.js';
import type { BrowserSandbox } from './browser/global-setup.js';

const sandbox: BrowserSandbox = inject('sandbox');

describe('in a real browser', () => {
  it('runs in Chromium', () => {
    expect(navigator.userAgent).toContain('Chrome');
  });

  it('computes RFC 6238 codes with otplib', () => {
    expect(generateCode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', { timestampMs: 59_000 })).toBe('287082');
  });

  it('logs in, reads the user and logs out against the sandbox', async () => {
    const client = createClient({ apiUrl: sandbox.url });
    await expect(login(client, { username: sandbox.superuser.username, password: 'wrong' })).rejects.toBeInstanceOf(
      LoginFailed,
    );
    await login(client, { email: sandbox.superuser.email, password: sandbox.superuser.password });
    expect(await whoAmI(client)).toBe(sandbox.superuser.username);
    expect((await getUserInfo(client)).email).toBe(sandbox.superuser.email);
    await logOut(client);
    expect(await isLoggedIn(client)).toBe(false);
  });

  it('passes two-factor authentication with a code computed in the page', async () => {
    const client = createClient({ apiUrl: sandbox.url });
    await login(client, { username: sandbox.twoFactorUser.username, password: sandbox.twoFactorUser.password });
    expect(await isPassed(client)).toBe(false);
    await challenge(client, generateCode(sandbox.twoFactorUser.totpSecret));
    expect(await isPassed(client)).toBe(true);
    expect(await whoAmI(client)).toBe(sandbox.twoFactorUser.username);
  });
});
