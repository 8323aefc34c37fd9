// The sandbox as a test fixture: each test file gets a fresh sandbox, a logged-in client and a
// `fleet` helper that registers simulated devices (`@balena-ts/sandbox/vitest`).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { type Client, createClient } from '@balena-ts/core';
import * as device from '@balena-ts/models/device';
import { type SandboxFixtures, type SandboxSession, sandboxFixtures } from '@balena-ts/sandbox/vitest';
import { test as base, describe, expect } from 'vitest';

async function loggedIn({ apiUrl, token }: SandboxSession): Promise<Client> {
  const client = createClient({ apiUrl, retry: false });
  await client.tokens.set(token);
  return client;
}

const test = base.extend<SandboxFixtures<Client>>(sandboxFixtures({ connect: loggedIn }));
const freshPerTest = base.extend<SandboxFixtures<Client>>(sandboxFixtures({ connect: loggedIn, scope: 'test' }));

describe('@balena-ts/sandbox/vitest', () => {
  test('gives a logged-in client and simulated devices', async ({ client, fleet, sandbox }) => {
    const { application, devices } = await fleet({ name: 'pumps', devices: 2 });
    expect(devices).toHaveLength(2);
    const rows = await device.getAllByApplication(client, application.id, { $select: ['uuid', 'is_online'] });
    expect(rows.map((row) => row.uuid).sort()).toEqual(devices.map((simulated) => simulated.uuid).sort());
    expect(client.config.apiUrl).toBe(sandbox.url);
  });

  test('shares the sandbox across the tests of the file (scope: file)', async ({ client }) => {
    // The previous test's two devices are still there.
    expect(await device.getAll(client, { $select: ['id'] })).toHaveLength(2);
  });

  freshPerTest('gives each test a sandbox of its own (scope: test)', async ({ client }) => {
    expect(await device.getAll(client, { $select: ['id'] })).toHaveLength(0);
  });
});

describe('useSandbox with node:test', () => {
  test('runs a node:test file that uses the sandbox', async () => {
    const file = path.join(import.meta.dirname, 'node-test', 'use-sandbox.node-test.mjs');
    const { stdout } = await promisify(execFile)(process.execPath, ['--test', '--test-reporter=tap', file], {
      timeout: 60_000,
    });
    expect(stdout).toMatch(/^# pass 2$/m);
    expect(stdout).toMatch(/^# fail 0$/m);
  });
});
