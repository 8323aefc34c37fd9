// The token and settings files are rewritten whole: a reader (the balena CLI, another process of
// the SDK) must see the old content or the new one, never an empty or half-written file, and no
// temporary file may stay behind. A reader thread reads the file as fast as it can while the main
// thread rewrites it; a write in place (truncate, then write) shows up as a short or empty read.
import { existsSync, mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomically } from '../src/atomic-write.js';

const WRITES = 150;
/** Large enough that a write in place takes several system calls, so a reader can land between them. */
const CONTENT_BYTES = 2 * 1024 * 1024;
const FIRST = 'a'.repeat(CONTENT_BYTES);
const SECOND = 'b'.repeat(CONTENT_BYTES);

// Reads the file until told to stop, counting its reads in shared memory; reports each read that
// is neither FIRST nor SECOND whole.
const READER = `
const { readFileSync } = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const shared = new Int32Array(workerData.shared);
let reads = 0;
const bad = [];
while (Atomics.load(shared, 0) === 0) {
  let text;
  try { text = readFileSync(workerData.file, 'latin1'); } catch (error) { bad.push(error.code); continue; }
  reads++;
  Atomics.store(shared, 1, reads);
  const whole = text.length === workerData.size && (text[0] === 'a' || text[0] === 'b') && text[0] === text[text.length - 1];
  if (!whole && bad.length < 20) bad.push('read of ' + text.length + ' characters');
}
parentPort.postMessage({ reads, bad });
`;

const directory = mkdtempSync(path.join(tmpdir(), 'atomic-write-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('writeFileAtomically', () => {
  it(`a reader never sees a partial or empty file during ${WRITES} rewrites, and no temporary file is left`, async () => {
    const file = path.join(directory, 'token');
    writeFileSync(file, FIRST);
    // [0]: stop, [1]: the reader's reads so far.
    const shared = new Int32Array(new SharedArrayBuffer(8));
    const reader = new Worker(READER, { eval: true, workerData: { file, size: CONTENT_BYTES, shared: shared.buffer } });
    const report = new Promise<{ reads: number; bad: string[] }>((resolve, reject) => {
      reader.once('message', resolve);
      reader.once('error', reject);
    });
    for (let index = 0; index < WRITES; index++) {
      await writeFileAtomically(file, index % 2 === 0 ? SECOND : FIRST);
      // The reader reads between every two writes, however busy the machine: each write has a read
      // racing it (a timing-free guarantee that the reader was there all along).
      const readsBefore = Atomics.load(shared, 1);
      while (Atomics.load(shared, 1) === readsBefore) await new Promise((resolve) => setImmediate(resolve));
    }
    Atomics.store(shared, 0, 1);
    const { reads, bad } = await report;
    await reader.terminate();

    expect(reads).toBeGreaterThanOrEqual(WRITES);
    expect(bad).toEqual([]);
    expect(readdirSync(directory)).toEqual(['token']);
  }, 60_000);

  // Linux lists a process's open files in /proc/self/fd; a handle left open would hold the file
  // (and on Windows block the next rename) until the garbage collector closes it.
  it.skipIf(!existsSync('/proc/self/fd'))('closes the temporary file after each write', async () => {
    const file = path.join(directory, 'closed');
    for (let index = 0; index < 5; index++) await writeFileAtomically(file, `content ${index}`);
    const openHere = readdirSync('/proc/self/fd')
      .map((fd) => {
        try {
          return readlinkSync(`/proc/self/fd/${fd}`);
        } catch {
          return '';
        }
      })
      .filter((target) => target.startsWith(directory));
    expect(openHere).toEqual([]);
  });
});
