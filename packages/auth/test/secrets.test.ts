import { createClient, InvalidParameter, LoginFailed, MalformedToken, NotLoggedIn } from '@balena-ts/core';
import { type Sandbox, startSandbox } from '@balena-ts/sandbox';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { authenticate, login, loginWithToken, whoAmI } from '../src/index.js';
import { challenge, disable, generateCode } from '../src/two-factor.js';
import { caught, errorTexts, expectNoSecret } from './support/secrets.js';
import { wrongCode } from './support/totp.js';

// Sentinels: distinctive enough that finding one in any output can only mean it leaked.
const PASSWORD_SENTINEL = 'pw-SENTINEL-7f3a9c-never-print-me';
const API_KEY_SENTINEL = 'SentinelApiKey7f3a9cNeverPrintMe';
const TOKEN_SENTINEL = 'SENTINEL7f3a9c';
const TOTP_SECRET_SENTINEL = 'SENTINEL7F3A9C1NVALID';

let sandbox: Sandbox;
const logged: string[] = [];
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});
beforeEach(() => {
  logged.length = 0;
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logged.push(args.map((arg) => (typeof arg === 'string' ? arg : errorTexts(arg).join('\n'))).join(' '));
    });
  }
});
afterEach(() => {
  vi.restoreAllMocks();
});

function expectNotLogged(secret: string): void {
  for (const line of logged) expect(line).not.toContain(secret);
}

describe('no secret in any error or log line', () => {
  it('a wrong password', async () => {
    const client = createClient({ apiUrl: sandbox.url });
    for (const attempt of [
      () => login(client, { username: sandbox.superuser.username, password: PASSWORD_SENTINEL }),
      () => authenticate(client, { email: sandbox.superuser.email, password: PASSWORD_SENTINEL }),
    ]) {
      const error = await caught(attempt);
      expect(error).toBeInstanceOf(LoginFailed);
      expectNoSecret(error, PASSWORD_SENTINEL);
    }
    expectNotLogged(PASSWORD_SENTINEL);
  });

  it('a malformed token', async () => {
    const client = createClient({ apiUrl: sandbox.url });
    for (const token of [
      `${TOKEN_SENTINEL}.not.jwt`,
      `eyJhbGciOiJIUzI1NiJ9.${TOKEN_SENTINEL}.x`,
      `${TOKEN_SENTINEL} !`,
    ]) {
      const error = await caught(() => loginWithToken(client, token));
      expect(error).toBeInstanceOf(MalformedToken);
      expectNoSecret(error, TOKEN_SENTINEL);
    }
    expectNotLogged(TOKEN_SENTINEL);
  });

  it('an API key the server refuses', async () => {
    const client = createClient({ apiUrl: sandbox.url });
    await loginWithToken(client, API_KEY_SENTINEL);
    const error = await caught(() => whoAmI(client));
    expect(error).toBeInstanceOf(NotLoggedIn);
    expectNoSecret(error, API_KEY_SENTINEL);
    expectNotLogged(API_KEY_SENTINEL);
  });

  it('a session token the server refuses', async () => {
    const client = createClient({ apiUrl: sandbox.url });
    // A well-formed JWT with a forged signature: decodable, unexpired, refused by the server.
    const [header, payload] = sandbox.superuser.token.split('.');
    const forged = `${header}.${payload}.${TOKEN_SENTINEL}ForgedSignature`;
    await loginWithToken(client, forged);
    const error = await caught(() => whoAmI(client));
    expect(error).toBeInstanceOf(NotLoggedIn);
    expectNoSecret(error, TOKEN_SENTINEL);
    expectNoSecret(error, forged);
    expectNotLogged(TOKEN_SENTINEL);
  });

  it('a wrong password to disable 2FA, and a wrong TOTP code', async () => {
    const user = await sandbox.createUser({ twoFactor: true });
    const client = createClient({ apiUrl: sandbox.url });
    await login(client, { username: user.username, password: user.password });
    const partial = await client.tokens.get();
    const code = await wrongCode(user.totpSecret!);
    const wrongCodeError = await caught(() => challenge(client, code));
    expect(wrongCodeError).toBeInstanceOf(LoginFailed);
    expectNoSecret(wrongCodeError, partial!);
    expectNoSecret(wrongCodeError, user.totpSecret!);
    expectNoSecret(wrongCodeError, `"${code}"`);
    await challenge(client, await generateCode(user.totpSecret!));
    const token = await client.tokens.get();

    const error = await caught(() => disable(client, PASSWORD_SENTINEL));
    expect(error).toBeInstanceOf(LoginFailed);
    expectNoSecret(error, PASSWORD_SENTINEL);
    expectNoSecret(error, token!);
    expectNotLogged(PASSWORD_SENTINEL);
  });

  it('an invalid TOTP secret', async () => {
    const error = await caught(() => generateCode(TOTP_SECRET_SENTINEL));
    expect(error).toBeInstanceOf(InvalidParameter);
    expectNoSecret(error, TOTP_SECRET_SENTINEL);
    expectNoSecret(error, 'SENTINEL');
  });
});
