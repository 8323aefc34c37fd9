import { createClient, InvalidParameter, NotLoggedIn, RequestError } from '@balena-ts/core';
import { type Sandbox, startSandbox } from '@balena-ts/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginWithToken, requestVerificationEmail, verifyEmail, whoAmI } from '../src/index.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});

/** The verification tokens the sandbox "mailed" to an address, oldest first (its superuser-only outbox). */
async function verificationTokens(email: string): Promise<string[]> {
  const admin = createClient({ apiUrl: sandbox.url });
  await admin.tokens.set(sandbox.superuser.token);
  const { d } = await admin.request<{ d: { kind: string; to: string; token: string }[] }>('/sandbox/v1/mail');
  return d.filter((mail) => mail.kind === 'email-verification' && mail.to === email).map((mail) => mail.token);
}

describe('email verification', () => {
  it('requests a verification mail whose token verifies the address once and yields a session', async () => {
    const user = await sandbox.createUser();
    const client = createClient({ apiUrl: sandbox.url, retry: false });
    await client.tokens.set(user.token);
    await requestVerificationEmail(client);
    await requestVerificationEmail(client);
    const tokens = await verificationTokens(user.email);
    expect(tokens).toHaveLength(2);
    // Only the newest mail's token counts.
    const stale = await verifyEmail(client, { email: user.email, token: tokens[0] as string }).catch((e) => e);
    expect(stale).toBeInstanceOf(RequestError);

    const anonymous = createClient({ apiUrl: sandbox.url, retry: false });
    const session = await verifyEmail(anonymous, { email: user.email, token: tokens[1] as string });
    await loginWithToken(anonymous, session);
    expect(await whoAmI(anonymous)).toBe(user.username);

    const again = await verifyEmail(anonymous, { email: user.email, token: tokens[1] as string }).catch((e) => e);
    expect(again).toBeInstanceOf(RequestError);
    expect((again as RequestError).status).toBe(401);
  });

  it("a token does not verify another user's address", async () => {
    const user = await sandbox.createUser();
    const other = await sandbox.createUser();
    const client = createClient({ apiUrl: sandbox.url, retry: false });
    await client.tokens.set(user.token);
    await requestVerificationEmail(client);
    const [token] = await verificationTokens(user.email);
    await expect(verifyEmail(client, { email: other.email, token: token as string })).rejects.toBeInstanceOf(
      RequestError,
    );
  });

  it('requestVerificationEmail needs a session; verifyEmail checks its arguments before any request', async () => {
    const anonymous = createClient({ apiUrl: sandbox.url, retry: false });
    await expect(requestVerificationEmail(anonymous)).rejects.toBeInstanceOf(NotLoggedIn);
    await expect(verifyEmail(anonymous, { email: '', token: 'abc' })).rejects.toBeInstanceOf(InvalidParameter);
    await expect(verifyEmail(anonymous, { email: 'a@b.c', token: '' })).rejects.toBeInstanceOf(InvalidParameter);
    await expect(verifyEmail(anonymous, { email: 'a@b.c', token: 5 as never })).rejects.toBeInstanceOf(
      InvalidParameter,
    );
    await expect(verifyEmail(anonymous, null as never)).rejects.toBeInstanceOf(InvalidParameter);
    await expect(verifyEmail(anonymous, undefined as never)).rejects.toBeInstanceOf(InvalidParameter);
  });
});
