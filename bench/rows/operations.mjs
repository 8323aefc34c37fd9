// Operation rows: each (implementation, operation) pair runs in its own forked worker on the bench
// Node binary against the same seeded sandbox. Requests are counted on the server
// (sandbox.requestCount() read before 'go' and after 'done', so the login is not counted), wall time
// is measured in the worker around the operation alone, and the memory peak is the worker's maxRSS.
import { fork } from 'node:child_process';
import path from 'node:path';

const workerPath = path.resolve(import.meta.dirname, '..', 'ops', 'worker.mjs');
const OPERATION_TIMEOUT_MS = 10 * 60_000;

export const OPERATIONS = {
  getDeviceWithServiceDetails: 'get one device with service details',
  listDevices: 'list 10,000 devices',
  renameDevices: 'rename 1,000 devices',
  setEnvVars: 'set an env var on 1,000 devices',
  readLogs: 'read 10,000 log lines',
};

/**
 * @param {{ nodeBinary: string, sandbox: any, config: object }} context
 * @param {'official' | 'balena-ts' | 'raw-fetch'} implementation
 * @param {keyof typeof OPERATIONS} operation
 * @returns {Promise<{ requests: number, ms: number, items: number, peakRssBytes: number, rssBeforeBytes: number }>}
 */
export function runOperation({ nodeBinary, sandbox, config }, implementation, operation) {
  const operationConfig = { ...config, envVarName: `BENCH_${implementation.replace('-', '_').toUpperCase()}` };
  return new Promise((resolve, reject) => {
    const child = fork(workerPath, [implementation, operation], {
      execPath: nodeBinary,
      env: { ...process.env, BENCH_OPERATION_CONFIG: JSON.stringify(operationConfig) },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      stderr += chunk;
    });
    let requestsBefore = 0;
    let settled = false;
    const finish = (error, value) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      error ? reject(error) : resolve(value);
    };
    const timer = setTimeout(() => finish(new Error('timed out')), OPERATION_TIMEOUT_MS);
    child.on('message', (message) => {
      if (message.type === 'ready') {
        requestsBefore = sandbox.requestCount();
        child.send('go');
      } else if (message.type === 'done') {
        const { type: _type, ...measured } = message;
        finish(undefined, { requests: sandbox.requestCount() - requestsBefore, ...measured });
      } else if (message.type === 'error') {
        finish(new Error(message.message));
      }
    });
    child.on('exit', (code) => finish(new Error(`worker exited (${code}) ${stderr.slice(0, 300)}`)));
  });
}
