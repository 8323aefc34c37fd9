#!/usr/bin/env node
// Load check (a script, not a test): a 10,000-device fleet, 1,000 concurrent requests of a
// realistic mix, then p50/p99 latency and the error count (which must be 0).
// Run after building: node scripts/load.mjs [--requests 1000] [--devices 10000] [--data <file>]
//   [--writes 0.1] [--profile <dir>] [--in-process] [--only <kind>] [--bursts <n>]
// The sandbox runs as its own process (dist/cli.js), as for a real client: the 1,000 fetches cost
// about as much CPU as the server's answers, and in one process they would wait for each other.
// --in-process runs both in this process instead (how the figures before 2026-12 were taken).
// --data persists to a SQLite file (as the CLI's --data); --writes makes that share of the
// requests device tag POSTs; --profile runs the server under --cpu-prof and prints its self time
// during the load by function and by file (the last burst's). /ping is sampled every 20 ms
// meanwhile. --bursts sends the 1,000 requests that many times, one burst after the other: the
// first meets a server whose code for new connections and queries V8 has not optimised yet, the
// later ones a server that has been serving for a while.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { printSummary, summarise } from './cpuprofile-summary.mjs';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '1000' },
    devices: { type: 'string', default: '10000' },
    data: { type: 'string' },
    writes: { type: 'string', default: '0' },
    profile: { type: 'string' },
    'in-process': { type: 'boolean', default: false },
    only: { type: 'string' },
    client: { type: 'string', default: 'http' },
    bursts: { type: 'string', default: '1' },
  },
});
const REQUESTS = Number(values.requests);
const DEVICES = Number(values.devices);
const WRITE_SHARE = Number(values.writes);
const BURSTS = Math.max(1, Number(values.bursts));
const IN_PROCESS = values['in-process'];
const CLI = new URL('../dist/cli.js', import.meta.url).pathname;

if (values.data) for (const suffix of ['', '-wal', '-shm']) rmSync(values.data + suffix, { force: true });

/** The sandbox in this process: its URL, the superuser's token, seeding, and its CPU time. */
async function sandboxInProcess() {
  const { startSandbox } = await import('../dist/index.js');
  const sandbox = await startSandbox(values.data ? { dataFile: values.data } : {});
  return {
    url: sandbox.url,
    token: sandbox.superuser.token,
    seed: async () => {
      const fleet = await sandbox.seedApplication({ name: 'load-fleet' });
      const devices = await sandbox.seedDevices({
        application: fleet.id,
        count: DEVICES,
        fields: { os_version: 'balenaOS 6.0.13' },
      });
      return { fleet, devices };
    },
    cpuMs: () => null,
    close: () => sandbox.close(),
  };
}

/** The sandbox as `balena-sandbox --port 0`, seeded over its HTTP API. */
async function sandboxProcess() {
  const nodeFlags = values.profile ? ['--cpu-prof', '--cpu-prof-dir', values.profile] : [];
  if (values.profile) mkdirSync(values.profile, { recursive: true });
  const child = spawn(
    process.execPath,
    [...nodeFlags, CLI, '--port', '0', ...(values.data ? ['--data', values.data] : [])],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // A failed run must not leave the server behind.
  process.once('exit', () => child.kill());
  const banner = {};
  for await (const line of createInterface({ input: child.stdout })) {
    const url = /listening on (\S+)/.exec(line)?.[1];
    if (url) banner.url = url;
    const token = /^token: (\S+)/.exec(line)?.[1];
    if (token) banner.token = token;
    if (banner.url && banner.token) break;
  }
  child.stdout.resume();
  if (!banner.url) throw new Error('the sandbox process did not start');
  const call = async (method, path, body) => {
    const response = await fetch(`${banner.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${banner.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    const text = await response.text();
    return text === '' ? undefined : JSON.parse(text);
  };
  // utime + stime of /proc/<pid>/stat, in clock ticks (100 per second on Linux).
  const cpuMs = () => {
    try {
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return null;
    }
  };
  return {
    ...banner,
    seed: async () => {
      const fleet = await call('POST', '/sandbox/v1/applications', { name: 'load-fleet' });
      const devices = await call('POST', '/sandbox/v1/devices', { application: fleet.id, count: DEVICES });
      await call('PATCH', `/v7/device?$filter=belongs_to__application%20eq%20${fleet.id}`, {
        os_version: 'balenaOS 6.0.13',
      });
      return { fleet, devices };
    },
    cpuMs,
    close: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const sandbox = IN_PROCESS ? await sandboxInProcess() : await sandboxProcess();
const { token } = sandbox;
const seedStarted = performance.now();
const { fleet, devices } = await sandbox.seed();
const seedMs = performance.now() - seedStarted;

const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
for (let index = 0; index < 50; index++) {
  await fetch(`${sandbox.url}/v7/device_environment_variable`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ device: devices[index].id, name: `VAR_${index}`, value: String(index) }),
  });
}

const encode = (query) => query.replace(/ /g, '%20').replace(/'/g, '%27');
const mix = [
  (i) =>
    `/v7/device?$select=id,uuid,device_name,overall_status&$filter=belongs_to__application eq ${fleet.id}&$orderby=device_name asc&$top=50&$skip=${(i * 50) % DEVICES}`,
  (i) => `/v7/device(uuid='${devices[i % DEVICES].uuid}')?$select=id,device_name,is_online,api_heartbeat_state`,
  () => `/v7/device/$count?$filter=belongs_to__application eq ${fleet.id}`,
  (i) => `/v7/device_environment_variable?$filter=device eq ${devices[i % 50].id}&$orderby=name asc`,
  (i) => `/v7/device?$select=id&$filter=uuid in ('${devices[i % DEVICES].uuid}','${devices[(i + 7) % DEVICES].uuid}')`,
  // The user's fleets as the SDKs' getAll asks for them (a plain listing also holds the public
  // host fleets, as balena's does).
  () =>
    `/v7/application?$select=id,app_name&$expand=owns__device/$count&$filter=is_directly_accessible_by__user/any(dau:1 eq 1)&$orderby=app_name asc`,
];

// --only <n>: every read is the mix's n-th kind, to weigh one kind alone.
if (values.only !== undefined) mix.splice(0, mix.length, mix[Number(values.only)]);
// node:http costs the client about a third of what fetch (undici) does per request, so the
// latencies measure the server rather than the client; --client fetch measures with fetch.
const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
const send =
  values.client === 'fetch'
    ? async (path, init) => {
        const response = await fetch(`${sandbox.url}${path}`, init);
        await response.arrayBuffer();
        return response.status;
      }
    : (path, init) =>
        new Promise((resolve, reject) => {
          const request = httpRequest(
            `${sandbox.url}${path}`,
            { agent, method: init.method ?? 'GET', headers: init.headers },
            (response) => {
              response.on('data', () => {});
              response.on('end', () => resolve(response.statusCode));
              response.on('error', reject);
            },
          );
          request.on('error', reject);
          request.end(init.body);
        });
const writeEvery = WRITE_SHARE > 0 ? Math.max(1, Math.round(1 / WRITE_SHARE)) : 0;
const percentileOf = (list, p) => list[Math.min(list.length - 1, Math.floor((p / 100) * list.length))];

/** One burst: every request sent at once, each timed from the moment it was sent to its answer's end. */
async function burst(round) {
  const latencies = [];
  let errors = 0;
  const pings = [];
  let loading = true;
  const pinger = (async () => {
    while (loading) {
      const sent = performance.now();
      await (await fetch(`${sandbox.url}/ping`)).arrayBuffer();
      pings.push(performance.now() - sent);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const started = performance.now();
  // CPU time is steadier than latency on a busy machine.
  const cpuBefore = process.cpuUsage();
  const serverCpuBefore = sandbox.cpuMs();
  // The profile's timestamps are in this clock (µs), so its samples can be cut to the load.
  const windowFrom = process.hrtime.bigint() / 1000n;
  await Promise.all(
    Array.from({ length: REQUESTS }, async (_, index) => {
      const write = writeEvery > 0 && index % writeEvery === 0;
      const path = write ? '/v7/device_tag' : encode(mix[index % mix.length](index));
      const init = write
        ? {
            method: 'POST',
            headers,
            // A tag key of its own per burst: the same key on the same device would be a 409.
            body: JSON.stringify({
              device: devices[index % DEVICES].id,
              tag_key: `load-${round}-${index}`,
              value: 'x',
            }),
          }
        : { headers };
      const sent = performance.now();
      try {
        const status = await send(path, init);
        if (status !== (write ? 201 : 200)) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - sent);
    }),
  );
  const windowTo = process.hrtime.bigint() / 1000n;
  const totalMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const serverCpuAfter = sandbox.cpuMs();
  loading = false;
  await pinger;
  latencies.sort((a, b) => a - b);
  pings.sort((a, b) => a - b);
  const clientCpuMs = (cpu.user + cpu.system) / 1000;
  console.log(
    `${BURSTS > 1 ? `burst ${round + 1}/${BURSTS}: ` : ''}${REQUESTS} concurrent requests in ${totalMs.toFixed(0)} ms (CPU ` +
      (IN_PROCESS
        ? `${clientCpuMs.toFixed(0)} ms, client and server in one process)`
        : `server ${serverCpuAfter === null ? '?' : (serverCpuAfter - serverCpuBefore).toFixed(0)} ms, client ${clientCpuMs.toFixed(0)} ms)`),
  );
  console.log(
    `p50 ${percentileOf(latencies, 50).toFixed(1)} ms, p99 ${percentileOf(latencies, 99).toFixed(1)} ms, errors ${errors}`,
  );
  console.log(
    `/ping during the load: ${pings.length} samples, p50 ${percentileOf(pings, 50).toFixed(1)} ms, p99 ${percentileOf(pings, 99).toFixed(1)} ms` +
      (values.data ? `; data file ${values.data}, writes ${writeEvery > 0 ? `1 in ${writeEvery}` : 'none'}` : ''),
  );
  return { errors, windowFrom, windowTo };
}

console.log(`seeded ${DEVICES} devices in ${seedMs.toFixed(0)} ms`);
let errors = 0;
let window;
for (let round = 0; round < BURSTS; round++) {
  const result = await burst(round);
  errors += result.errors;
  window = result;
}
const { windowFrom, windowTo } = window;
await sandbox.close();
if (values.profile) {
  const newest = readdirSync(values.profile)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => join(values.profile, name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  console.log(`server profile ${newest}, the load only (--from ${windowFrom} --to ${windowTo}):`);
  printSummary(summarise(JSON.parse(readFileSync(newest, 'utf8')), { from: Number(windowFrom), to: Number(windowTo) }));
}
process.exit(errors === 0 ? 0 : 1);
