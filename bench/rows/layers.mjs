// The layers of a small read (ops/layers-worker.mjs): one forked worker per run, OPERATION_RUNS
// runs, each layer's median per call taken over the runs' medians.
import { fork } from 'node:child_process';
import { median, OPERATION_RUNS, OPERATION_TIMEOUT_MS } from './operations.mjs';
import { WARM_RUNS, WARM_UP } from './warm-runs.mjs';

const workerPath = new URL('../ops/layers-worker.mjs', import.meta.url).pathname;

/** What each layer adds to the one below it, in the table's words. */
export const LAYERS = {
  fetch: 'the platform fetch of the raw fetch column\u2019s request, the answer parsed',
  'fetch with timeouts':
    'fetch given what every balena-ts request gives it: two abort signals with their timers, a header',
  ofetch: 'ofetch with a timeout, no retry: the library the request layer is built on',
  'client.request': 'the request layer: credential, deadline and attempt timeout, ofetch hooks and retry, typed errors',
  'client.pine.get': 'the OData client: options checked, the query built, the answer checked',
  'organization.getAll': 'the model: its defaults merged into the caller’s options (the row’s call)',
};

function runOnce(nodeBinary, config) {
  return new Promise((resolve, reject) => {
    const child = fork(workerPath, [String(WARM_UP), String(WARM_RUNS)], {
      execPath: nodeBinary,
      // Only what the worker reads: the OS update row's devices alone pass Linux's 128 KiB cap.
      env: {
        ...process.env,
        BENCH_OPERATION_CONFIG: JSON.stringify({
          apiUrl: config.apiUrl,
          email: config.email,
          password: config.password,
        }),
      },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      stderr += chunk;
    });
    // A hung worker (a sandbox that stopped answering) must not hang the bench.
    const timer = setTimeout(() => child.kill('SIGKILL'), OPERATION_TIMEOUT_MS);
    child.on('message', (message) => {
      if (message.type === 'done') resolve(message.medians);
      else reject(new Error(message.message));
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`layers worker exited (${code}) ${stderr.slice(0, 300)}`));
    });
  });
}

/**
 * Times the organizations read through each layer, OPERATION_RUNS workers in turn.
 *
 * @param {{ nodeBinary: string, config: object }} context
 * @returns {Promise<Record<string, number[]>>} each layer's median per call in each run, in ms
 */
export async function measureLayers({ nodeBinary, config }) {
  const runs = [];
  for (let run = 0; run < OPERATION_RUNS; run++) runs.push(await runOnce(nodeBinary, config));
  return Object.fromEntries(Object.keys(LAYERS).map((layer) => [layer, runs.map((medians) => medians[layer])]));
}

/**
 * The layers as a Markdown section: each layer's median over the runs, in µs and as a multiple of
 * fetch's, and each run's figure.
 *
 * @param {Record<string, number[]>} perRun from {@link measureLayers}
 * @returns {string}
 */
export function renderLayers(perRun) {
  const base = median(perRun.fetch);
  const micro = (ms) => `${Math.round(ms * 1000)} µs`;
  const lines = [
    `### Where a small read’s time goes (the organizations row’s read, each layer alternated call by call in one process; median of ${WARM_RUNS.toLocaleString('en-US')} calls after ${WARM_UP}, median of ${perRun.fetch.length} runs)`,
    '',
    '| layer | what it adds | per call | × fetch | per run |',
    '|---|---|--:|--:|---|',
    ...Object.entries(LAYERS).map(([layer, adds]) => {
      const value = median(perRun[layer]);
      return `| ${layer} | ${adds} | ${micro(value)} | ${(value / base).toFixed(2)} | ${perRun[layer].map(micro).join(', ')} |`;
    }),
  ];
  return lines.join('\n');
}
