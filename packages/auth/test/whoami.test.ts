import { createClient, NotLoggedIn } from '@balena-ts/core';
import { type Sandbox, startSandbox } from '@balena-ts/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getActorId,
  getEmail,
  getUserId,
  getUserInfo,
  isLoggedIn,
  loginWithToken,
  whoAmI,
  whoami,
} from '../src/index.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});

async function superuserClient() {
  const client = createClient({ apiUrl: sandbox.url });
  await loginWithToken(client, sandbox.superuser.token);
  return client;
}

describe('who is logged in', () => {
  it('whoami returns the user actor', async () => {
    const actor = await whoami(await superuserClient());
    expect(actor).toEqual({
      id: sandbox.superuser.actorId,
      actorType: 'user',
      actorTypeId: sandbox.superuser.id,
      username: sandbox.superuser.username,
      email: sandbox.superuser.email,
    });
  });

  it('whoAmI, getUserInfo, getEmail, getUserId and getActorId read the same user', async () => {
    const client = await superuserClient();
    expect(await whoAmI(client)).toBe(sandbox.superuser.username);
    expect(await getUserInfo(client)).toEqual({
      id: sandbox.superuser.id,
      actor: sandbox.superuser.actorId,
      username: sandbox.superuser.username,
      email: sandbox.superuser.email,
    });
    expect(await getEmail(client)).toBe(sandbox.superuser.email);
    expect(await getUserId(client)).toBe(sandbox.superuser.id);
    expect(await getActorId(client)).toBe(sandbox.superuser.actorId);
  });

  it('asks the API every time: another user on the same client is seen at once', async () => {
    const other = await sandbox.createUser();
    const client = await superuserClient();
    expect(await getUserId(client)).toBe(sandbox.superuser.id);
    await loginWithToken(client, other.token);
    expect(await getUserId(client)).toBe(other.id);
    expect(await getEmail(client)).toBe(other.email);
  });

  it('every function raises NotLoggedIn without a session, and sends nothing', async () => {
    const client = createClient({ apiUrl: sandbox.url });
    const before = sandbox.requestCount();
    for (const call of [whoami, whoAmI, getUserInfo, getEmail, getUserId, getActorId]) {
      await expect(call(client)).rejects.toBeInstanceOf(NotLoggedIn);
    }
    expect(await isLoggedIn(client)).toBe(false);
    expect(sandbox.requestCount()).toBe(before);
  });

  it('a provisioning key is an application actor, and not a user', async () => {
    const fleet = await sandbox.seedApplication({ name: `auth-fleet-${Date.now()}` });
    const admin = await superuserClient();
    const provisioningKey = await admin.request<string>(`/api-key/application/${fleet.id}/provisioning`, {
      method: 'POST',
      body: { name: 'auth test', expiryDate: null },
    });

    const client = createClient({ apiUrl: sandbox.url });
    await loginWithToken(client, provisioningKey);
    const actor = await whoami(client);
    expect(actor.actorType).toBe('application');
    expect(actor.actorType === 'application' && actor.slug).toBe(fleet.slug);
    expect(actor.actorTypeId).toBe(fleet.id);
    await expect(whoAmI(client)).rejects.toBeInstanceOf(NotLoggedIn);
  });

  it('a device API key is a device actor, and not a user', async () => {
    const fleet = await sandbox.seedApplication({ name: `auth-device-${Date.now()}` });
    const [device] = await sandbox.seedDevices({ application: fleet.id, count: 1 });
    const admin = await superuserClient();
    const deviceKey = await admin.request<string>(`/api-key/device/${device!.id}/device-key`, {
      method: 'POST',
      body: {},
    });

    const client = createClient({ apiUrl: sandbox.url });
    await loginWithToken(client, deviceKey);
    const actor = await whoami(client);
    expect(actor.actorType).toBe('device');
    expect(actor.actorType === 'device' && actor.uuid).toBe(device!.uuid);
    expect(actor.actorTypeId).toBe(device!.id);
    expect(await getActorId(client)).toBe(actor.id);
    expect(await isLoggedIn(client)).toBe(true);
    const error = await getUserInfo(client).catch((caughtError: unknown) => caughtError);
    expect(error).toBeInstanceOf(NotLoggedIn);
    expect((error as Error).message).toContain('device');
  });
});
