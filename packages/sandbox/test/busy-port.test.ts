// "Ready for npm" 5: a sandbox on a busy port fails clearly and leaves nothing open behind it.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../src/index.js';
import { CLI } from './support/cli-process.js';

let blocker: Server;
let port: number;

beforeAll(async () => {
  blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  port = (blocker.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => blocker.close(() => resolve())));

const openServers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'TCPServerWrap').length;

describe('a busy port', () => {
  it('rejects startSandbox with a clear error, the runtime closed', async () => {
    const before = openServers();
    const failure = await startSandbox({ port }).then(
      () => undefined,
      (error: unknown) => error as Error & { code?: string },
    );
    expect(failure?.message).toBe(`port ${port} on 127.0.0.1 is already in use`);
    expect(failure?.code).toBe('EADDRINUSE');
    // The MQTT listeners and the local supervisor server had started: none is left listening once
    // the failed listen's own handle is released (on the next turns of the event loop).
    await expect.poll(openServers, { timeout: 2000, interval: 20 }).toBe(before);
  });

  it('makes the CLI print the reason and exit non-zero', async () => {
    const child = spawn(process.execPath, [CLI, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(`balena-sandbox: port ${port} on 127.0.0.1 is already in use`);
  }, 20_000);
});
