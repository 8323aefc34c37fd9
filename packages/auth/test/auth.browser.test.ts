import { createClient, InvalidParameter, LoginFailed } from '@balena-ts/core';
import { describe, expect, inject, it } from 'vitest';
import { getUserInfo, isLoggedIn, login, logOut, whoAmI } from '../src/index.js';
import { challenge, generateCode, isPassed } from '../src/two-factor.js';
import type { BrowserSandbox } from './browser/global-setup.js';
import { RFC_4226_HOTP_CODES, RFC_6238_SHA1_VECTORS, RFC_SECRET } from './support/rfc-totp-vectors.js';

const sandbox: BrowserSandbox = inject('sandbox');

describe('in a real browser', () => {
  it('runs in Chromium', () => {
    expect(navigator.userAgent).toContain('Chrome');
  });

  it.each(RFC_6238_SHA1_VECTORS)(
    'computes the RFC 6238 SHA-1 code at T=%i (%s) with Web Crypto',
    async (seconds, code) => {
      expect(await generateCode(RFC_SECRET, { timestampMs: seconds * 1000 })).toBe(code.slice(-6));
    },
  );

  it('computes the RFC 4226 HOTP codes for counters 0 to 9', async () => {
    const codes = await Promise.all(
      RFC_4226_HOTP_CODES.map((_, counter) => generateCode(RFC_SECRET, { timestampMs: counter * 30_000 })),
    );
    expect(codes).toEqual(RFC_4226_HOTP_CODES);
  });

  it('refuses a secret that is not base32 with InvalidParameter', async () => {
    await expect(generateCode('not base32!')).rejects.toBeInstanceOf(InvalidParameter);
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
    await challenge(client, await generateCode(sandbox.twoFactorUser.totpSecret));
    expect(await isPassed(client)).toBe(true);
    expect(await whoAmI(client)).toBe(sandbox.twoFactorUser.username);
  });
});
