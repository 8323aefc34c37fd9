// Node cold start rows: spawn `node cold/start.mjs <implementation> a` (program (a): login + get one
// device) and measure the time from just before spawn() to the first HTTP request reaching a local
// server, which answers 401 to everything and then kills the child. One discarded warm-up run
// fills the OS page cache, then RUNS timed runs (median reported); one more run with the
// count-modules preload counts the module files loaded when the first request is sent.
import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';

const benchDir = path.resolve(import.meta.dirname, '..');
const COLD_START_TIMEOUT_MS = 30_000;
export const COLD_START_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 11);

function median(values) {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Starts the 401 server; `next()` resolves with the arrival time of the next request. */
async function startFirstRequestServer() {
  let waiting;
  const server = http.createServer((request, response) => {
    const arrivedAt = performance.now();
    request.resume();
    response.writeHead(401, { 'content-type': 'text/plain' }).end('Unauthorized');
    waiting?.(arrivedAt);
    waiting = undefined;
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    apiUrl: `http://127.0.0.1:${server.address().port}/`,
    next: () => new Promise((resolve) => (waiting = resolve)),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

async function oneRun(nodeBinary, args, env, server, { countModules = false } = {}) {
  const firstRequest = server.next();
  const startedAt = performance.now();
  const child = spawn(nodeBinary, args, { env, stdio: ['ignore', 'ignore', countModules ? 'pipe' : 'ignore'] });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const timeout = new Promise((_, reject) =>
    setTimeout(() => reject(new Error('no request within the time limit')), COLD_START_TIMEOUT_MS).unref(),
  );
  try {
    const arrivedAt = await Promise.race([
      firstRequest,
      timeout,
      exited.then(() => Promise.reject(new Error(`exited before any request: ${stderr.slice(0, 300)}`))),
    ]);
    if (countModules) await new Promise((resolve) => setTimeout(resolve, 100));
    return { ms: arrivedAt - startedAt, stderr };
  } finally {
    child.kill('SIGKILL');
    await exited;
  }
}

/** The implementations measured. */
export const COLD_START_IMPLEMENTATIONS = ['balena-ts', 'official', 'raw-fetch'];

/**
 * Measures several implementations in interleaved rounds (one run of each per round), so that
 * background load on the machine spreads over all of them alike.
 * @param {string} nodeBinary
 * @param {string[]} implementations
 * @returns {Promise<Record<string, { medianMs: number, minMs: number, modules: number, packages: number } | Error>>}
 */
export async function measureColdStarts(nodeBinary, implementations, program = 'a') {
  const server = await startFirstRequestServer();
  const script = path.join(benchDir, 'cold', 'start.mjs');
  const env = {
    ...process.env,
    BENCH_CONFIG: JSON.stringify({
      apiUrl: server.apiUrl,
      email: 'bench@example.com',
      password: 'bench',
      fleet: 1,
      deviceUuid: '0'.repeat(32),
    }),
  };
  const results = {};
  const times = {};
  try {
    for (const implementation of implementations) {
      try {
        await oneRun(nodeBinary, [script, implementation, program], env, server);
        times[implementation] = [];
      } catch (error) {
        results[implementation] = error;
      }
    }
    for (let run = 0; run < COLD_START_RUNS; run++) {
      for (const implementation of Object.keys(times)) {
        times[implementation].push((await oneRun(nodeBinary, [script, implementation, program], env, server)).ms);
      }
    }
    for (const [implementation, samples] of Object.entries(times)) {
      const counted = await oneRun(
        nodeBinary,
        ['--import', path.join(benchDir, 'cold', 'count-modules.mjs'), script, implementation, program],
        env,
        server,
        { countModules: true },
      );
      const line = counted.stderr.split('\n').find((text) => text.startsWith('BENCH_MODULES '));
      const { modules, packages } = line
        ? JSON.parse(line.slice('BENCH_MODULES '.length))
        : { modules: Number.NaN, packages: Number.NaN };
      results[implementation] = { medianMs: median(samples), minMs: Math.min(...samples), modules, packages };
    }
    return results;
  } finally {
    await server.close();
  }
}
