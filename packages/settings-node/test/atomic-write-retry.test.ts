// @ts-nocheck
// Windows refuses for a moment to replace a file another process holds open (EPERM, EACCES,
// EBUSY); POSIX never does, so rename is wrapped here to fail with those codes first and then do
// the real rename. Every file is real; only the refusals are injected.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomically } from '../src/atomic-write.js';

const injected = vi.hoisted(() => ({ codes: [] as string[], calls: 0 }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal();
  return {
    ...actual,
    rename: async (from: string, to: string) => {
      injected.calls++;
      const code = injected.codes.shift();
      if (code !== undefined) throw Object.assign(new Error(`${code}: injected refusal`), { code });
      return actual.rename(from, to);
    },
  };
});

const directory = mkdtempSync(path.join(tmpdir(), 'atomic-write-retry-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
beforeEach(() => {
  injected.codes = [];
  injected.calls = 0;
});

describe('writeFileAtomically on a file another process holds (Windows)', () => {
  it.each(['EPERM', 'EACCES', 'EBUSY'])('retries a rename refused with %s, then writes the file', async (code) => {
    const file = path.join(directory, `retried-${code}`);
    injected.codes = [code, code];
    await writeFileAtomically(file, `content after ${code}`);
    expect(injected.calls).toBe(3);
    expect(readFileSync(file, 'utf8')).toBe(`content after ${code}`);
    expect(readdirSync(directory).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('gives up after 5 attempts, waiting longer each time, and removes the temporary file', async () => {
    const file = path.join(directory, 'never-replaced');
    injected.codes = Array(10).fill('EBUSY');
    const started = performance.now();
    await expect(writeFileAtomically(file, 'never written')).rejects.toMatchObject({ code: 'EBUSY' });
    // Waits of 20, 40, 60 and 80 ms between the 5 attempts.
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    expect(injected.calls).toBe(5);
    expect(readdirSync(directory).filter((name) => name.startsWith('.never-replaced'))).toEqual([]);
  });

  it('does not retry an error that is not transient, and removes the temporary file', async () => {
    // A real one: a non-empty directory where the file should go.
    const file = path.join(directory, 'a-directory');
    mkdirSync(path.join(file, 'inside'), { recursive: true });
    await expect(writeFileAtomically(file, 'text')).rejects.toMatchObject({ code: 'EISDIR' });
    expect(injected.calls).toBe(1);
    expect(readdirSync(directory).filter((name) => name.startsWith('.a-directory'))).toEqual([]);
  });
});
