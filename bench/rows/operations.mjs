// Operation rows: each (implementation, operation) pair runs in its own forked worker on the bench
// Node binary against the same seeded sandbox. Requests are counted on the server
// (sandbox.requestCount() read before 'go' and after 'done', so the login is not counted), wall time
// is measured in the worker around the operation alone, and the memory peak is the worker's maxRSS.
import { fork } from 'node:child_process';
import path from 'node:path';
import { OS_UPDATE_DEVICES_PER_RUN } from './sandbox-fleet.mjs';
import { WARM_RUNS, WARM_UP } from './warm-runs.mjs';

const workerPath = path.resolve(import.meta.dirname, '..', 'ops', 'worker.mjs');
export const OPERATION_TIMEOUT_MS = 10 * 60_000;

/**
 * Reads of a few milliseconds, timed warm: after the first call (whose requests are counted),
 * WARM_UP unmeasured calls and WARM_RUNS measured ones in the same process, the median reported. Measured
 * once in a fresh process they time the first call through cold (not yet optimised) code, which
 * a long-running program pays once. Every implementation is timed the same way.
 */
export const WARM_OPERATIONS = new Set([
  'getDeviceWithServiceDetails',
  'readLogs',
  'listOrganizations',
  'listOsVersions',
  'startOsUpdate',
]);

export const OPERATIONS = {
  getDeviceWithServiceDetails: 'get one device with service details',
  listDevices: 'list 10,000 devices',
  renameDevices: 'rename 1,000 devices',
  renameDevicesConcurrently: 'rename 1,000 devices concurrently',
  setEnvVars: 'set an env var on 1,000 devices',
  readLogs: 'read 10,000 log lines',
  listOrganizations: 'list organizations with their memberships',
  listOsVersions: 'list the OS versions of a device type',
  startOsUpdate: 'start an OS update',
};

// Each OS update run takes devices of its own (one per call): a device updates once.
let osUpdateRuns = 0;

/**
 * @param {{ nodeBinary: string, sandbox: any, config: object }} context
 * @param {'official' | 'balena-ts' | 'raw-fetch'} implementation
 * @param {keyof typeof OPERATIONS} operation
 * @param {string} [tag] distinguishes repeated runs (part of the env var name)
 * @returns {Promise<{ requests: number, ms: number, items: number, peakRssBytes: number, rssBeforeBytes: number }>}
 */
export function runOperation({ nodeBinary, sandbox, config }, implementation, operation, tag = '') {
  // A fresh variable name per run, so that every run creates its variables rather than updating.
  const envVarName = `BENCH_${implementation.replace('-', '_').toUpperCase()}${tag ? `_${tag}` : ''}`;
  // Each worker gets only the OS update devices of its own run: the config travels in an
  // environment variable, which Linux caps at 128 KiB.
  const operationConfig = { ...config, envVarName, osUpdateUuids: [] };
  if (operation === 'startOsUpdate') {
    const first = OS_UPDATE_DEVICES_PER_RUN * osUpdateRuns++;
    operationConfig.osUpdateUuids = config.osUpdateUuids.slice(first, first + OS_UPDATE_DEVICES_PER_RUN);
    if (operationConfig.osUpdateUuids.length < OS_UPDATE_DEVICES_PER_RUN) {
      return Promise.reject(new Error('not enough OS update devices left'));
    }
  }
  return new Promise((resolve, reject) => {
    const warm = WARM_OPERATIONS.has(operation);
    const child = fork(
      workerPath,
      [implementation, operation, String(warm ? WARM_UP : 0), String(warm ? WARM_RUNS : 0)],
      {
        execPath: nodeBinary,
        env: { ...process.env, BENCH_OPERATION_CONFIG: JSON.stringify(operationConfig) },
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      stderr += chunk;
    });
    let requestsBefore = 0;
    let requests;
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
      } else if (message.type === 'counted') {
        // The first call's requests; the warm runs after it are not counted.
        requests = sandbox.requestCount() - requestsBefore;
        child.send('go on');
      } else if (message.type === 'done') {
        const { type: _type, ...measured } = message;
        finish(undefined, { requests: requests ?? sandbox.requestCount() - requestsBefore, ...measured });
      } else if (message.type === 'error') {
        finish(new Error(message.message));
      }
    });
    child.on('exit', (code) => finish(new Error(`worker exited (${code}) ${stderr.slice(0, 300)}`)));
  });
}

export const OPERATION_RUNS = Number(process.env.BENCH_OPERATION_RUNS ?? 3);

/** The median of some figures (the mean of the middle two for an even count). */
export function median(values) {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Runs one operation for every implementation: first an unmeasured raw-fetch warm-up (so that the
 * first measured implementation does not pay for the sandbox's own warm-up), then OPERATION_RUNS
 * interleaved rounds. Wall time and memory peak are medians; requests and items come from the
 * first run, and a run whose request count differs is reported. An implementation that fails once
 * is not run again; its result is the error.
 * @param {{ nodeBinary: string, sandbox: any, config: object }} context
 * @param {keyof typeof OPERATIONS} operation
 * @param {string[]} implementations
 * @returns {Promise<Record<string, Error | { requests: number, ms: number, items: number, peakRssBytes: number, requestCounts: number[], msPerRun: number[] }>>}
 */
export async function runOperationRounds(context, operation, implementations, onProgress = () => {}) {
  await runOperation(context, 'raw-fetch', operation, 'WARMUP').catch(() => undefined);
  const samples = Object.fromEntries(implementations.map((implementation) => [implementation, []]));
  const failures = {};
  for (let round = 0; round < OPERATION_RUNS; round++) {
    for (const implementation of implementations) {
      if (failures[implementation]) continue;
      onProgress(`operation ${operation} (${implementation}, run ${round + 1}/${OPERATION_RUNS})`);
      try {
        samples[implementation].push(await runOperation(context, implementation, operation, `R${round}`));
      } catch (error) {
        failures[implementation] = error instanceof Error ? error : new Error(String(error));
      }
    }
  }
  return Object.fromEntries(
    implementations.map((implementation) => {
      const runs = samples[implementation];
      if (failures[implementation] && runs.length === 0) return [implementation, failures[implementation]];
      return [
        implementation,
        {
          requests: runs[0].requests,
          requestCounts: runs.map((run) => run.requests),
          msPerRun: runs.map((run) => run.ms),
          items: runs[0].items,
          ms: median(runs.map((run) => run.ms)),
          peakRssBytes: median(runs.map((run) => run.peakRssBytes)),
          peakAboveStartBytes: median(runs.map((run) => run.peakRssBytes - run.rssBeforeBytes)),
        },
      ];
    }),
  );
}
