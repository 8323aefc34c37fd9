#!/usr/bin/env node
// The dashboard on a living fleet: the embedded sandbox with two seeded fleets, releases and
// simulated devices that stay online and write logs, and the page served next to it.
// `npm run demo -- --web` runs this (through examples/demo), and so does the dashboard's test.
//   node scripts/live-dashboard.mjs [--port 8080]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startSandbox } from '@balena-ts/sandbox';
import { Balena } from '@balena-ts/sdk';
import { buildDashboard } from './build.mjs';
import { serveDashboard } from './serve.mjs';

const DEVICE_TYPE = 'raspberrypi4-64';
const FLEETS = [
  { name: 'greenhouse', devices: ['fan-controller', 'humidity-sensor', 'irrigation', 'weather-station'] },
  { name: 'workshop', devices: ['band-saw', 'dust-collector'] },
];
// Short periods so that the page visibly moves: a heartbeat every second, a log line every two,
// and an update's download progress in visible steps.
const SIMULATION = { pollIntervalMs: 1_000, logIntervalMs: 2_000, downloadStepMs: 150 };

/**
 * Starts the sandbox, seeds the fleets, brings the devices online and serves the dashboard.
 * @param options - `port` for the page (default 0: a free one)
 * @returns the page URL (with the demo credentials in its query), the sandbox, the fleets and `close()`
 */
export async function startLiveDashboard({ port = 0 } = {}) {
  const sandbox = await startSandbox({ port: 0, quiet: true });
  const dataDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'balena-ts-dashboard-'));
  const simulated = [];
  let server;
  const close = async () => {
    await server?.close();
    await Promise.all(simulated.map((device) => device.stop()));
    await sandbox.close();
    fs.rmSync(dataDirectory, { recursive: true, force: true });
  };
  try {
    // The sandbox plays the world around the SDK (CI deploys, hardware); names go through the facade.
    const balena = new Balena({ apiUrl: sandbox.url, apiKey: sandbox.superuser.token, dataDirectory });
    const fleets = [];
    for (const { name, devices } of FLEETS) {
      const fleet = await sandbox.seedApplication({ name, deviceType: DEVICE_TYPE });
      const releases = [
        await sandbox.seedRelease({ application: fleet.id, services: ['main'], semver: '1.0.0' }),
        await sandbox.seedRelease({ application: fleet.id, services: ['main'], semver: '1.1.0' }),
      ];
      const started = await sandbox.simulateFleet({ application: fleet.id, count: devices.length, ...SIMULATION });
      simulated.push(...started.devices);
      await Promise.all(
        started.devices.map((device, index) => balena.models.device.rename(device.uuid, devices[index])),
      );
      fleets.push({ ...fleet, releases, devices: started.devices });
    }
    await buildDashboard();
    server = await serveDashboard(port);
    const query = new URLSearchParams({
      apiUrl: sandbox.url,
      username: sandbox.superuser.email,
      password: sandbox.superuser.password,
    });
    return { url: `${server.url}/index.html?${query}`, sandbox, fleets, close };
  } catch (error) {
    await close();
    throw error;
  }
}

if (process.argv[1] === import.meta.filename) {
  const { values } = parseArgs({ options: { port: { type: 'string' } } });
  const dashboard = await startLiveDashboard({ port: Number(values.port ?? 0) });
  console.log(`The fleet dashboard: ${dashboard.url}`);
  console.log('Press Ctrl-C to stop.');
  process.once('SIGINT', () => dashboard.close().then(() => process.exit(0)));
}
