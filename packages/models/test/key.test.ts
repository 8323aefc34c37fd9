import { createClient, InvalidParameter, KeyNotFound, NotLoggedIn } from '@balena-ts/core';
import * as apiKey from '@balena-ts/models/api-key';
import * as device from '@balena-ts/models/device';
import * as key from '@balena-ts/models/key';
import { describe, expect, it } from 'vitest';
import { uniqueName, useTestContext } from './helpers/sandbox.js';

const context = useTestContext();

const PUBLIC_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFakeKeyForTestsOnlyFakeKeyForTestsOnly00 me@laptop';

describe('key', () => {
  it('creates, gets, lists and removes an SSH key', async () => {
    const title = uniqueName("laptop 'work'");
    context.recorder.reset();
    const created = await key.create(context.client, title, `  ${PUBLIC_KEY}\n`);
    // whoami for the user id, then the POST: what the official SDK sends.
    expect(context.recorder.requests.map((request) => request.method)).toEqual(['GET', 'POST']);
    expect(created.id).toBeGreaterThan(0);
    expect(created.public_key).toBe(PUBLIC_KEY);
    expect(created.title).toBe(title);
    const fetched = await key.get(context.client, created.id, { $select: ['title'] });
    expect(fetched).toEqual({ title });
    const full = await key.get(context.client, created.id);
    const user = await context.client.request<{ actorTypeId: number }>('/actor/v1/whoami');
    expect(full).toMatchObject({ id: created.id, title, public_key: PUBLIC_KEY, user: { __id: user.actorTypeId } });
    const all = await key.getAll(context.client, { $select: ['id'] });
    expect(all.map((row) => row.id)).toContain(created.id);
    await key.remove(context.client, created.id);
    await expect(key.get(context.client, created.id)).rejects.toBeInstanceOf(KeyNotFound);
  });

  it('rejects empty titles and keys and malformed ids before any request', async () => {
    context.recorder.reset();
    await expect(key.create(context.client, '', PUBLIC_KEY)).rejects.toBeInstanceOf(InvalidParameter);
    await expect(key.create(context.client, 'x', ' ')).rejects.toBeInstanceOf(InvalidParameter);
    await expect(key.get(context.client, 0)).rejects.toBeInstanceOf(InvalidParameter);
    await expect(key.remove(context.client, 1.5)).rejects.toBeInstanceOf(InvalidParameter);
    await expect(key.get(context.client, ' 7' as never)).rejects.toBeInstanceOf(InvalidParameter);
    await expect(key.remove(context.client, Number.NaN)).rejects.toBeInstanceOf(InvalidParameter);
    expect(context.recorder.requests).toHaveLength(0);
    await expect(key.get(context.client, 987_654)).rejects.toBeInstanceOf(KeyNotFound);
    // A string of digits is an id, as in the seed's examples.
    await expect(key.get(context.client, '987654' as never)).rejects.toBeInstanceOf(KeyNotFound);
  });

  it('refuses to add a key with a device credential, accepts a user API key', async () => {
    const app = await context.sandbox.seedApplication({ name: uniqueName('keys') });
    const [seeded] = await context.sandbox.seedDevices({ application: app.id, count: 1 });
    const deviceKey = await device.generateDeviceKey(context.client, (seeded as { id: number }).id);
    const asDevice = createClient({ apiUrl: context.sandbox.url, apiKey: deviceKey, retry: false });
    await expect(key.create(asDevice, 'device', PUBLIC_KEY)).rejects.toBeInstanceOf(NotLoggedIn);
    // A user's own API key is a user credential: it may add keys.
    const userKey = await apiKey.createApiKey(context.client, uniqueName('ssh-keys'));
    const asUser = createClient({ apiUrl: context.sandbox.url, apiKey: userKey, retry: false });
    const created = await key.create(asUser, uniqueName('via api key'), PUBLIC_KEY);
    expect((await key.get(context.client, created.id, { $select: ['public_key'] })).public_key).toBe(PUBLIC_KEY);
  });
});
