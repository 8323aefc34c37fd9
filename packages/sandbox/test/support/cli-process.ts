import { type ChildProcess, spawn } from 'node:child_process';
import { onTestFinished } from 'vitest';

/** The built CLI (tests run after `tsc -b`). */
export const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;

/**
 * Starts the CLI on a data file and resolves with its URL, password, token and process once it
 * prints them. Called inside a test: a CLI the test has not stopped by its end (an assertion failed
 * before its `stopCli`) is killed then, rather than outliving the test run.
 */
export function startCli(
  dataFile: string,
): Promise<{ url: string; password: string; token: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [CLI, '--port', '0', '--data', dataFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      const password = /password (\S+)/.exec(output)?.[1];
      const token = /token: (\S+)/.exec(output)?.[1];
      if (url && password && token) resolve({ url, password, token, child });
    });
    child.on('exit', (code) => reject(new Error(`cli exited with ${code}: ${output}`)));
  });
}

/** Stops the CLI with SIGTERM and resolves with its exit code. */
export function stopCli(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}
