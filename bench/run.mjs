#!/usr/bin/env node
// The benchmark: balena-ts vs the official balena-sdk vs raw fetch, same machine, same run, same
// sandbox. Prints a Markdown table and writes it to RESULTS.md.
//   pnpm bench                         everything
//   node run.mjs --only bundle,cold    some sections (bundle, cold, footprint, operations)
//   node run.mjs --no-write            do not write RESULTS.md
//   node run.mjs --only operations --operations listDevices,readLogs --no-write   some operations
// See README.md for the method.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describeMachine } from './lib/machine.mjs';
import { benchNodeBinary } from './lib/node-binary.mjs';
import {
  atMost,
  atMostAbsolute,
  formatBytes,
  formatCount,
  formatMs,
  IMPLEMENTATIONS,
  renderReasons,
  renderTable,
} from './lib/table.mjs';
import { missedTargetNotes } from './lib/target-notes.mjs';
import { balenaTsBundle, measureBundle, officialBundle, PROGRAMS } from './rows/bundle.mjs';
import { COLD_START_IMPLEMENTATIONS, COLD_START_RUNS, measureColdStarts } from './rows/cold-start.mjs';
import { balenaTsFootprint, officialFootprint, rawFetchFootprint } from './rows/footprint.mjs';
import { LAYERS, measureLayers, renderLayers } from './rows/layers.mjs';
import { OPERATION_RUNS, OPERATIONS, runOperationRounds, WARM_OPERATIONS } from './rows/operations.mjs';
import { startSeededSandbox } from './rows/sandbox-fleet.mjs';

const args = process.argv.slice(2);
const onlyIndex = args.indexOf('--only');
const sections = new Set(
  onlyIndex >= 0 ? args[onlyIndex + 1].split(',') : ['bundle', 'cold', 'footprint', 'operations'],
);
const write = !args.includes('--no-write');
const operationsIndex = args.indexOf('--operations');
const chosenOperations = operationsIndex >= 0 ? new Set(args[operationsIndex + 1].split(',')) : undefined;

const node = benchNodeBinary();
const machine = describeMachine(node.path);
const rows = [];
const notes = [];
let layerSection;

/** Runs one measurement; a failure becomes an Error value, shown as n/a with its reason. */
async function attempt(measure) {
  try {
    return await measure();
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
const pick = (result, key) => (result instanceof Error ? result : result?.[key]);
const progress = (text) => process.stderr.write(`bench: ${text}\n`);

if (sections.has('bundle')) {
  for (const [program, description] of Object.entries(PROGRAMS)) {
    progress(`bundle (${program})`);
    const results = {
      'balena-ts': await attempt(() => balenaTsBundle(program)),
      official: await attempt(() => officialBundle(program)),
      'raw-fetch': program === 'c' ? undefined : await attempt(() => measureBundle('raw-fetch', program)),
    };
    const target = {
      a: atMost(1 / 10, 'official', '≤ 1/10 of official'),
      b: atMost(1 / 6, 'official', '≤ 1/6 of official'),
    }[program];
    rows.push({
      section: 'Browser bundle, minified + gzipped (esbuild, gzip -9)',
      metric: `(${program}) ${description}`,
      format: formatBytes,
      values: Object.fromEntries(IMPLEMENTATIONS.map((name) => [name, pick(results[name], 'gzipBytes')])),
      target,
    });
    if (!(results.official instanceof Error)) {
      notes.push(
        `bundle (${program}) official: ${formatBytes(results.official.minBytes)} minified, ${results.official.packages} npm packages bundled`,
      );
    }
  }
}

if (sections.has('cold')) {
  progress(`cold start (${COLD_START_RUNS} interleaved runs each)`);
  const measured = await attempt(() => measureColdStarts(node.path, COLD_START_IMPLEMENTATIONS));
  const results = Object.fromEntries(
    IMPLEMENTATIONS.map((name) => [
      name,
      measured instanceof Error ? measured : (measured[name] ?? new Error('not yet')),
    ]),
  );
  const section = `Node cold start, program (a): spawn to first request received (median of ${COLD_START_RUNS}, interleaved)`;
  const values = (key) => Object.fromEntries(IMPLEMENTATIONS.map((name) => [name, pick(results[name], key)]));
  rows.push({
    section,
    metric: 'time to first request',
    format: formatMs,
    values: values('medianMs'),
    target: atMost(1 / 4, 'official', '≤ 1/4 of official'),
  });
  // Node itself needs tens of milliseconds before any program runs; raw fetch (3 module files) is
  // that floor, so the time above it is what the SDK itself costs.
  const rawMs = pick(results['raw-fetch'], 'medianMs');
  rows.push({
    section,
    metric: 'time above raw fetch (the SDK’s own cost)',
    format: formatMs,
    values: Object.fromEntries(
      IMPLEMENTATIONS.map((name) => {
        const ms = pick(results[name], 'medianMs');
        return [name, ms instanceof Error ? ms : rawMs instanceof Error ? rawMs : ms - rawMs];
      }),
    ),
    target: atMost(1 / 4, 'official', '≤ 1/4 of official'),
  });
  rows.push({ section, metric: 'module files loaded by then', format: formatCount, values: values('modules') });
  rows.push({ section, metric: 'npm packages loaded by then', format: formatCount, values: values('packages') });
}

if (sections.has('footprint')) {
  progress('installed footprint (npm install into temporary folders)');
  const results = {
    'balena-ts': await attempt(() => balenaTsFootprint()),
    official: await attempt(() => officialFootprint(machine.balenaSdk)),
    'raw-fetch': await attempt(() => rawFetchFootprint()),
  };
  const section = 'Installed footprint for auth + models (npm install --omit=dev)';
  const values = (key) => Object.fromEntries(IMPLEMENTATIONS.map((name) => [name, pick(results[name], key)]));
  rows.push({
    section,
    metric: 'packages',
    format: formatCount,
    values: values('packages'),
    target: atMostAbsolute(10, '≤ 10'),
  });
  rows.push({
    section,
    metric: 'bytes (apparent size)',
    format: formatBytes,
    values: values('bytes'),
    target: atMostAbsolute(2 * 1024 * 1024, '≤ 2 MB'),
  });
  rows.push({ section, metric: 'disk usage (du)', format: formatBytes, values: values('diskBytes') });
}

if (sections.has('operations')) {
  progress('operations: starting and seeding the sandbox');
  const seeded = await attempt(() => startSeededSandbox());
  const operationRows = { requests: [], time: [], memory: undefined };
  for (const [operation, description] of Object.entries(OPERATIONS)) {
    if (chosenOperations && !chosenOperations.has(operation)) continue;
    let results;
    if (seeded instanceof Error) {
      results = Object.fromEntries(
        IMPLEMENTATIONS.map((name) => [name, new Error(`sandbox unavailable: ${seeded.message}`)]),
      );
    } else if (operation === 'readLogs' && seeded.logSeedError) {
      results = Object.fromEntries(IMPLEMENTATIONS.map((name) => [name, new Error(seeded.logSeedError)]));
    } else {
      results = await runOperationRounds(
        { nodeBinary: node.path, ...seeded },
        operation,
        ['raw-fetch', 'official', 'balena-ts'],
        progress,
      );
    }
    for (const [implementation, result] of Object.entries(results)) {
      if (result instanceof Error) continue;
      const varying =
        new Set(result.requestCounts).size > 1 ? ` (request counts per run: ${result.requestCounts.join(', ')})` : '';
      // The wall time of each run, for the reads timed warm: under a millisecond, run-to-run
      // differences are as large as the ones between the columns, and a reader should see them.
      const perRun = WARM_OPERATIONS.has(operation)
        ? `; wall time per run ${result.msPerRun.map((ms) => (ms < 10 ? `${ms.toFixed(2)} ms` : formatMs(ms))).join(', ')}`
        : '';
      notes.push(`${operation} ${implementation}: ${formatCount(result.items)} items${varying}${perRun}`);
    }
    const values = (key) => Object.fromEntries(IMPLEMENTATIONS.map((name) => [name, pick(results[name], key)]));
    operationRows.requests.push({
      section: 'Requests made (counted by the sandbox)',
      metric: description,
      format: formatCount,
      values: values('requests'),
      // Concurrent renames share their existence checks: at most one extra request per 10 devices.
      target:
        operation === 'renameDevicesConcurrently'
          ? atMostAbsolute(1_100, '≤ 1,100')
          : atMost(1, 'official', '≤ official'),
    });
    operationRows.time.push({
      section: `Wall time (median of ${OPERATION_RUNS} interleaved runs; reads of a few ms timed warm)`,
      metric: description,
      format: formatMs,
      values: values('ms'),
      target: atMost(1.15, 'raw-fetch', '≤ 1.15 × raw fetch'),
    });
    if (operation === 'listDevices') {
      const section = 'Memory (worker process, median of the runs)';
      operationRows.memory = [
        {
          section,
          metric: 'peak RSS while listing 10,000 devices',
          format: formatBytes,
          values: values('peakRssBytes'),
          target: atMost(1 / 2, 'official', '≤ 1/2 of official'),
        },
        {
          section,
          metric: 'peak RSS above the RSS before the operation (after login)',
          format: formatBytes,
          values: values('peakAboveStartBytes'),
          target: atMost(1 / 2, 'official', '≤ 1/2 of official'),
        },
      ];
    }
  }
  rows.push(...operationRows.requests, ...operationRows.time);
  if (operationRows.memory) {
    rows.push(...operationRows.memory);
    // The floor under the first memory row: what the same Node binary holds doing nothing (the
    // lowest of 5: a busy machine only ever adds to it). Its RSS at exit, not its maxRSS: a process
    // started from this one reports at least this process's RSS as its maxRSS (Linux keeps the
    // high-water mark of the memory it replaced at exec), about 77 MB here against 41 MB alone.
    const emptyPeaks = [0, 1, 2, 3, 4].map(() =>
      Number(execFileSync(node.path, ['-e', 'console.log(process.memoryUsage().rss)'], { encoding: 'utf8' })),
    );
    notes.push(
      `an empty Node process (the same binary, \`node -e\`, lowest of 5): peak RSS ${formatBytes(Math.min(...emptyPeaks))}`,
    );
    // The floor under the second memory row: fetch alone, streaming the same answer and keeping
    // none of it, as every streamed read of it must at least do.
    if (!(seeded instanceof Error)) {
      progress('operation streamDevicesDiscarding (raw-fetch, the memory floor)');
      const floor = (
        await runOperationRounds({ nodeBinary: node.path, ...seeded }, 'streamDevicesDiscarding', ['raw-fetch'])
      )['raw-fetch'];
      notes.push(
        floor instanceof Error
          ? `a bare fetch streaming the same answer and dropping it: n/a (${floor.message})`
          : `a bare fetch streaming the same answer (${formatBytes(floor.items)}) and dropping each piece as it arrives, ` +
              `median of ${OPERATION_RUNS} runs: peak RSS above the RSS before ${formatBytes(floor.peakAboveStartBytes)}, ` +
              `peak RSS ${formatBytes(floor.peakRssBytes)}`,
      );
    }
  }
  if (!(seeded instanceof Error) && (!chosenOperations || chosenOperations.has('layers'))) {
    progress(`layers of a small read (${Object.keys(LAYERS).length} layers, ${OPERATION_RUNS} runs)`);
    const layers = await attempt(() => measureLayers({ nodeBinary: node.path, config: seeded.config }));
    layerSection =
      layers instanceof Error ? `### Where a small read’s time goes\n\nn/a: ${layers.message}` : renderLayers(layers);
  }
  if (!(seeded instanceof Error)) await seeded.stop();
}

const report = [
  '# balena-ts benchmark results',
  '',
  'Written by `pnpm bench` (bench/run.mjs); the method is in bench/README.md. Every figure below comes from one run on one machine.',
  '',
  `- machine: ${machine.cpu}, ${machine.memory} RAM, ${machine.os}`,
  `- measured programs run on Node ${machine.node} (${node.source}); the orchestrator on Node ${machine.orchestratorNode}`,
  `- official SDK: balena-sdk ${machine.balenaSdk}; balena-ts: ${machine.balenaTs}; sandbox: @balena-ts/sandbox ${machine.sandbox}; esbuild ${machine.esbuild}`,
  `- date: ${machine.date}`,
  renderTable(rows),
  ...(layerSection ? ['', layerSection] : []),
  '',
  '### Notes',
  '',
  ...notes.map((note) => `- ${note}`),
  renderReasons(rows) ? `\nWhy some cells are n/a:\n\n${renderReasons(rows)}` : '',
  missedTargetNotes(rows).length > 0
    ? `\n### Targets missed: why, and what would reach them\n\n${missedTargetNotes(rows)
        .map((note) => `- ${note}`)
        .join('\n')}`
    : '',
  '',
].join('\n');

console.log(report);
// RESULTS.md is excluded from biome (biome.json), so it is written exactly as printed.
if (write) fs.writeFileSync(path.join(import.meta.dirname, 'RESULTS.md'), report);
