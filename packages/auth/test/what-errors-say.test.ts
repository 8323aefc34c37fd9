// What each refusal says and carries (the parameter, the value shown, the reason, the cause), and
// which failures are not a refusal of the credential: an API that answers 404 is reported as such,
// never as a wrong password, a rejected code or a logged-out user.
import {
  type Client,
  createClient,
  ExpiredToken,
  InvalidParameter,
  LoginFailed,
  MalformedToken,
  NotLoggedIn,
  RequestError,
  TOKEN_STORAGE_KEY,
} from '@balena-ts/core';
import { type Sandbox, type SandboxUser, startSandbox } from '@balena-ts/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  authenticate,
  getToken,
  isLoggedIn,
  login,
  loginWithToken,
  register,
  verifyEmail,
  whoAmI,
} from '../src/index.js';
import { challenge, disable, isEnabled, verify } from '../src/two-factor.js';
import { caught } from './support/secrets.js';
import { wrongCode } from './support/totp.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});

const newClient = () => createClient({ apiUrl: sandbox.url, retry: false });

/** A client whose API base is a path the sandbox does not serve: every request ends in a 404. */
async function clientOfMissingApi(token: string): Promise<Client> {
  const client = createClient({ apiUrl: `${sandbox.url}/no-api-here`, retry: false });
  await loginWithToken(client, token);
  return client;
}

describe('argument refusals, before any request', () => {
  it.each([
    {
      call: (client: Client) => authenticate(client, { password: 'x' } as never),
      parameter: 'username',
      value: null,
      reason: 'a username or an email address is required',
    },
    {
      call: (client: Client) => authenticate(client, { username: 'admin', password: 42 } as never),
      parameter: 'password',
      value: '',
      reason: 'a password is required',
    },
    {
      call: (client: Client) => register(client, { password: 'a long passphrase' } as never),
      parameter: 'email',
      value: null,
      reason: 'an email address is required',
    },
    {
      call: (client: Client) => register(client, { email: '   ', password: 'a long passphrase' }),
      parameter: 'email',
      value: '   ',
      reason: 'an email address is required',
    },
    {
      call: (client: Client) => register(client, { email: 'new@example.com', password: '' }),
      parameter: 'password',
      value: '',
      reason: 'a password is required',
    },
    {
      call: (client: Client) => register(client, { email: 'new@example.com', password: 42 } as never),
      parameter: 'password',
      value: '',
      reason: 'a password is required',
    },
    {
      call: (client: Client) => register(client, { email: 'new@example.com', password: 'pass', username: 7 } as never),
      parameter: 'username',
      value: 7,
      reason: 'the username is a string, or left out',
    },
    {
      call: (client: Client) => verifyEmail(client, 'payload' as never),
      parameter: 'verificationPayload',
      value: 'payload',
      reason: undefined,
    },
    {
      call: (client: Client) => verifyEmail(client, { token: 'abc' } as never),
      parameter: 'verificationPayload.email',
      value: null,
      reason: 'an email address is required',
    },
    {
      call: (client: Client) => verifyEmail(client, { email: ' \t', token: 'abc' }),
      parameter: 'verificationPayload.email',
      value: ' \t',
      reason: 'an email address is required',
    },
    {
      call: (client: Client) => verifyEmail(client, { email: 'a@example.com' } as never),
      parameter: 'verificationPayload.token',
      value: null,
      reason: 'the verification token is required',
    },
    {
      call: (client: Client) => verifyEmail(client, { email: 'a@example.com', token: '  ' }),
      parameter: 'verificationPayload.token',
      value: '  ',
      reason: 'the verification token is required',
    },
    {
      call: (client: Client) => loginWithToken(client, 42 as never),
      parameter: 'token',
      value: 'number',
      reason: 'a string is required',
    },
    {
      call: (client: Client) => disable(client, 42 as never),
      parameter: 'password',
      value: '',
      reason: 'a password is required',
    },
    {
      call: (client: Client) => challenge(client, 123456 as never),
      parameter: 'code',
      value: '[REDACTED]',
      reason: 'expected 6 to 8 digits',
    },
    {
      call: (client: Client) => challenge(client, '12 34'),
      parameter: 'code',
      value: '[REDACTED]',
      reason: 'expected 6 to 8 digits',
    },
  ])('$parameter = $value: InvalidParameter saying "$reason"', async ({ call, parameter, value, reason }) => {
    const before = sandbox.requestCount();
    const error = (await caught(() => call(newClient()))) as InvalidParameter;
    expect(error).toBeInstanceOf(InvalidParameter);
    expect(error.parameter).toBe(parameter);
    expect(error.value).toEqual(value);
    // The whole reason, its first word too: a word after `"password":` is not taken for a secret.
    if (reason !== undefined) expect(error.message.endsWith(`: ${reason}`)).toBe(true);
    expect(sandbox.requestCount()).toBe(before);
  });
});

describe('what a missing, malformed or refused session says', () => {
  it('no session', async () => {
    const client = newClient();
    expect(((await caught(() => getToken(client))) as Error).message).toBe('Not logged in: there is no token');
    expect(((await caught(() => isEnabled(client))) as Error).message).toBe('Not logged in: there is no token');
    expect(((await caught(() => whoAmI(client))) as Error).message).toBe(
      'Not logged in: call login() or loginWithToken() first',
    );
  });

  it('a stored token of blanks is no token, not a malformed one', async () => {
    const client = newClient();
    await client.storage.set(TOKEN_STORAGE_KEY, '  \n');
    const error = await caught(() => getToken(client));
    expect(error).toBeInstanceOf(NotLoggedIn);
    expect((error as Error).message).toBe('Not logged in: there is no token');
  });

  it('a malformed stored token, with the reason as the cause', async () => {
    const client = newClient();
    await client.storage.set(TOKEN_STORAGE_KEY, 'not a token');
    for (const attempt of [() => getToken(client), () => isEnabled(client)]) {
      const error = (await caught(attempt)) as Error;
      expect(error).toBeInstanceOf(NotLoggedIn);
      expect(error.message).toBe('Not logged in: the stored token is malformed');
      expect(error.cause).toBeInstanceOf(MalformedToken);
    }
  });

  it('an expired session, with ExpiredToken as the cause', async () => {
    const client = newClient();
    await client.tokens.set(sandbox.issueToken(sandbox.superuser.id, { expiresInSeconds: -5 }));
    const error = (await caught(() => whoAmI(client))) as Error;
    expect(error).toBeInstanceOf(NotLoggedIn);
    expect(error.message).toBe('Not logged in: the session has expired, log in again');
    expect(error.cause).toBeInstanceOf(ExpiredToken);
  });

  it('a session the API refuses', async () => {
    const client = newClient();
    await loginWithToken(client, 'AbCdEfGhIjKlMnOpQrStUvWxYz012345');
    const error = (await caught(() => whoAmI(client))) as Error;
    expect(error).toBeInstanceOf(NotLoggedIn);
    expect(error.message).toBe('Not logged in: the API refused the session, log in again');
    expect(error.cause).toBeInstanceOf(RequestError);
  });

  it('an expired token given to loginWithToken', async () => {
    const expired = sandbox.issueToken(sandbox.superuser.id, { expiresInSeconds: -5 });
    const error = (await caught(() => loginWithToken(newClient(), expired))) as Error;
    expect(error).toBeInstanceOf(ExpiredToken);
    expect(error.message).toBe('The token has expired: log in again to get a new one');
  });

  it('loginWithToken stores the token without the blanks around it', async () => {
    const client = newClient();
    await loginWithToken(client, `  ${sandbox.superuser.token}\n`);
    expect(await client.storage.get(TOKEN_STORAGE_KEY)).toBe(sandbox.superuser.token);
  });
});

describe('rejected credentials', () => {
  let user: SandboxUser;
  beforeAll(async () => {
    user = await sandbox.createUser({ twoFactor: true });
  });

  it('a wrong password: LoginFailed with the API answer as the cause', async () => {
    const error = (await caught(() =>
      authenticate(newClient(), { username: sandbox.superuser.username, password: 'wrong' }),
    )) as Error;
    expect(error).toBeInstanceOf(LoginFailed);
    expect(error.message).toBe('Login failed: wrong username or password');
    expect(error.cause).toBeInstanceOf(RequestError);
  });

  it('a wrong two-factor code and a wrong password to disable it: LoginFailed saying which', async () => {
    const client = newClient();
    await login(client, { username: user.username, password: user.password });
    const code = (await caught(async () => verify(client, await wrongCode(user.totpSecret!)))) as Error;
    expect(code).toBeInstanceOf(LoginFailed);
    expect(code.message).toBe('The two-factor code was not accepted');
    expect(code.cause).toBeInstanceOf(RequestError);

    const passed = newClient();
    await loginWithToken(passed, sandbox.issueToken(user.id, { twoFactorRequired: false }));
    const password = (await caught(() => disable(passed, 'not the password'))) as Error;
    expect(password).toBeInstanceOf(LoginFailed);
    expect(password.message).toBe('The password was not accepted');
  });
});

describe('an API that is not there (404) is not a refused credential', () => {
  it('authenticate, verify and isLoggedIn report the 404', async () => {
    const anonymous = createClient({ apiUrl: `${sandbox.url}/no-api-here`, retry: false });
    const login404 = await caught(() =>
      authenticate(anonymous, { username: sandbox.superuser.username, password: sandbox.superuser.password }),
    );
    expect(login404).toBeInstanceOf(RequestError);
    expect((login404 as RequestError).status).toBe(404);

    const pending = await clientOfMissingApi(sandbox.issueToken(sandbox.superuser.id, { twoFactorRequired: true }));
    const verify404 = await caught(() => verify(pending, '123456'));
    expect(verify404).toBeInstanceOf(RequestError);
    expect((verify404 as RequestError).status).toBe(404);

    const full = await clientOfMissingApi(sandbox.superuser.token);
    const whoami404 = await caught(() => isLoggedIn(full));
    expect(whoami404).toBeInstanceOf(RequestError);
    expect((whoami404 as RequestError).status).toBe(404);
  });
});

describe('calls that need no session ignore a stored one', () => {
  it('register and verifyEmail work from a client whose stored session has expired', async () => {
    const client = newClient();
    await client.tokens.set(sandbox.issueToken(sandbox.superuser.id, { expiresInSeconds: -5 }));
    const username = `expired_session_${Date.now()}`;
    const token = await register(client, { email: `${username}@example.com`, password: 'a long passphrase', username });
    expect(token.split('.')).toHaveLength(3);
    // An unknown verification token: the API's own refusal, not the client's about its session.
    const error = await caught(() => verifyEmail(client, { email: `${username}@example.com`, token: 'unknown' }));
    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).status).toBe(401);
  });
});
