#!/usr/bin/env node
// Load check (a script, not a test): a 10,000-device fleet, 1,000 concurrent requests of a
// realistic mix, then p50/p99 latency and the error count (which must be 0).
// Run after building: node scripts/load.mjs [--requests 1000] [--devices 10000]
import { parseArgs } from 'node:util';
import { startSandbox } from '../dist/index.js';

const { values } = parseArgs({
  options: { requests: { type: 'string', default: '1000' }, devices: { type: 'string', default: '10000' } },
});
const REQUESTS = Number(values.requests);
const DEVICES = Number(values.devices);

const sandbox = await startSandbox();
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

const latencies = [];
let errors = 0;
const started = performance.now();
// CPU time (server and client share this process) is steadier than latency on a busy machine.
const cpuBefore = process.cpuUsage();
await Promise.all(
  Array.from({ length: REQUESTS }, async (_, index) => {
    const path = encode(mix[index % mix.length](index));
    const sent = performance.now();
    try {
      const response = await fetch(`${sandbox.url}${path}`, { headers });
      await response.arrayBuffer();
      if (response.status !== 200) errors++;
    } catch {
      errors++;
    }
    latencies.push(performance.now() - sent);
  }),
);
const totalMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
latencies.sort((a, b) => a - b);
const percentile = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
console.log(`seeded ${DEVICES} devices in ${seedMs.toFixed(0)} ms`);
console.log(
  `${REQUESTS} concurrent requests in ${totalMs.toFixed(0)} ms (CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms)`,
);
console.log(`p50 ${percentile(50).toFixed(1)} ms, p99 ${percentile(99).toFixed(1)} ms, errors ${errors}`);
await sandbox.close();
process.exit(errors === 0 ? 0 : 1);
