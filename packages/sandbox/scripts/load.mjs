#!/usr/bin/env node
// Load check (a script, not a test): a 10,000-device fleet, 1,000 concurrent requests of a
// realistic mix, then p50/p99 latency and the error count (which must be 0).
// Run after building: node scripts/load.mjs [--requests 1000] [--devices 10000] [--data <file>] [--writes 0.1]
// --data persists to a SQLite file (as the CLI's --data); --writes makes that share of the
// requests device tag POSTs. /ping is sampled every 20 ms meanwhile (its p99 is printed too).
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startSandbox } from '../dist/index.js';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '1000' },
    devices: { type: 'string', default: '10000' },
    data: { type: 'string' },
    writes: { type: 'string', default: '0' },
  },
});
const REQUESTS = Number(values.requests);
const DEVICES = Number(values.devices);
const WRITE_SHARE = Number(values.writes);

if (values.data) for (const suffix of ['', '-wal', '-shm']) rmSync(values.data + suffix, { force: true });
const sandbox = await startSandbox(values.data ? { dataFile: values.data } : {});
const token = sandbox.superuser.token;
const seedStarted = performance.now();
const fleet = await sandbox.seedApplication({ name: 'load-fleet' });
const devices = await sandbox.seedDevices({
  application: fleet.id,
  count: DEVICES,
  fields: { os_version: 'balenaOS 6.0.13' },
});
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
  () => `/v7/application?$select=id,app_name&$expand=owns__device/$count&$orderby=app_name asc`,
];

const writeEvery = WRITE_SHARE > 0 ? Math.max(1, Math.round(1 / WRITE_SHARE)) : 0;
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
// CPU time (server and client share this process) is steadier than latency on a busy machine.
const cpuBefore = process.cpuUsage();
await Promise.all(
  Array.from({ length: REQUESTS }, async (_, index) => {
    const write = writeEvery > 0 && index % writeEvery === 0;
    const path = write ? '/v7/device_tag' : encode(mix[index % mix.length](index));
    const init = write
      ? {
          method: 'POST',
          headers,
          body: JSON.stringify({ device: devices[index % DEVICES].id, tag_key: `load-${index}`, value: 'x' }),
        }
      : { headers };
    const sent = performance.now();
    try {
      const response = await fetch(`${sandbox.url}${path}`, init);
      await response.arrayBuffer();
      if (response.status !== (write ? 201 : 200)) errors++;
    } catch {
      errors++;
    }
    latencies.push(performance.now() - sent);
  }),
);
const totalMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
loading = false;
await pinger;
latencies.sort((a, b) => a - b);
pings.sort((a, b) => a - b);
const percentileOf = (list, p) => list[Math.min(list.length - 1, Math.floor((p / 100) * list.length))];
const percentile = (p) => percentileOf(latencies, p);
console.log(`seeded ${DEVICES} devices in ${seedMs.toFixed(0)} ms`);
console.log(
  `${REQUESTS} concurrent requests in ${totalMs.toFixed(0)} ms (CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms)`,
);
console.log(`p50 ${percentile(50).toFixed(1)} ms, p99 ${percentile(99).toFixed(1)} ms, errors ${errors}`);
console.log(
  `/ping during the load: ${pings.length} samples, p50 ${percentileOf(pings, 50).toFixed(1)} ms, p99 ${percentileOf(pings, 99).toFixed(1)} ms` +
    (values.data ? `; data file ${values.data}, writes ${writeEvery > 0 ? `1 in ${writeEvery}` : 'none'}` : ''),
);
await sandbox.close();
process.exit(errors === 0 ? 0 : 1);
