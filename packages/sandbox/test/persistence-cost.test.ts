// With --data, a write must cost what it changes, not the size of the database: a sandbox that
// re-exported its whole database on every write burst made /ping and every request wait behind
// megabytes of I/O once the file grew (a 9.6 MB file put the load p99 above 3 s).
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../src/index.js';
import { call, createFleet } from './support/api.js';

const PROCESS_IO = '/proc/self/io';
const DEVICES = 5_000;
/** Longer than any debounce a persistence layer could reasonably use before it writes. */
const SETTLE_MS = 500;
/** A few pages of SQLite (4 KiB each) plus the request and answer on the socket. */
const WRITE_BUDGET_BYTES = 256 * 1024;

/** Bytes this process has passed to write(2) so far (files and sockets alike). */
function bytesWritten(): number {
  const line = readFileSync(PROCESS_IO, 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('wchar:'));
  return Number(line?.split(':')[1]);
}

const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
const directory = mkdtempSync(join(tmpdir(), 'sandbox-write-cost-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe.skipIf(!existsSync(PROCESS_IO))('the cost of one write with --data', () => {
  it(`writes a few pages for one PATCH on a database of ${DEVICES} devices, not the database`, async () => {
    const dataFile = join(directory, 'cost.db');
    const sandbox = await startSandbox({ dataFile });
    try {
      const { token, organizationId } = sandbox.superuser;
      const fleet = await createFleet(sandbox, token, organizationId, 'big-fleet');
      const [device] = await sandbox.seedDevices({ application: fleet.id, count: DEVICES });
      await settle();
      const databaseBytes =
        statSync(dataFile).size + (existsSync(`${dataFile}-wal`) ? statSync(`${dataFile}-wal`).size : 0);

      const before = bytesWritten();
      const answer = await call(sandbox, 'PATCH', `/v7/device(${device!.id})`, {
        token,
        body: { device_name: 'renamed' },
      });
      await settle();
      const written = bytesWritten() - before;

      console.log(`one PATCH on a ${databaseBytes}-byte database wrote ${written} bytes`);
      expect(answer.status).toBe(200);
      expect(databaseBytes).toBeGreaterThan(4 * WRITE_BUDGET_BYTES);
      expect(written).toBeLessThan(WRITE_BUDGET_BYTES);
    } finally {
      await sandbox.close();
    }
  }, 60_000);
});
