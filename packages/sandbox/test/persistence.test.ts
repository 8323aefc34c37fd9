import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../src/index.js';
import { call, createFleet, odata } from './support/api.js';
import { startCli, stopCli } from './support/cli-process.js';

const directory = mkdtempSync(join(tmpdir(), 'sandbox-persistence-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('persistence', () => {
  it('keeps fleets, devices and keys across a programmatic restart', async () => {
    const dataFile = join(directory, 'programmatic.db');
    const first = await startSandbox({ dataFile, superuser: { password: 'pw' } });
    const fleet = await createFleet(first, first.superuser.token, first.superuser.organizationId, 'kept');
    const devices = await first.seedDevices({ application: fleet.id, count: 3 });
    const key = (
      await call(first, 'POST', '/api-key/user/full', { token: first.superuser.token, body: { name: 'kept-key' } })
    ).body;
    await first.close();

    const second = await startSandbox({ dataFile });
    // Only the password's hash is kept: it still logs in, but the sandbox cannot tell it.
    expect(second.superuser.password).toBe('');
    const login = await call(second, 'POST', '/login_', { body: { username: 'admin', password: 'pw' } });
    expect(login.status).toBe(200);
    expect((await odata(second, 'application?$select=app_name&$filter=is_public eq false', key)).body).toEqual({
      d: [{ app_name: 'kept' }],
    });
    expect((await odata(second, 'device/$count', second.superuser.token)).body).toEqual({ d: 3 });
    expect((await odata(second, `device(uuid='${devices[0]!.uuid}')?$select=id`, first.superuser.token)).body).toEqual({
      d: [{ id: devices[0]!.id }],
    });
    const next = await createFleet(second, second.superuser.token, second.superuser.organizationId, 'after-restart');
    expect(next.id).toBeGreaterThan(fleet.id);
    await second.close();
  });

  it('balena-sandbox --data keeps state across a restart of the CLI and stops cleanly on SIGTERM', async () => {
    const dataFile = join(directory, 'cli.db');
    const first = await startCli(dataFile);
    const login = await fetch(`${first.url}/login_`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: first.password }),
    });
    const token = await login.text();
    const created = await fetch(`${first.url}/v7/application`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ app_name: 'cli-fleet', organization: 2, is_for__device_type: 1 }),
    });
    expect(created.status).toBe(201);
    expect(await stopCli(first.child)).toBe(0);

    const second = await startCli(dataFile);
    expect(second.password).toBe('(unchanged;');
    const read = await fetch(`${second.url}/v7/application?$select=app_name&$filter=is_public%20eq%20false`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(await read.json()).toEqual({ d: [{ app_name: 'cli-fleet' }] });
    expect(await stopCli(second.child)).toBe(0);
  });
});
