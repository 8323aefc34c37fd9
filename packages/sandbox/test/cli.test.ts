// The balena-sandbox command (dist/cli.js, built by `tsc -b`).
import { type ChildProcess, spawn } from 'node:child_process';
import mqtt from 'mqtt';
import { describe, expect, it } from 'vitest';

const CLI = new URL('../dist/cli.js', import.meta.url).pathname;

/** Runs the CLI to its end and returns its exit code and output. */
function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** Starts the CLI and resolves once it has printed every line of its banner. */
function startCli(): Promise<{ child: ChildProcess; lines: Map<string, string> }> {
  const child = spawn(process.execPath, [CLI, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const lines = new Map<string, string>();
      for (const line of output.split('\n')) {
        const colon = line.indexOf(': ');
        if (colon > 0) lines.set(line.slice(0, colon), line.slice(colon + 2));
      }
      if (lines.has('token') && lines.has('mqtt over websocket (browsers)')) resolve({ child, lines });
    });
    child.on('exit', (code) => reject(new Error(`cli exited with ${code}: ${output}`)));
  });
}

describe('balena-sandbox', () => {
  it('--help documents every flag', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    for (const flag of ['--port', '--data', '--username', '--email', '--password', '--verbose', '--help', '-h']) {
      expect(stdout).toMatch(new RegExp(`^\\s+(-h, )?${flag}\\b.*\\S`, 'm'));
    }
  });

  it('an unknown flag prints the usage and exits 1', async () => {
    const { code, stderr } = await runCli(['--nope']);
    expect(code).toBe(1);
    expect(stderr).toContain('Usage: balena-sandbox');
  });

  it('prints the MQTT broker (TCP and WebSocket), which takes the printed token', async () => {
    const { child, lines } = await startCli();
    try {
      const mqttUrl = lines.get('mqtt (device logs)')!;
      const mqttWsUrl = lines.get('mqtt over websocket (browsers)')!;
      expect(mqttUrl).toMatch(/^mqtt:\/\/127\.0\.0\.1:\d+$/);
      expect(mqttWsUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/mqtt$/);
      for (const url of [mqttUrl, mqttWsUrl]) {
        const client = await mqtt.connectAsync(url, {
          username: 'admin',
          password: lines.get('token')!,
          reconnectPeriod: 0,
        });
        expect(client.connected).toBe(true);
        await client.endAsync();
      }
    } finally {
      await new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      });
    }
  });
});
