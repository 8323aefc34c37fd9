#!/usr/bin/env node
// Logs benchmark: (1) lines per second parsed from one NDJSON stream by the default transport;
// (2) the delay from a device's POST to the subscriber's callback (p50/p99), on the sandbox.
// Run after building: `pnpm exec tsc -b packages/logs packages/sandbox && node packages/logs/bench/logs-bench.mjs`.
import { randomBytes } from 'node:crypto';
import { createClient } from '@balena-ts/core';
import { ndjsonTransport, subscribe } from '@balena-ts/logs';
import { startSandbox } from '@balena-ts/sandbox';

const PARSE_LINES = Number(process.env.PARSE_LINES ?? 200_000);
const CHUNK_BYTES = 64 * 1024;
const LATENCY_SAMPLES = Number(process.env.LATENCY_SAMPLES ?? 500);

function ndjsonBody(lineCount) {
  const encoder = new TextEncoder();
  const lines = [];
  for (let index = 0; index < lineCount; index++) {
    const createdAt = 1_700_000_000_000 + index;
    lines.push(
      `${JSON.stringify({ createdAt, timestamp: createdAt - 3, isSystem: false, isStdErr: index % 7 === 0, serviceId: 12, message: `service line ${index} ${'lorem ipsum '.repeat(index % 8)}` })}\n`,
    );
    if (index % 1000 === 999) lines.push('\n');
  }
  const bytes = encoder.encode(lines.join(''));
  return { bytes, chunks: Math.ceil(bytes.length / CHUNK_BYTES) };
}

async function parseThroughput() {
  const { bytes } = ndjsonBody(PARSE_LINES);
  const body = () =>
    new ReadableStream({
      start(controller) {
        for (let offset = 0; offset < bytes.length; offset += CHUNK_BYTES) {
          controller.enqueue(bytes.subarray(offset, offset + CHUNK_BYTES));
        }
        controller.close();
      },
    });
  const client = createClient({
    apiUrl: 'http://bench.invalid',
    apiKey: 'bench',
    fetch: async () => new Response(body(), { headers: { 'content-type': 'application/x-ndjson' } }),
  });
  const transport = ndjsonTransport();
  const runs = [];
  for (let round = 0; round < 5; round++) {
    let lines = 0;
    const started = performance.now();
    await transport.connect({
      client,
      uuid: 'a'.repeat(32),
      count: undefined,
      start: undefined,
      signal: new AbortController().signal,
      onOpen() {},
      onActivity() {},
      beginPass() {},
      onLine() {
        lines++;
      },
    });
    const seconds = (performance.now() - started) / 1000;
    if (lines !== PARSE_LINES) throw new Error(`parsed ${lines} lines, expected ${PARSE_LINES}`);
    runs.push(lines / seconds);
  }
  runs.sort((a, b) => a - b);
  return { linesPerSecond: runs[Math.floor(runs.length / 2)], megabytes: bytes.length / 1e6 };
}

function percentile(sorted, fraction) {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}

async function postDelay() {
  const sandbox = await startSandbox({ logHeartbeatMs: 1000 });
  try {
    const application = await sandbox.seedApplication({ name: 'bench' });
    const headers = { Authorization: `Bearer ${sandbox.superuser.token}`, 'Content-Type': 'application/json' };
    const key = await (
      await fetch(`${sandbox.url}/api-key/application/${application.id}/provisioning`, {
        method: 'POST',
        headers,
        body: '{}',
      })
    ).json();
    const device = await (
      await fetch(`${sandbox.url}/device/register`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          user: sandbox.superuser.id,
          application: application.id,
          device_type: 'raspberrypi4-64',
          uuid: randomBytes(16).toString('hex'),
        }),
      })
    ).json();
    const client = createClient({ apiUrl: sandbox.url });
    await client.tokens.set(sandbox.superuser.token);
    const waiting = new Map();
    const subscription = subscribe(client, device.uuid, (line) => waiting.get(line.message)?.(performance.now()));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const delays = [];
    for (let index = 0; index < LATENCY_SAMPLES; index++) {
      const message = `probe ${index}`;
      const arrived = new Promise((resolve) => waiting.set(message, resolve));
      const posted = performance.now();
      await fetch(`${sandbox.url}/device/v2/${device.uuid}/logs`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${device.api_key}`, 'Content-Type': 'application/json' },
        body: JSON.stringify([{ message, timestamp: Date.now() }]),
      });
      delays.push((await arrived) - posted);
      waiting.delete(message);
    }
    subscription.unsubscribe();
    delays.sort((a, b) => a - b);
    return { p50: percentile(delays, 0.5), p99: percentile(delays, 0.99), samples: delays.length };
  } finally {
    await sandbox.close();
  }
}

const parse = await parseThroughput();
console.log(
  `NDJSON parse: ${Math.round(parse.linesPerSecond).toLocaleString('en')} lines/s (${PARSE_LINES.toLocaleString('en')} lines, ${parse.megabytes.toFixed(1)} MB, median of 5)`,
);
const delay = await postDelay();
console.log(
  `POST -> callback delay on the sandbox: p50 ${delay.p50.toFixed(2)} ms, p99 ${delay.p99.toFixed(2)} ms (${delay.samples} lines, one at a time)`,
);
