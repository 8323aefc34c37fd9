import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../src/index.js';
import { call } from './support/api.js';
import { startCli, stopCli } from './support/cli-process.js';

const directory = mkdtempSync(join(tmpdir(), 'sandbox-durability-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const WRITERS = 20;
const WRITE_WINDOW_MS = 1500;

/** The whole data file and its write-ahead log, as text (what a reader of the disk sees). */
function onDisk(dataFile: string): string {
  let text = readFileSync(dataFile).toString('latin1');
  try {
    text += readFileSync(`${dataFile}-wal`).toString('latin1');
  } catch {
    // no write-ahead log at the moment
  }
  return text;
}

describe('durability of --data', () => {
  it('every write acknowledged before a SIGKILL is there after a restart on the same file', async () => {
    const dataFile = join(directory, 'kill.db');
    const first = await startCli(dataFile);
    const headers = { Authorization: `Bearer ${first.token}`, 'Content-Type': 'application/json' };
    const fleet = await fetch(`${first.url}/v7/application`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ app_name: 'kill-test', organization: 2, is_for__device_type: 1 }),
    });
    const fleetId = ((await fleet.json()) as { id: number }).id;
    const acknowledged: number[] = [];
    const stopAt = Date.now() + WRITE_WINDOW_MS;
    const writer = async (writerIndex: number) => {
      for (let index = 0; Date.now() < stopAt; index++) {
        try {
          const answer = await fetch(`${first.url}/v7/application_tag`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ application: fleetId, tag_key: `w${writerIndex}-${index}`, value: 'x' }),
          });
          if (answer.status === 201) acknowledged.push(((await answer.json()) as { id: number }).id);
        } catch {
          return; // the process is gone
        }
      }
    };
    const writers = Array.from({ length: WRITERS }, (_, index) => writer(index));
    setTimeout(() => first.child.kill('SIGKILL'), WRITE_WINDOW_MS - 300);
    await Promise.all(writers);
    expect(acknowledged.length).toBeGreaterThan(20);

    const second = await startCli(dataFile);
    const read = await fetch(`${second.url}/v7/application_tag?$select=id&$filter=application eq ${fleetId}`, {
      headers,
    });
    const stored = new Set(((await read.json()) as { d: { id: number }[] }).d.map((row) => row.id));
    const lost = acknowledged.filter((id) => !stored.has(id));
    console.log(`kill test: ${acknowledged.length} acknowledged writes by ${WRITERS} writers, ${lost.length} lost`);
    expect(lost).toEqual([]);
    expect(await stopCli(second.child)).toBe(0);
  }, 30_000);

  it('the data file is private (0600) and holds neither API keys nor the superuser password in clear', async () => {
    const dataFile = join(directory, 'secrets.db');
    const password = 'correct-horse-battery-staple';
    const sandbox = await startSandbox({ dataFile, superuser: { password } });
    const key = (
      await call(sandbox, 'POST', '/api-key/user/full', { token: sandbox.superuser.token, body: { name: 'k' } })
    ).body as string;
    expect(statSync(dataFile).mode & 0o777).toBe(0o600);
    const disk = onDisk(dataFile);
    expect(disk).not.toContain(key);
    expect(disk).not.toContain(password);
    await sandbox.close();
    expect(onDisk(dataFile)).not.toContain(key);

    const again = await startSandbox({ dataFile });
    const whoami = await call(again, 'GET', '/user/v1/whoami', { token: key });
    expect(whoami.status).toBe(200);
    // The stored hash is not a credential itself.
    const hash = (await call(again, 'GET', '/v7/api_key?$select=key', { token: key })).body.d[0].key as string;
    expect(hash.startsWith('sha256:')).toBe(true);
    expect((await call(again, 'GET', '/user/v1/whoami', { token: hash })).status).toBe(401);
    await again.close();
  });

  it('rewrites the API keys an older sandbox kept in clear as hashes, and they still work', async () => {
    const dataFile = join(directory, 'older.db');
    const first = await startSandbox({ dataFile });
    const key = (
      await call(first, 'POST', '/api-key/user/full', { token: first.superuser.token, body: { name: 'old' } })
    ).body as string;
    await first.close();
    // What an older sandbox wrote: the key in clear in the row's JSON.
    const database = new Database(dataFile);
    const row = database.prepare("SELECT id, data FROM rows WHERE resource = 'api_key'").get() as {
      id: number;
      data: string;
    };
    database
      .prepare("UPDATE rows SET data = ? WHERE resource = 'api_key' AND id = ?")
      .run(JSON.stringify({ ...JSON.parse(row.data), key }), row.id);
    database.close();
    expect(onDisk(dataFile)).toContain(key);

    const second = await startSandbox({ dataFile });
    expect(onDisk(dataFile)).not.toContain(key);
    expect((await call(second, 'GET', '/user/v1/whoami', { token: key })).status).toBe(200);
    await second.close();
  });
});
