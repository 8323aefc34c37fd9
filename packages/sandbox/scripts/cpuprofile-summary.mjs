#!/usr/bin/env node
// Summarises a V8 .cpuprofile (node --cpu-prof) by self time: the top functions and the top files.
// node scripts/cpuprofile-summary.mjs <file.cpuprofile> [--from <µs>] [--to <µs>] [--top 25]
// --from/--to keep only the samples taken in that window (monotonic clock in µs, the clock of the
// profile's timestamps and of process.hrtime; load.mjs prints its load window in it).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';

/**
 * Self time per function and per file of a profile, optionally within a time window.
 * @returns the total sampled time and the sorted rows ({ name, ms, share })
 */
export function summarise(profile, { from = -Infinity, to = Infinity } = {}) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfById = new Map();
  let time = profile.startTime;
  let total = 0;
  for (let index = 0; index < profile.samples.length; index++) {
    const delta = profile.timeDeltas[index] ?? 0;
    time += delta;
    if (time < from || time > to) continue;
    const id = profile.samples[index];
    // A sample stands for the interval until the next one.
    const next = profile.timeDeltas[index + 1] ?? delta;
    selfById.set(id, (selfById.get(id) ?? 0) + next);
    total += next;
  }
  const byFunction = new Map();
  const byFile = new Map();
  const byPart = new Map();
  for (const [id, microseconds] of selfById) {
    const { callFrame } = nodes.get(id);
    const file = callFrame.url ? shortFile(callFrame.url) : '(native)';
    const name = `${callFrame.functionName || '(anonymous)'} ${file}:${callFrame.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + microseconds);
    byFile.set(file, (byFile.get(file) ?? 0) + microseconds);
    const part = partOf(callFrame.functionName, file);
    byPart.set(part, (byPart.get(part) ?? 0) + microseconds);
  }
  const rows = (map) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .map(([name, microseconds]) => ({ name, ms: microseconds / 1000, share: microseconds / total }));
  return { totalMs: total / 1000, functions: rows(byFunction), files: rows(byFile), parts: rows(byPart) };
}

/** The coarse part of the server a function belongs to. */
function partOf(functionName, file) {
  if (functionName === '(idle)') return 'idle (waiting for requests)';
  if (functionName === '(garbage collector)') return 'garbage collector';
  if (functionName === 'writev' || functionName === 'writeUtf8String' || functionName === 'writeBuffer')
    return 'socket writes (kernel)';
  if (file.startsWith('better-sqlite3')) return 'SQLite (commits)';
  if (file.startsWith('@balena/odata-parser')) return 'OData URL parser';
  if (file.startsWith('dist/')) return 'sandbox code';
  if (file.startsWith('node:') || file === '(native)') return 'Node.js HTTP, sockets, streams, natives';
  return 'other modules';
}

function shortFile(url) {
  const path = url.replace(/^file:\/\//, '');
  const inDist = path.indexOf('/dist/');
  if (inDist >= 0 && !path.includes('node_modules')) return path.slice(inDist + 1);
  const inModules = path.lastIndexOf('node_modules/');
  if (inModules >= 0) return path.slice(inModules + 'node_modules/'.length);
  return path.startsWith('node:') ? path : basename(path);
}

/** Prints the summary as two tables. */
export function printSummary(summary, top = 25) {
  const line = (row) =>
    `${(row.share * 100).toFixed(1).padStart(5)}%  ${row.ms.toFixed(0).padStart(6)} ms  ${row.name}`;
  console.log(`sampled ${summary.totalMs.toFixed(0)} ms; by function (self time):`);
  for (const row of summary.functions.slice(0, top)) console.log(line(row));
  console.log('by part (self time):');
  for (const row of summary.parts) console.log(line(row));
  console.log('by file (self time):');
  for (const row of summary.files.slice(0, Math.ceil(top / 2))) console.log(line(row));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { from: { type: 'string' }, to: { type: 'string' }, top: { type: 'string', default: '25' } },
  });
  const profile = JSON.parse(readFileSync(positionals[0], 'utf8'));
  printSummary(
    summarise(profile, {
      from: values.from ? Number(values.from) : -Infinity,
      to: values.to ? Number(values.to) : Infinity,
    }),
    Number(values.top),
  );
}
