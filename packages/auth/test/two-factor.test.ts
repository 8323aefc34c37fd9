import { createClient, InvalidParameter, LoginFailed, NotLoggedIn, RequestError } from '@balena-ts/core';
import { type Sandbox, type SandboxUser, startSandbox } from '@balena-ts/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getToken, isLoggedIn, login, loginWithToken, logOut, whoAmI } from '../src/index.js';
import {
  challenge,
  disable,
  enable,
  generateCode,
  getOtpauthSecret,
  getSetupKey,
  isEnabled,
  isPassed,
  verify,
} from '../src/two-factor.js';
import { caught } from './support/secrets.js';
import { wrongCode } from './support/totp.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});

async function loggedIn(user: Pick<SandboxUser, 'username' | 'password'>) {
  const client = createClient({ apiUrl: sandbox.url });
  await login(client, { username: user.username, password: user.password });
  return client;
}

describe('two-factor state from the token', () => {
  it('an account without 2FA: not enabled, passed', async () => {
    const client = await loggedIn(sandbox.superuser);
    expect(await isEnabled(client)).toBe(false);
    expect(await isPassed(client)).toBe(true);
  });

  it('without a session both raise NotLoggedIn', async () => {
    const client = createClient({ apiUrl: sandbox.url });
    await expect(isEnabled(client)).rejects.toBeInstanceOf(NotLoggedIn);
    await expect(isPassed(client)).rejects.toBeInstanceOf(NotLoggedIn);
  });

  it('reads the claims of tokens issued pending and passed', async () => {
    const client = createClient({ apiUrl: sandbox.url });
    await loginWithToken(client, sandbox.issueToken(sandbox.superuser.id, { twoFactorRequired: true }));
    expect([await isEnabled(client), await isPassed(client)]).toEqual([true, false]);
    await loginWithToken(client, sandbox.issueToken(sandbox.superuser.id, { twoFactorRequired: false }));
    expect([await isEnabled(client), await isPassed(client)]).toEqual([true, true]);
  });
});

describe('login of an account with 2FA', () => {
  let user: SandboxUser;
  beforeAll(async () => {
    user = await sandbox.createUser({ twoFactor: true });
    expect(user.totpSecret).toBeTruthy();
  });

  it('pending -> wrong code -> challenge -> passed', async () => {
    const client = await loggedIn(user);
    expect(await isEnabled(client)).toBe(true);
    expect(await isPassed(client)).toBe(false);

    // The partial session: the API refuses it, and so does every auth function that needs a session.
    await expect(
      client.request('/api-key/user/full', { method: 'POST', body: { name: 'from a partial session' } }),
    ).rejects.toMatchObject({ status: 401 });
    const pending = await caught(() => whoAmI(client));
    expect(pending).toBeInstanceOf(NotLoggedIn);
    expect((pending as Error).message).toMatch(/two-factor/i);
    expect(await isLoggedIn(client)).toBe(false);

    const partialToken = await getToken(client);
    const wrong = await wrongCode(user.totpSecret!);
    const rejected = await caught(() => challenge(client, wrong));
    expect(rejected).toBeInstanceOf(LoginFailed);
    expect(await isPassed(client)).toBe(false);
    expect(await getToken(client)).toBe(partialToken);

    await challenge(client, await generateCode(user.totpSecret!));
    expect(await isPassed(client)).toBe(true);
    expect(await isEnabled(client)).toBe(true);
    expect(await getToken(client)).not.toBe(partialToken);
    expect(await isLoggedIn(client)).toBe(true);
    expect(await whoAmI(client)).toBe(user.username);
  });

  // open-balena-api refuses a partial session on both whoami endpoints (`/user/v1/whoami` needs a fully
  // authenticated user; `/actor/v1/whoami` finds no actor on a partial user), and so does the sandbox.
  it('the API refuses a partial session on whoami', async () => {
    const client = await loggedIn(user);
    await expect(client.request('/user/v1/whoami')).rejects.toMatchObject({ status: 401 });
    await expect(client.request('/actor/v1/whoami')).rejects.toMatchObject({ status: 401 });
  });

  it('challenge accepts a code typed with a space', async () => {
    const client = await loggedIn(user);
    const code = await generateCode(user.totpSecret!);
    await challenge(client, `${code.slice(0, 3)} ${code.slice(3)}`);
    expect(await isPassed(client)).toBe(true);
  });

  it('a malformed code is refused before any request', async () => {
    const client = await loggedIn(user);
    const before = sandbox.requestCount();
    for (const code of ['', '12345', 'abcdef', '123456789']) {
      await expect(challenge(client, code)).rejects.toBeInstanceOf(InvalidParameter);
    }
    expect(sandbox.requestCount()).toBe(before);
  });

  it('verify returns the upgraded token without storing it', async () => {
    const client = await loggedIn(user);
    const partialToken = await getToken(client);
    const upgraded = await verify(client, await generateCode(user.totpSecret!));
    expect(upgraded).not.toBe(partialToken);
    expect(await getToken(client)).toBe(partialToken);
    await loginWithToken(client, upgraded);
    expect(await isPassed(client)).toBe(true);
    expect(await whoAmI(client)).toBe(user.username);
  });

  it('challenge without a session raises NotLoggedIn', async () => {
    const client = createClient({ apiUrl: sandbox.url });
    await expect(challenge(client, '123456')).rejects.toBeInstanceOf(NotLoggedIn);
  });
});

describe('turning 2FA on and off', () => {
  it('setup -> enable -> login pending -> challenge -> disable (wrong password first)', async () => {
    const user = await sandbox.createUser();
    const client = await loggedIn(user);
    expect(await isEnabled(client)).toBe(false);

    // Enabling needs a secret from the setup step first.
    await expect(enable(client, '123456')).rejects.toBeInstanceOf(LoginFailed);
    expect(await isEnabled(client)).toBe(false);

    const setupKey = await getSetupKey(client);
    // The URL itself, unquoted from the API's JSON string.
    expect(setupKey).toMatch(/^otpauth:\/\/totp\/balena:[^?]+\?secret=[A-Z2-7]+&issuer=balena$/);
    const secret = await getOtpauthSecret(client);
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);

    await expect(enable(client, await wrongCode(secret))).rejects.toBeInstanceOf(LoginFailed);
    expect(await isEnabled(client)).toBe(false);

    const token = await enable(client, await generateCode(secret));
    expect(await getToken(client)).toBe(token);
    expect(await isEnabled(client)).toBe(true);
    expect(await isPassed(client)).toBe(true);
    expect(await whoAmI(client)).toBe(user.username);

    await logOut(client);
    await login(client, { username: user.username, password: user.password });
    expect(await isPassed(client)).toBe(false);
    await challenge(client, await generateCode(secret));
    expect(await isPassed(client)).toBe(true);

    await expect(disable(client, 'not the password')).rejects.toBeInstanceOf(LoginFailed);
    expect(await isEnabled(client)).toBe(true);
    await expect(disable(client, '')).rejects.toBeInstanceOf(InvalidParameter);

    const plainToken = await disable(client, user.password);
    expect(await getToken(client)).toBe(plainToken);
    expect(await isEnabled(client)).toBe(false);
    expect(await whoAmI(client)).toBe(user.username);

    await logOut(client);
    await login(client, { username: user.username, password: user.password });
    expect(await isEnabled(client)).toBe(false);
    expect(await isLoggedIn(client)).toBe(true);
  });

  it('disable needs a full session: a pending one is refused without a request', async () => {
    const user = await sandbox.createUser({ twoFactor: true });
    const client = await loggedIn(user);
    const before = sandbox.requestCount();
    await expect(disable(client, user.password)).rejects.toBeInstanceOf(NotLoggedIn);
    await expect(getSetupKey(client)).rejects.toBeInstanceOf(NotLoggedIn);
    expect(sandbox.requestCount()).toBe(before);
  });
});

// balena answers the setup with a JSON string holding an otpauth:// URL; answers of other shapes
// (a proxy's, an older API's) are made by the sandbox's fault injection, once each.
describe('setup answers of other shapes', () => {
  function answerSetupWith(body: string): void {
    sandbox.faults.add({ method: 'GET', path: '/auth/totp/setup', kind: 'status', status: 200, body });
  }

  it('a bare key between blanks is the key, trimmed', async () => {
    const client = await loggedIn(await sandbox.createUser());
    answerSetupWith(' JBSWY3DPEHPK3PXP \n');
    expect(await getSetupKey(client)).toBe('JBSWY3DPEHPK3PXP');
  });

  it('an empty answer is an empty key, and no secret', async () => {
    const client = await loggedIn(await sandbox.createUser());
    answerSetupWith('');
    expect(await getSetupKey(client)).toBe('');
    answerSetupWith('');
    const error = await getOtpauthSecret(client).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(RequestError);
    expect(error).toMatchObject({
      message: 'The two-factor setup answer holds no secret',
      status: 200,
      method: 'GET',
      url: '/auth/totp/setup',
    });
  });

  it('an otpauth:// URL without a secret is refused rather than read as a key', async () => {
    const client = await loggedIn(await sandbox.createUser());
    answerSetupWith('"otpauth://totp/balena:someone?issuer=balena"');
    await expect(getOtpauthSecret(client)).rejects.toMatchObject({
      name: 'RequestError',
      message: 'The two-factor setup answer holds no secret',
    });
  });
});
