// Starts the sandbox and seeds what the operation rows need: a 10,000-device fleet with a release,
// one device that runs it (simulated when the sandbox offers simulateDevice), and 10,000 log lines
// written through the API as a device writes them (its own device key, 10 lines per request).
import { CALLS_PER_WARM_ROW } from './warm-runs.mjs';
export const FLEET_SIZE = 10_000;
// A device updates once, and the OS update row is timed warm (warm-runs.mjs): a device per call
// of a run, for a warm-up run and three rounds of the three implementations.
export const OS_UPDATE_DEVICES_PER_RUN = CALLS_PER_WARM_ROW;
const OS_UPDATE_DEVICES = OS_UPDATE_DEVICES_PER_RUN * 10;
export const OS_UPDATE_FROM = '6.0.10';
export const OS_UPDATE_TO = '6.0.13';

export const WRITE_COUNT = 1_000;
export const LOG_LINES = 10_000;
const LOG_LINES_PER_REQUEST = 10;
const LOG_WRITE_CONCURRENCY = 8;

async function post(url, token, body) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${url}: HTTP ${response.status} ${text.slice(0, 200)}`);
  return text;
}

async function request(sandbox, method, path, body) {
  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${sandbox.superuser.token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text.slice(0, 200)}`);
  return text ? JSON.parse(text) : undefined;
}

/**
 * Seeds OS_UPDATE_DEVICES online raspberrypi4-64 devices running balenaOS OS_UPDATE_FROM (in a
 * fleet of their own, so the 10,000-device fleet keeps its size), each operated by that host OS
 * release as a provisioned device is. Online as seeded, not simulated: a simulated device would
 * carry out the update and its own requests would be counted in the next run's.
 */
async function seedOsUpdateDevices(sandbox) {
  const fleet = await sandbox.seedApplication({ name: 'bench-os-update', deviceType: 'raspberrypi4-64' });
  const devices = await sandbox.seedDevices({
    application: fleet.id,
    count: OS_UPDATE_DEVICES,
    namePrefix: 'bench-os',
    fields: {
      os_version: `balenaOS ${OS_UPDATE_FROM}`,
      os_variant: 'prod',
      api_heartbeat_state: 'online',
      is_connected_to_vpn: true,
    },
  });
  const { d: releases } = await request(
    sandbox,
    'GET',
    `/v7/release?$select=id&$filter=raw_version%20eq%20'${OS_UPDATE_FROM}'%20and%20` +
      "belongs_to__application/any(a:a/is_host%20eq%20true%20and%20a/is_for__device_type/any(dt:dt/slug%20eq%20'raspberrypi4-64'))",
  );
  if (releases.length !== 1)
    throw new Error(`expected one host OS release ${OS_UPDATE_FROM}, found ${releases.length}`);
  await request(sandbox, 'PATCH', `/v7/device?$filter=belongs_to__application%20eq%20${fleet.id}`, {
    should_be_operated_by__release: releases[0].id,
  });
  return devices.map((device) => device.uuid);
}

/** Writes LOG_LINES lines as the device does: its own device key, LOG_LINES_PER_REQUEST per POST. */
async function seedLogs(sandbox, logDevice) {
  const deviceKey = JSON.parse(
    await post(`${sandbox.url}/api-key/device/${logDevice.id}/device-key`, sandbox.superuser.token, {
      name: 'bench-logs',
    }),
  );
  const baseTimestamp = Date.now() - LOG_LINES;
  const batches = [];
  for (let start = 0; start < LOG_LINES; start += LOG_LINES_PER_REQUEST) {
    batches.push(
      Array.from({ length: LOG_LINES_PER_REQUEST }, (_, offset) => ({
        message: `bench log line ${start + offset}`,
        timestamp: baseTimestamp + start + offset,
        isSystem: false,
        isStdErr: false,
      })),
    );
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: LOG_WRITE_CONCURRENCY }, async () => {
      while (next < batches.length) {
        const batch = batches[next++];
        await post(`${sandbox.url}/device/v2/${logDevice.uuid}/logs`, deviceKey, batch);
      }
    }),
  );
}

/** @returns {Promise<{ sandbox: any, config: Omit<import('../ops/config.mjs').OperationConfig, 'envVarName'>, logSeedError?: string, stop: () => Promise<void> }>} */
export async function startSeededSandbox() {
  const { startSandbox } = await import('@balena-ts/sandbox');
  if (typeof startSandbox !== 'function') throw new Error('@balena-ts/sandbox does not export startSandbox yet');
  const sandbox = await startSandbox({ quiet: true });
  const handles = [];
  try {
    const fleet = await sandbox.seedApplication({ name: 'bench', deviceType: 'raspberrypi4-64' });
    await sandbox.seedRelease({ application: fleet.id, services: ['main', 'sidecar'] });
    const devices = await sandbox.seedDevices({ application: fleet.id, count: FLEET_SIZE, namePrefix: 'bench' });
    const detail = devices[0];
    if (typeof sandbox.simulateDevice === 'function') handles.push(await sandbox.simulateDevice(detail.uuid));

    const logDevice = devices[1];
    // Without log lines only the log row is lost: keep the reason for its cells.
    const logSeedError = await seedLogs(sandbox, logDevice).then(
      () => undefined,
      (error) => `seeding ${LOG_LINES} log lines failed: ${error.message}`,
    );

    const osUpdateUuids = await seedOsUpdateDevices(sandbox);

    return {
      sandbox,
      config: {
        apiUrl: sandbox.url,
        email: sandbox.superuser.email,
        password: sandbox.superuser.password,
        fleetId: fleet.id,
        detailUuid: detail.uuid,
        writeDeviceIds: devices.slice(2, 2 + WRITE_COUNT).map((device) => device.id),
        logUuid: logDevice.uuid,
        logCount: LOG_LINES,
        deviceType: 'raspberrypi4-64',
        osUpdateUuids,
        osUpdateTo: OS_UPDATE_TO,
      },
      logSeedError,
      stop: async () => {
        for (const handle of handles) await handle.stop();
        await sandbox.close();
      },
    };
  } catch (error) {
    await sandbox.close();
    throw error;
  }
}
