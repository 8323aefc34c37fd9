// The full tour on the embedded sandbox: a living fleet, driven only through the facade. The
// sandbox stands in for the world around the SDK: it publishes releases (as a CI deploy would)
// and keeps the registered devices alive (as real hardware would).
import fs from 'node:fs';
import path from 'node:path';
import { startSandbox } from '@balena-ts/sandbox';
import { Balena } from '@balena-ts/sdk';
import { printFleetTable } from './fleet-table.mjs';
import { detail, formatBytes, progressBar, shortCommit, step } from './output.mjs';
import { waitFor } from './wait-for.mjs';

const DEVICE_TYPE = 'raspberrypi4-64';
const DEVICE_NAMES = ['kitchen', 'garage', 'greenhouse'];
// Short periods so the fleet visibly moves within seconds.
const SIMULATION = { pollIntervalMs: 300, logIntervalMs: 1500, rebootDelayMs: 1200, downloadStepMs: 20 };

/**
 * Runs the tour, then stops the devices and the sandbox.
 * @param options - `dataDirectory`: where the facade keeps its settings and token (a scratch folder)
 */
export async function sandboxTour({ dataDirectory }) {
  step('Starting the embedded balena sandbox');
  const sandbox = await startSandbox({ port: 0 });
  const simulated = [];
  try {
    detail(`API at ${sandbox.url}`);
    await tour(sandbox, simulated, dataDirectory);
  } finally {
    step('Cleaning up');
    await Promise.all(simulated.map((device) => device.stop()));
    await sandbox.close();
    detail('devices stopped, sandbox closed');
  }
}

async function tour(sandbox, simulated, dataDirectory) {
  const balena = new Balena({ apiUrl: sandbox.url, dataDirectory });

  step('Logging in');
  const { email, password } = sandbox.superuser;
  await balena.auth.login({ username: email, password });
  detail(`logged in as ${await balena.auth.whoAmI()} (${await balena.auth.getEmail()})`);

  step('Creating a fleet');
  const fleet = await balena.models.application.create('demo-fleet', DEVICE_TYPE);
  detail(`fleet ${fleet.slug} (id ${fleet.id}) for ${DEVICE_TYPE}`);

  step('Publishing two releases (the sandbox plays the CI deploy)');
  const previous = await sandbox.seedRelease({ application: fleet.id, services: ['main'], semver: '1.0.0' });
  const latest = await sandbox.seedRelease({ application: fleet.id, services: ['main'], semver: '1.1.0' });
  for (const release of await balena.models.release.getAllByApplication(fleet.id)) {
    detail(`release ${release.commit.slice(0, 7)} ${release.semver ?? ''} ${release.status}`);
  }

  step(`Registering ${DEVICE_NAMES.length} devices and bringing them online`);
  const devices = [];
  for (const name of DEVICE_NAMES) {
    const registration = await balena.models.device.register(fleet.id, balena.models.device.generateUuid());
    await balena.models.device.rename(registration.uuid, name);
    simulated.push(await sandbox.simulateDevice(registration.uuid, SIMULATION));
    devices.push({ name, uuid: registration.uuid });
    detail(
      `${name}: ${registration.uuid.slice(0, 7)} registered, ${await balena.models.device.getStatus(registration.uuid)}`,
    );
  }
  const [kitchen, garage] = devices;

  step('Setting variables and tags');
  await balena.models.environmentVariables.application.set(fleet.id, 'GREETING', 'hello');
  await balena.models.environmentVariables.device.set(kitchen.uuid, 'GREETING', 'hej');
  await balena.models.configVariable.applicationConfigVariable.set(fleet.id, 'BALENA_HOST_CONFIG_gpu_mem', '128');
  for (const device of devices) await balena.models.tag.device.set(device.uuid, 'room', device.name);
  detail(`fleet GREETING=${await balena.models.environmentVariables.application.get(fleet.id, 'GREETING')}`);
  detail(`${kitchen.name} GREETING=${await balena.models.environmentVariables.device.get(kitchen.uuid, 'GREETING')}`);
  const tags = await balena.models.tag.device.getAllByApplication(fleet.id);
  detail(`${tags.length} device tags: ${tags.map((tag) => `${tag.tag_key}=${tag.value}`).join(', ')}`);

  step(`Pinning ${garage.name} to the previous release`);
  await balena.models.device.pinToRelease(garage.uuid, previous.commit);
  const running = await waitFor(
    async () => {
      const device = await balena.models.device.get(garage.uuid, {
        $select: 'id',
        $expand: { is_running__release: { $select: 'commit' } },
      });
      const commit = shortCommit(device.is_running__release);
      return commit === previous.commit.slice(0, 7) ? commit : undefined;
    },
    `${garage.name} to run ${previous.commit.slice(0, 7)}`,
  );
  detail(`${garage.name} now runs ${running}; the others keep ${latest.commit.slice(0, 7)}`);

  await rebootAndFollowLogs(balena, fleet, kitchen);
  await downloadOsImage(balena, dataDirectory);
  await updateHostOs(balena, devices[2]);

  step('The fleet');
  await printFleetTable(balena, fleet.id);
}

async function rebootAndFollowLogs(balena, fleet, device) {
  step(`Rebooting ${device.name} through the supervisor and following its logs live`);
  let backOnline;
  const cameBack = new Promise((resolve) => {
    backOnline = resolve;
  });
  let rebooting = false;
  const subscription = balena.logs.subscribe(
    device.uuid,
    (line) => {
      detail(
        `${new Date(line.timestamp).toISOString().slice(11, 23)}  ${line.isSystem ? '[system]' : '[main]  '} ${line.message}`,
      );
      if (line.message.includes('Rebooting')) rebooting = true;
      if (rebooting && line.message.includes('Supervisor starting')) backOnline();
    },
    (error) => detail(`log stream error: ${error.message}`),
  );
  try {
    const answer = await balena.models.supervisor.reboot(device.uuid, fleet.id);
    // The log stream may connect after the device logged "Rebooting" (a slow machine): the
    // supervisor's answer says the reboot is under way just as well.
    rebooting = true;
    detail(`supervisor answered ${JSON.stringify(answer)}`);
    await Promise.race([cameBack, timeout(20_000, `${device.name} to come back`)]);
    await waitFor(async () => (await balena.models.device.isOnline(device.uuid)) || undefined, `${device.name} online`);
    detail(`${device.name} is back online: ${await balena.models.device.getStatus(device.uuid)}`);
  } finally {
    subscription.unsubscribe();
  }
}

async function downloadOsImage(balena, dataDirectory) {
  step(`Downloading a balenaOS image for ${DEVICE_TYPE}`);
  const bar = progressBar('image');
  const image = await balena.models.deviceOs.download(
    { deviceType: DEVICE_TYPE, version: 'latest' },
    { onProgress: ({ bytes, total }) => bar.update(bytes, total) },
  );
  const file = path.join(dataDirectory, image.fileName ?? 'balena.img');
  const output = fs.createWriteStream(file);
  for await (const chunk of image.stream) output.write(chunk);
  await new Promise((resolve, reject) => output.end((error) => (error ? reject(error) : resolve())));
  bar.done();
  detail(`balenaOS ${image.version}: ${path.basename(file)}, ${formatBytes(fs.statSync(file).size)}`);
}

async function updateHostOs(balena, device) {
  step(`Updating balenaOS on ${device.name}`);
  const { os_version: current } = await balena.models.device.get(device.uuid, { $select: 'os_version' });
  const { recommended } = await balena.models.os.getSupportedOsUpdateVersions(DEVICE_TYPE, current, {
    osType: 'default',
  });
  detail(`${device.name} runs ${current}; recommended update: balenaOS ${recommended}`);
  await balena.models.device.startOsUpdate(device.uuid, recommended);
  let rebooting = false;
  let shown = '';
  const outcome = await balena.models.device.waitForOsUpdate(device.uuid, {
    pollIntervalMs: 20,
    timeoutMs: 30_000,
    onProgress: ({ state, percentage, isOnline }) => {
      const line = `${String(percentage).padStart(3)}% ${state}`;
      if (state && percentage !== null && line !== shown) {
        shown = line;
        detail(line);
      }
      if (!isOnline && !rebooting) {
        rebooting = true;
        detail('rebooting into the new OS');
      }
    },
  });
  detail(`${device.name} now runs ${outcome.os_version}`);
}

function timeout(milliseconds, what) {
  return new Promise((_resolve, reject) => {
    setTimeout(() => reject(new Error(`Gave up waiting for ${what}`)), milliseconds).unref();
  });
}
