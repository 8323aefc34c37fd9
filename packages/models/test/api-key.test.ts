import { createClient, InvalidParameter } from '@balena-ts/core';
import * as apiKey from '@balena-ts/models/api-key';
import * as application from '@balena-ts/models/application';
import { describe, expect, it } from 'vitest';
import { uniqueName, useTestContext } from './helpers/sandbox.js';

const context = useTestContext();

async function findKey(name: string) {
  const keys = await apiKey.getAll(context.client, { $select: ['id', 'name', 'description', 'expiry_date'] });
  return keys.find((key) => key.name === name);
}

describe('apiKey', () => {
  it('creates a key that authenticates, lists it, updates and revokes it', async () => {
    const name = uniqueName('ci');
    const secret = await apiKey.createApiKey(context.client, name, 'for the pipeline');
    expect(typeof secret).toBe('string');
    const keyClient = createClient({ apiUrl: context.sandbox.url, apiKey: secret, retry: false });
    const whoami = await keyClient.request<{ username: string }>('/user/v1/whoami');
    expect(whoami.username).toBe(context.sandbox.superuser.username);

    const created = await findKey(name);
    expect(created?.description).toBe('for the pipeline');
    const named = await apiKey.getAllNamedUserApiKeys(context.client, { $select: ['name'] });
    expect(named.map((key) => key.name)).toContain(name);

    const renamed = uniqueName('ci-renamed');
    await apiKey.update(context.client, created?.id as number, {
      name: renamed,
      description: 'rotated',
      expiryDate: '2040-01-01T00:00:00.000Z',
    });
    const updated = await findKey(renamed);
    expect(updated?.description).toBe('rotated');
    expect(new Date(updated?.expiry_date as string).toISOString()).toBe('2040-01-01T00:00:00.000Z');

    await apiKey.revoke(context.client, created?.id as number);
    expect(await findKey(renamed)).toBeUndefined();
  });

  it('updates the description alone, keeping the name', async () => {
    const name = uniqueName('described');
    await apiKey.createApiKey(context.client, name, 'before');
    const created = await findKey(name);
    await apiKey.update(context.client, created?.id as number, { description: 'after' });
    expect(await findKey(name)).toMatchObject({ name, description: 'after' });
  });

  it('create() takes an object and an expiry date', async () => {
    const name = uniqueName('temp');
    await apiKey.create(context.client, { name, expiryDate: '2035-06-01T00:00:00.000Z' });
    expect(new Date((await findKey(name))?.expiry_date as string).toISOString()).toBe('2035-06-01T00:00:00.000Z');
    const forever = uniqueName('forever');
    await apiKey.create(context.client, { name: forever, description: 'no expiry' });
    expect(await findKey(forever)).toMatchObject({ name: forever, description: 'no expiry', expiry_date: null });
  });

  it('getAll lists provisioning keys too; getAllNamedUserApiKeys only the user named keys', async () => {
    const app = await context.sandbox.seedApplication({ name: uniqueName('keys') });
    const provisioningName = uniqueName('provisioning');
    await application.generateProvisioningKey(context.client, app.id, { name: provisioningName });
    const userKey = uniqueName('mine');
    await apiKey.createApiKey(context.client, userKey);
    const all = (await apiKey.getAll(context.client, { $select: ['name'] })).map((key) => key.name);
    expect(all).toEqual(expect.arrayContaining([provisioningName, userKey]));
    context.recorder.reset();
    const named = (await apiKey.getAllNamedUserApiKeys(context.client, { $select: ['name'] })).map((key) => key.name);
    expect(context.recorder.requests).toHaveLength(2);
    expect(named).toContain(userKey);
    expect(named).not.toContain(provisioningName);
    expect(named).not.toContain(null);
    expect(named).toEqual([...named].sort((a, b) => ((a as string) < (b as string) ? -1 : 1)));
  });

  it('rejects empty names, empty updates and malformed ids before any request', async () => {
    context.recorder.reset();
    await expect(apiKey.createApiKey(context.client, '')).rejects.toBeInstanceOf(InvalidParameter);
    await expect(apiKey.create(context.client, undefined as never)).rejects.toBeInstanceOf(InvalidParameter);
    await expect(apiKey.update(context.client, 1, { name: 42 as never })).rejects.toBeInstanceOf(InvalidParameter);
    await expect(apiKey.update(context.client, 1, { name: null as never })).rejects.toBeInstanceOf(InvalidParameter);
    await expect(apiKey.update(context.client, 1, { name: '' })).rejects.toBeInstanceOf(InvalidParameter);
    await expect(apiKey.update(context.client, 1, {})).rejects.toBeInstanceOf(InvalidParameter);
    await expect(apiKey.update(context.client, 1, null as never)).rejects.toBeInstanceOf(InvalidParameter);
    await expect(apiKey.revoke(context.client, -1)).rejects.toBeInstanceOf(InvalidParameter);
    await expect(apiKey.revoke(context.client, Number.NaN)).rejects.toBeInstanceOf(InvalidParameter);
    expect(context.recorder.requests).toHaveLength(0);
  });
});
