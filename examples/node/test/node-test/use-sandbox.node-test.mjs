// The sandbox with node:test (the same call works with mocha's before/after and jest's
// beforeAll/afterAll): one sandbox for the file, a logged-in client, simulated devices.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createClient } from '@balena-ts/core';
import * as device from '@balena-ts/models/device';
import { useSandbox } from '@balena-ts/sandbox/vitest';

const env = useSandbox(
  { before, after },
  {
    connect: async ({ apiUrl, token }) => {
      const client = createClient({ apiUrl, retry: false });
      await client.tokens.set(token);
      return client;
    },
  },
);

test('lists the devices of a simulated fleet', async () => {
  const { application, devices } = await env.fleet({ devices: 3 });
  const rows = await device.getAllByApplication(env.client, application.id, { $select: ['uuid'] });
  assert.deepEqual(rows.map((row) => row.uuid).sort(), devices.map((simulated) => simulated.uuid).sort());
});

test('keeps the sandbox for the whole file', async () => {
  assert.equal((await device.getAll(env.client, { $select: ['id'] })).length, 3);
});
