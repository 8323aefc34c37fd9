import { InvalidParameter, KeyNotFound } from '@balena-ts/core';
import * as key from '@balena-ts/models/key';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestContext, type TestContext, uniqueName } from './helpers/sandbox.js';

let context: TestContext;

beforeAll(async () => {
  context = await startTestContext();
});

afterAll(async () => {
  await context?.sandbox.close();
});

const PUBLIC_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFakeKeyForTestsOnlyFakeKeyForTestsOnly00 me@laptop';

describe('key', () => {
  it('creates, gets, lists and removes an SSH key', async () => {
    const title = uniqueName("laptop 'work'");
    const created = await key.create(context.client, title, `  ${PUBLIC_KEY}\n`);
    expect(created.id).toBeGreaterThan(0);
    expect(created.public_key).toBe(PUBLIC_KEY);
    expect(created.title).toBe(title);
    const fetched = await key.get(context.client, created.id, { $select: ['title'] });
    expect(fetched).toEqual({ title });
    const all = await key.getAll(context.client, { $select: ['id'] });
    expect(all.map((row) => row.id)).toContain(created.id);
    await key.remove(context.client, created.id);
    await expect(key.get(context.client, created.id)).rejects.toBeInstanceOf(KeyNotFound);
  });

  it('rejects empty titles and keys and malformed ids', async () => {
    await expect(key.create(context.client, '', PUBLIC_KEY)).rejects.toBeInstanceOf(InvalidParameter);
    await expect(key.create(context.client, 'x', ' ')).rejects.toBeInstanceOf(InvalidParameter);
    await expect(key.get(context.client, 0)).rejects.toBeInstanceOf(InvalidParameter);
    await expect(key.remove(context.client, 1.5)).rejects.toBeInstanceOf(InvalidParameter);
    await expect(key.get(context.client, 987_654)).rejects.toBeInstanceOf(KeyNotFound);
  });
});
