#!/usr/bin/env node
// Drives the official balena JavaScript SDK (npm `balena-sdk`, a dev dependency of the sandbox's
// tests only) through every call the sandbox must support, against the API at BALENA_API_URL.
// Prints one JSON line per call, {call, ok, error?}, then a summary line, and exits non-zero when a
// call failed. Run it with the Node binary the SDK release needs (23.x declares ^22.18 || >=24).
//
// Environment:
//   BALENA_API_URL        the sandbox, e.g. http://127.0.0.1:4000
//   BALENA_EMAIL          superuser email, BALENA_PASSWORD its password
//   COMPAT_FLEET          optional: id or slug of a seeded fleet that has at least one release
//   COMPAT_ONLINE_DEVICE  optional: uuid of a simulated online device, for the supervisor calls
//   COMPAT_LOG_TIMEOUT_MS optional: how long the live log subscription waits for its line (10 s)
//   COMPAT_MEMBER         optional: username of a plain member of the superuser's organization, for
//                         the fleet membership and team calls
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getSdk } from 'balena-sdk';
import { secretFromSetupKey, totpCode, totpStep } from './totp.mjs';

const require = createRequire(import.meta.url);
const sdkVersion = JSON.parse(readFileSync(require.resolve('balena-sdk/package.json'), 'utf8')).version;

const apiUrl = required('BALENA_API_URL').replace(/\/+$/, '');
const email = required('BALENA_EMAIL');
const password = required('BALENA_PASSWORD');
const seededFleet = optionalId(process.env.COMPAT_FLEET);
const onlineDevice = process.env.COMPAT_ONLINE_DEVICE || undefined;
const logTimeoutMs = Number(process.env.COMPAT_LOG_TIMEOUT_MS ?? 10_000);
const memberUsername = process.env.COMPAT_MEMBER || undefined;

const DEVICE_TYPE = 'raspberrypi4-64';
const suffix = randomBytes(4).toString('hex');
const sdk = getSdk({ apiUrl: `${apiUrl}/`, dataDirectory: false });
const results = [];
/** What earlier calls produced and later calls need. */
const state = {};

function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} is required`);
    process.exit(2);
  }
  return value;
}

function optionalId(value) {
  if (!value) return undefined;
  return /^\d+$/.test(value) ? Number(value) : value;
}

function check(condition, message) {
  if (!condition) throw new Error(`check failed: ${message}`);
}

function need(key) {
  if (state[key] === undefined) throw new Error(`skipped: an earlier call did not provide ${key}`);
  return state[key];
}

function describe(error) {
  const status = error?.statusCode ?? error?.status;
  const name = error?.name && error.name !== 'Error' ? `${error.name}: ` : '';
  return `${name}${error?.message ?? String(error)}${status ? ` (HTTP ${status})` : ''}`;
}

async function call(name, body) {
  try {
    await body();
    results.push({ call: name, ok: true });
  } catch (error) {
    results.push({ call: name, ok: false, error: describe(error) });
  }
  console.log(JSON.stringify(results.at(-1)));
}

async function expectRejection(promise, errorCode) {
  try {
    await promise;
  } catch (error) {
    check(error.code === errorCode, `expected ${errorCode}, got ${describe(error)}`);
    return;
  }
  throw new Error(`expected ${errorCode}, but the call succeeded`);
}

async function expectMessage(promise, text) {
  try {
    await promise;
  } catch (error) {
    check(String(error?.message).includes(text), `expected "${text}", got ${describe(error)}`);
    return;
  }
  throw new Error(`expected "${text}", but the call succeeded`);
}

/** Writes log lines as the device itself does: a raw POST with the device's own key. */
async function postDeviceLogs(uuid, deviceKey, messages) {
  const now = Date.now();
  const response = await fetch(`${apiUrl}/device/v2/${uuid}/logs`, {
    method: 'POST',
    headers: { authorization: `Bearer ${deviceKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(messages.map((message, index) => ({ message, timestamp: now + index, isSystem: false }))),
  });
  check(response.ok, `POST /device/v2/${uuid}/logs answered ${response.status}`);
}

let lastTotpStep = -1;
/**
 * Runs a call that takes a TOTP code. A code may be used only once per 30 s step on servers with
 * replay protection, so a rejected code from an already-used step is retried in the next step.
 */
async function withTotpCode(secret, body) {
  const step = totpStep();
  try {
    const result = await body(totpCode(secret, step));
    lastTotpStep = step;
    return result;
  } catch (error) {
    if (step !== lastTotpStep) throw error;
    const nextStepMs = (step + 1) * 30_000 - Date.now() + 50;
    await new Promise((resolve) => setTimeout(resolve, nextStepMs));
    lastTotpStep = step + 1;
    return body(totpCode(secret, step + 1));
  }
}

// --- auth -----------------------------------------------------------------------------------
await call('auth.login', () => sdk.auth.login({ email, password }));
await call('auth.isLoggedIn', async () => check((await sdk.auth.isLoggedIn()) === true, 'logged in'));
await call('auth.whoami', async () => {
  const actor = await sdk.auth.whoami();
  check(actor?.actorType === 'user', `actorType user, got ${actor?.actorType}`);
  state.username = actor.username;
});
await call('auth.getUserInfo', async () => {
  const info = await sdk.auth.getUserInfo();
  check(info.email === email, `email ${email}, got ${info.email}`);
  state.username ??= info.username;
});

// --- config and device types ----------------------------------------------------------------
await call('config.getAll', async () => {
  const config = await sdk.models.config.getAll();
  check(typeof config.deviceUrlsBase === 'string', 'deviceUrlsBase is a string');
});
await call('config.getDeviceTypes', async () => {
  const types = await sdk.models.config.getDeviceTypes();
  check(
    types.some((type) => type.slug === DEVICE_TYPE),
    `${DEVICE_TYPE} listed`,
  );
});
await call('deviceType.getAll', async () => {
  const types = await sdk.models.deviceType.getAll({ $select: ['slug', 'name'] });
  check(
    types.some((type) => type.slug === DEVICE_TYPE),
    `${DEVICE_TYPE} listed`,
  );
});
await call('deviceType.get', async () => {
  const type = await sdk.models.deviceType.get(DEVICE_TYPE, { $select: ['slug', 'name'] });
  check(type.slug === DEVICE_TYPE, `slug ${DEVICE_TYPE}, got ${type.slug}`);
});
await call('os.getAvailableOsVersions', async () => {
  const versions = await sdk.models.os.getAvailableOsVersions(DEVICE_TYPE);
  check(versions.length > 0, 'at least one balenaOS version');
  state.osVersion = versions[0].raw_version;
});

// --- fleet ------------------------------------------------------------------------------------
await call('application.create', async () => {
  const fleet = await sdk.models.application.create({
    name: `compat-${suffix}`,
    deviceType: DEVICE_TYPE,
    organization: need('username'),
  });
  check(Number.isInteger(fleet.id), 'an id');
  state.fleetId = fleet.id;
});
await call('application.get', async () => {
  const fleet = await sdk.models.application.get(need('fleetId'), { $select: ['id', 'slug', 'app_name'] });
  check(fleet.app_name === `compat-${suffix}`, `app_name compat-${suffix}, got ${fleet.app_name}`);
  state.fleetSlug = fleet.slug;
  const bySlug = await sdk.models.application.get(fleet.slug, { $select: 'id' });
  check(bySlug.id === fleet.id, 'the same fleet by slug');
});
await call('application.create (organization by id: the `(id=N)` key)', async () => {
  const organization = await sdk.models.organization.get(need('username'), { $select: 'id' });
  const fleet = await sdk.models.application.create({
    name: `compat-id-${suffix}`,
    deviceType: DEVICE_TYPE,
    organization: organization.id,
  });
  check(Number.isInteger(fleet.id), 'an id');
  await sdk.models.application.remove(fleet.id);
});
await call('application.create refuses a name under 4 characters', async () => {
  await expectMessage(
    sdk.models.application.create({ name: 'abc', deviceType: DEVICE_TYPE, organization: need('username') }),
    'It is necessary that each application has an app name that has a Length (Type) that is greater than or equal to 4 and is less than or equal to 100',
  );
});
await call('application.hasAny', async () => {
  check((await sdk.models.application.hasAny()) === true, 'the user has fleets');
});
await call('application.getAll', async () => {
  const fleets = await sdk.models.application.getAll({ $select: ['id'] });
  check(
    fleets.some((fleet) => fleet.id === state.fleetId),
    'the new fleet is listed',
  );
});

await call('application.envVar (set/get/getAllByApplication/remove)', async () => {
  const fleet = need('fleetSlug');
  await sdk.models.application.envVar.set(fleet, 'COMPAT_VAR', 'one');
  await sdk.models.application.envVar.set(fleet, 'COMPAT_VAR', 'two');
  check((await sdk.models.application.envVar.get(fleet, 'COMPAT_VAR')) === 'two', 'value two after the upsert');
  const all = await sdk.models.application.envVar.getAllByApplication(fleet);
  check(all.length === 1 && all[0].name === 'COMPAT_VAR', 'one variable listed');
  await sdk.models.application.envVar.remove(fleet, 'COMPAT_VAR');
  check((await sdk.models.application.envVar.get(fleet, 'COMPAT_VAR')) === undefined, 'gone after remove');
});
await call('application.configVar (set/get/getAllByApplication/remove)', async () => {
  const fleet = need('fleetSlug');
  await sdk.models.application.configVar.set(fleet, 'BALENA_SUPERVISOR_POLL_INTERVAL', '600000');
  const value = await sdk.models.application.configVar.get(fleet, 'BALENA_SUPERVISOR_POLL_INTERVAL');
  check(value === '600000', `value 600000, got ${value}`);
  const all = await sdk.models.application.configVar.getAllByApplication(fleet);
  check(
    all.some((variable) => variable.name === 'BALENA_SUPERVISOR_POLL_INTERVAL'),
    'listed',
  );
  await sdk.models.application.configVar.remove(fleet, 'BALENA_SUPERVISOR_POLL_INTERVAL');
  check(
    (await sdk.models.application.configVar.get(fleet, 'BALENA_SUPERVISOR_POLL_INTERVAL')) === undefined,
    'gone after remove',
  );
});
await call('application.tags (set/getAllByApplication/remove)', async () => {
  const fleet = need('fleetSlug');
  await sdk.models.application.tags.set(fleet, 'compat', 'one');
  await sdk.models.application.tags.set(fleet, 'compat', 'two');
  const tags = await sdk.models.application.tags.getAllByApplication(fleet);
  check(tags.length === 1 && tags[0].value === 'two', 'one tag, value two after the upsert');
  await sdk.models.application.tags.remove(fleet, 'compat');
  check((await sdk.models.application.tags.getAllByApplication(fleet)).length === 0, 'gone after remove');
});
await call('application.tags refuse reserved and blank keys', async () => {
  const fleet = need('fleetSlug');
  await expectMessage(
    sdk.models.application.tags.set(fleet, 'io.balena.x', 'v'),
    'Tag keys beginning with io.balena. are reserved.',
  );
  await expectMessage(sdk.models.application.tags.set(fleet, 'has space', 'v'), 'Tag keys cannot contain whitespace.');
});
await call('application.generateProvisioningKey', async () => {
  const key = await sdk.models.application.generateProvisioningKey({
    slugOrUuidOrId: need('fleetId'),
    keyExpiryDate: null,
    keyName: 'compat',
  });
  check(typeof key === 'string' && key.length >= 16, 'a key string');
  const keys = await sdk.models.apiKey.getProvisioningApiKeysByApplication(state.fleetId);
  check(
    keys.some((entry) => entry.name === 'compat'),
    'listed by apiKey.getProvisioningApiKeysByApplication',
  );
});
await call('os.getConfig', async () => {
  const config = await sdk.models.os.getConfig(need('fleetId'), { version: need('osVersion') });
  check(config.applicationId === state.fleetId, `applicationId ${state.fleetId}, got ${config.applicationId}`);
  check(typeof config.apiKey === 'string', 'a provisioning apiKey');
});

// --- device -------------------------------------------------------------------------------------
await call('device.register', async () => {
  const uuid = sdk.models.device.generateUniqueKey();
  const registered = await sdk.models.device.register(need('fleetId'), uuid);
  check(registered.uuid === uuid && Number.isInteger(registered.id), 'id and uuid returned');
  state.deviceUuid = uuid;
  state.deviceId = registered.id;
  state.deviceRegistrationKey = registered.api_key;
});
await call('device.get', async () => {
  const device = await sdk.models.device.get(need('deviceUuid'), {
    $select: ['id', 'uuid', 'device_name'],
    $expand: { belongs_to__application: { $select: 'id' } },
  });
  check(device.id === state.deviceId, 'the registered id');
  check(device.belongs_to__application[0].id === state.fleetId, 'in the new fleet');
  const byId = await sdk.models.device.get(state.deviceId, { $select: 'uuid' });
  check(byId.uuid === state.deviceUuid, 'the same device by id');
});
await call('device.getAllByApplication', async () => {
  need('deviceUuid');
  const devices = await sdk.models.device.getAllByApplication(need('fleetId'), { $select: ['uuid'] });
  check(devices.length === 1 && devices[0].uuid === state.deviceUuid, 'exactly the registered device');
});
await call('device.rename', async () => {
  await sdk.models.device.rename(need('deviceUuid'), `compat-device-${suffix}`);
  const device = await sdk.models.device.get(state.deviceUuid, { $select: 'device_name' });
  check(device.device_name === `compat-device-${suffix}`, `renamed, got ${device.device_name}`);
});
await call('device.setNote', async () => {
  await sdk.models.device.setNote(need('deviceUuid'), 'written by the compatibility runner');
  const device = await sdk.models.device.get(state.deviceUuid, { $select: 'note' });
  check(device.note === 'written by the compatibility runner', `note set, got ${device.note}`);
});
await call('device.getStatus / isOnline', async () => {
  const status = await sdk.models.device.getStatus(need('deviceUuid'));
  check(status === 'inactive', `a device that never connected is inactive (balena-cloud), got ${status}`);
  check((await sdk.models.device.getProgress(state.deviceUuid)) === null, 'no progress');
  check((await sdk.models.device.isOnline(state.deviceUuid)) === false, 'a fresh device is offline');
});
await call('device.envVar (set/get/getAllByDevice/remove)', async () => {
  const uuid = need('deviceUuid');
  await sdk.models.device.envVar.set(uuid, 'COMPAT_VAR', 'one');
  await sdk.models.device.envVar.set(uuid, 'COMPAT_VAR', 'two');
  check((await sdk.models.device.envVar.get(uuid, 'COMPAT_VAR')) === 'two', 'value two after the upsert');
  const all = await sdk.models.device.envVar.getAllByDevice(uuid);
  check(all.length === 1 && all[0].value === 'two', 'one variable listed');
  await sdk.models.device.envVar.remove(uuid, 'COMPAT_VAR');
  check((await sdk.models.device.envVar.get(uuid, 'COMPAT_VAR')) === undefined, 'gone after remove');
});
await call('device.configVar (set/get/getAllByDevice/remove)', async () => {
  const uuid = need('deviceUuid');
  await sdk.models.device.configVar.set(uuid, 'BALENA_SUPERVISOR_POLL_INTERVAL', '900000');
  const value = await sdk.models.device.configVar.get(uuid, 'BALENA_SUPERVISOR_POLL_INTERVAL');
  check(value === '900000', `value 900000, got ${value}`);
  const all = await sdk.models.device.configVar.getAllByDevice(uuid);
  check(all.length === 1, `one variable listed, got ${all.length}`);
  await sdk.models.device.configVar.remove(uuid, 'BALENA_SUPERVISOR_POLL_INTERVAL');
  check(
    (await sdk.models.device.configVar.get(uuid, 'BALENA_SUPERVISOR_POLL_INTERVAL')) === undefined,
    'gone after remove',
  );
});
await call('device.tags (set/getAllByDevice/remove)', async () => {
  const uuid = need('deviceUuid');
  await sdk.models.device.tags.set(uuid, 'compat', 'one');
  await sdk.models.device.tags.set(uuid, 'compat', 'two');
  const tags = await sdk.models.device.tags.getAllByDevice(uuid);
  check(tags.length === 1 && tags[0].value === 'two', 'one tag, value two after the upsert');
  await sdk.models.device.tags.remove(uuid, 'compat');
  check((await sdk.models.device.tags.getAllByDevice(uuid)).length === 0, 'gone after remove');
});
await call('device.serviceVar (set/get/getAllByDevice/remove) on a service created after the device', async () => {
  const uuid = need('deviceUuid');
  await sdk.pine.post({ resource: 'service', body: { application: need('fleetId'), service_name: 'main' } });
  await sdk.models.device.serviceVar.set(uuid, 'main', 'COMPAT_VAR', 'one');
  await sdk.models.device.serviceVar.set(uuid, 'main', 'COMPAT_VAR', 'two');
  const value = await sdk.models.device.serviceVar.get(uuid, 'main', 'COMPAT_VAR');
  check(value === 'two', `value two after the upsert, got ${value}`);
  const all = await sdk.models.device.serviceVar.getAllByDevice(uuid);
  check(all.length === 1 && all[0].value === 'two', 'one variable listed');
  await sdk.models.device.serviceVar.remove(uuid, 'main', 'COMPAT_VAR');
  check((await sdk.models.device.serviceVar.get(uuid, 'main', 'COMPAT_VAR')) === undefined, 'gone after remove');
});
await call('device.generateDeviceKey', async () => {
  const key = await sdk.models.device.generateDeviceKey(need('deviceUuid'), 'compat-device-key');
  check(typeof key === 'string' && key.length >= 16, 'a key string');
  state.deviceKey = key;
  const keys = await sdk.models.apiKey.getDeviceApiKeysByDevice(state.deviceUuid);
  check(
    keys.some((entry) => entry.name === 'compat-device-key'),
    'listed by apiKey.getDeviceApiKeysByDevice',
  );
});
await call('device.getWithServiceDetails', async () => {
  const uuid = onlineDevice ?? need('deviceUuid');
  const device = await sdk.models.device.getWithServiceDetails(uuid);
  check(device.uuid === uuid, 'the device');
  const services = Object.values(device.current_services_by_app ?? {}).flatMap((byName) => Object.keys(byName));
  check(typeof device.current_services_by_app === 'object', 'current_services_by_app computed');
  if (onlineDevice) check(services.length > 0, 'the simulated device runs services');
});

// --- logs ---------------------------------------------------------------------------------------
await call('logs.history', async () => {
  const uuid = need('deviceUuid');
  await postDeviceLogs(uuid, need('deviceKey'), ['compat line 1', 'compat line 2', 'compat line 3']);
  const lines = await sdk.logs.history(uuid);
  const messages = lines.map((line) => line.message);
  for (const expected of ['compat line 1', 'compat line 2', 'compat line 3']) {
    check(messages.includes(expected), `history has "${expected}"`);
  }
  const lastTwo = await sdk.logs.history(uuid, { count: 2 });
  check(lastTwo.length === 2 && lastTwo[1].message === 'compat line 3', 'count 2 keeps the newest two');
});
await call('logs.subscribe', async () => {
  const uuid = need('deviceUuid');
  const subscription = await sdk.logs.subscribe(uuid, { count: 0 });
  try {
    const received = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no live line within ${logTimeoutMs} ms`)), logTimeoutMs);
      subscription.on('line', (line) => {
        if (line.message === `live ${suffix}`) {
          clearTimeout(timer);
          resolve(line);
        }
      });
      subscription.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    // The stream may take a moment to attach on the server: post until the line arrives.
    let delivered = false;
    received.then(
      () => {
        delivered = true;
      },
      () => {},
    );
    for (let attempt = 0; attempt < 5 && !delivered; attempt++) {
      await postDeviceLogs(uuid, state.deviceKey, [`live ${suffix}`]);
      await Promise.race([received, new Promise((resolve) => setTimeout(resolve, 500))]).catch(() => {});
    }
    const line = await received;
    check(line.isStdErr === false, 'isStdErr false');
  } finally {
    subscription.unsubscribe();
  }
});

// --- releases (on the seeded fleet) ---------------------------------------------------------------
await call('release.getAllByApplication', async () => {
  check(seededFleet !== undefined, 'COMPAT_FLEET names a seeded fleet with a release');
  const releases = await sdk.models.release.getAllByApplication(seededFleet, { $select: ['id', 'commit', 'status'] });
  check(releases.length > 0, 'at least one release');
  state.releaseCommit = releases[0].commit;
});
await call('release.get / getWithImageDetails', async () => {
  const commit = need('releaseCommit');
  const release = await sdk.models.release.get(commit, { $select: ['id', 'commit'] });
  check(release.commit === commit, 'the release by commit');
  const detailed = await sdk.models.release.getWithImageDetails(release.id);
  check(Array.isArray(detailed.images), 'images listed');
});

await call('release versions (create with semver, get by raw version, draft, finalize)', async () => {
  const fleet = need('fleetId');
  const create = (body) =>
    sdk.pine.post({
      resource: 'release',
      body: {
        belongs_to__application: fleet,
        commit: randomBytes(16).toString('hex'),
        status: 'success',
        composition: {},
        ...body,
      },
    });
  const first = await create({ semver: '1.2.3' });
  const read = (id) => sdk.models.release.get(id, { $select: ['semver', 'raw_version', 'revision', 'is_final'] });
  const one = await read(first.id);
  check(
    one.semver === '1.2.3' && one.raw_version === '1.2.3' && one.revision === 0,
    `1.2.3 rev 0, got ${JSON.stringify(one)}`,
  );
  const second = await create({ semver: '1.2.3' });
  const byRawVersion = await sdk.models.release.get(
    { application: fleet, rawVersion: '1.2.3+rev1' },
    { $select: 'id' },
  );
  check(byRawVersion.id === second.id, 'the second 1.2.3 is 1.2.3+rev1');
  const draft = await create({ semver: '1.2.3', is_final: false });
  const drafted = await read(draft.id);
  check(drafted.is_final === false && /^1\.2\.3-\d+$/.test(drafted.raw_version), `a draft, got ${drafted.raw_version}`);
  await sdk.models.release.finalize(draft.id);
  check((await read(draft.id)).raw_version === '1.2.3+rev2', 'finalized as 1.2.3+rev2');
});

// --- release assets (multipart/form-data uploads, downloads from the href) ------------------------
await call('release.asset.upload / get / getAllByRelease / download / remove', async () => {
  const release = await sdk.models.release.get(need('releaseCommit'), { $select: 'id' });
  const bytes = Buffer.from(`compat asset ${suffix}`);
  const progress = [];
  const uploaded = await sdk.models.release.asset.upload(
    {
      release: release.id,
      asset_key: `compat-${suffix}.txt`,
      asset: new File([bytes], 'compat.txt', { type: 'text/plain' }),
    },
    { onUploadProgress: (event) => progress.push(event.uploaded) },
  );
  check(uploaded.asset?.size === bytes.length, `size ${bytes.length}, got ${JSON.stringify(uploaded.asset)}`);
  check(progress.at(-1) === bytes.length, `progress to ${bytes.length}, got ${progress}`);
  const listed = await sdk.models.release.asset.getAllByRelease(release.id);
  check(
    listed.some((asset) => asset.id === uploaded.id),
    `the asset listed, got ${listed.map((asset) => asset.asset_key)}`,
  );
  const byKey = await sdk.models.release.asset.get({ release: release.id, asset_key: `compat-${suffix}.txt` });
  check(byKey.id === uploaded.id, 'the same asset by release and key');
  await expectMessage(
    sdk.models.release.asset.upload({
      release: release.id,
      asset_key: `compat-${suffix}.txt`,
      asset: new File([bytes], 'again.txt'),
    }),
    'already exists',
  );
  const replaced = await sdk.models.release.asset.upload(
    { release: release.id, asset_key: `compat-${suffix}.txt`, asset: new File([Buffer.from('two')], 'two.txt') },
    { overwrite: true },
  );
  check(
    replaced.id === uploaded.id && replaced.asset?.filename === 'two.txt',
    `replaced, got ${JSON.stringify(replaced.asset)}`,
  );
  const download = await sdk.models.release.asset.download(uploaded.id);
  const chunks = [];
  for await (const chunk of download) chunks.push(Buffer.from(chunk));
  check(Buffer.concat(chunks).toString() === 'two', `downloaded "two", got "${Buffer.concat(chunks).toString()}"`);
  await sdk.models.release.asset.remove({ release: release.id, asset_key: `compat-${suffix}.txt` });
  const after = await sdk.models.release.asset.getAllByRelease(release.id);
  check(!after.some((asset) => asset.id === uploaded.id), 'gone after remove');
});

// --- release assets over 5 MiB (beginUpload, a PUT per part to its URL, commitUpload) -------------
/** Bytes that differ from part to part, so a part lost, swapped or repeated changes the file. */
function largeBytes(size, seed) {
  const bytes = Buffer.alloc(size);
  for (let index = 0; index < size; index++) bytes[index] = (index * 31 + seed + (index >> 20)) & 0xff;
  return bytes;
}

async function downloaded(id) {
  const chunks = [];
  for await (const chunk of await sdk.models.release.asset.download(id)) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

await call('release.asset.upload of a File over 5 MiB (chunked, parts in parallel) / download', async () => {
  const release = await sdk.models.release.get(need('releaseCommit'), { $select: 'id' });
  const bytes = largeBytes(11 * 1024 * 1024 + 5, 1);
  const progress = [];
  const uploaded = await sdk.models.release.asset.upload(
    {
      release: release.id,
      asset_key: `compat-large-${suffix}.bin`,
      asset: new File([bytes], 'large.bin', { type: 'application/x-compat' }),
    },
    { chunkSize: 5 * 1024 * 1024, parallelUploads: 2, onUploadProgress: (event) => progress.push(event.uploaded) },
  );
  check(
    uploaded.asset?.size === bytes.length && uploaded.asset?.content_type === 'application/x-compat',
    `size ${bytes.length}, got ${JSON.stringify(uploaded.asset)}`,
  );
  check(progress.length === 3 && progress.at(-1) === bytes.length, `three parts reported, got ${progress}`);
  check((await downloaded(uploaded.id)).equals(bytes), 'the downloaded bytes are the uploaded ones');
  state.largeAsset = uploaded.id;
});

await call(
  'release.asset.upload of a file path over 5 MiB over an existing asset (overwrite, default chunks)',
  async () => {
    const id = need('largeAsset');
    const release = await sdk.models.release.get(need('releaseCommit'), { $select: 'id' });
    const directory = await mkdtemp(join(tmpdir(), 'compat-asset-'));
    try {
      const bytes = largeBytes(6 * 1024 * 1024 + 1, 2);
      const file = join(directory, 'replacement.bin');
      await writeFile(file, bytes);
      const replaced = await sdk.models.release.asset.upload(
        { release: release.id, asset_key: `compat-large-${suffix}.bin`, asset: file },
        { overwrite: true },
      );
      check(
        replaced.id === id && replaced.asset?.filename === 'replacement.bin' && replaced.asset?.size === bytes.length,
        `replaced, got ${JSON.stringify(replaced.asset)}`,
      );
      check((await downloaded(id)).equals(bytes), 'the downloaded bytes are the new ones');
      await sdk.models.release.asset.remove(id);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  },
);

// --- organizations --------------------------------------------------------------------------------
await call('organization.create (same name twice: two handles)', async () => {
  const name = `Compat Org ${suffix}`;
  const first = await sdk.models.organization.create({ name });
  const second = await sdk.models.organization.create({ name });
  check(first.handle !== second.handle, `two handles, got ${first.handle} and ${second.handle}`);
  state.organizations = [first.id, second.id];
});
await call('organization.membership.remove refuses the last administrator', async () => {
  const [organization] = need('organizations');
  const memberships = await sdk.models.organization.membership.getAllByOrganization(organization);
  check(memberships.length === 1, `one membership, got ${memberships.length}`);
  await expectMessage(
    sdk.models.organization.membership.remove(memberships[0].id),
    'It is necessary that each organization that is active, includes at least one organization membership that has an organization membership role that has a name (Auth) that is equal to "administrator"',
  );
  for (const id of state.organizations) await sdk.models.organization.remove(id);
});

// --- organization administration: get/getAll/remove, memberships, membership tags, invites ---------
await call('organization.get / getAll (by handle and id; unknown handle refused)', async () => {
  const created = await sdk.models.organization.create({ name: `Compat Admin ${suffix}` });
  state.adminOrganization = created;
  const byHandle = await sdk.models.organization.get(created.handle);
  const byId = await sdk.models.organization.get(created.id, { $select: ['id', 'handle'] });
  check(byHandle.id === created.id && byId.handle === created.handle, 'the same organization by handle and by id');
  const all = await sdk.models.organization.getAll({ $select: ['id'] });
  check(
    all.some((organization) => organization.id === created.id),
    'getAll lists it',
  );
  await expectRejection(sdk.models.organization.get(`no_such_org_${suffix}`), 'BalenaOrganizationNotFound');
});
await call('organization.membership (getAllByOrganization, changeRole of a second member)', async () => {
  const organization = need('adminOrganization');
  const memberEmail = `compat-member-${suffix}@example.com`;
  const memberToken = await sdk.auth.register({ email: memberEmail, password: `pw-${suffix}-member` });
  const memberId = JSON.parse(Buffer.from(memberToken.split('.')[1], 'base64url').toString('utf8')).id;
  state.adminMemberEmail = memberEmail;
  const added = await sdk.pine.post({
    resource: 'organization_membership',
    body: { user: memberId, is_member_of__organization: organization.id },
  });
  const memberships = await sdk.models.organization.membership.getAllByOrganization(organization.id, {
    $select: 'id',
  });
  check(memberships.length === 2, `two memberships, got ${memberships.length}`);
  await sdk.models.organization.membership.changeRole(added.id, 'administrator');
  const promoted = await sdk.models.organization.membership.get(added.id, {
    $select: 'id',
    $expand: { organization_membership_role: { $select: 'name' } },
  });
  check(promoted.organization_membership_role[0]?.name === 'administrator', 'promoted to administrator');
  await sdk.models.organization.membership.changeRole(
    { user: memberId, is_member_of__organization: organization.id },
    'member',
  );
  await expectRejection(
    sdk.models.organization.membership.changeRole(added.id, 'no_such_role'),
    'BalenaOrganizationMembershipRoleNotFound',
  );
  state.adminMembership = added.id;
});
await call(
  'organization.membership.tags (set/getAllByOrganization/getAllByOrganizationMembership/remove)',
  async () => {
    const organization = need('adminOrganization');
    const membership = need('adminMembership');
    await sdk.models.organization.membership.tags.set(membership, 'team', 'field');
    await sdk.models.organization.membership.tags.set(membership, 'team', 'office');
    const byOrganization = await sdk.models.organization.membership.tags.getAllByOrganization(organization.handle);
    check(byOrganization.length === 1 && byOrganization[0].value === 'office', 'one tag, overwritten');
    const byMembership = await sdk.models.organization.membership.tags.getAllByOrganizationMembership(membership);
    check(byMembership.length === 1 && byMembership[0].tag_key === 'team', 'the tag of the membership');
    await sdk.models.organization.membership.tags.remove(membership, 'team');
    const after = await sdk.models.organization.membership.tags.getAllByOrganization(organization.id);
    check(after.length === 0, 'removed');
  },
);
await call('organization.invite (create/getAll/getAllByOrganization/revoke)', async () => {
  const organization = need('adminOrganization');
  const invite = await sdk.models.organization.invite.create(organization.id, {
    invitee: `compat-invitee-${suffix}@example.com`,
    roleName: 'member',
    message: 'Join us',
  });
  check(typeof invite.id === 'number', 'the invite has an id');
  const listed = await sdk.models.organization.invite.getAllByOrganization(organization.handle, {
    $select: 'message',
    $expand: { invitee: { $select: 'email' }, organization_membership_role: { $select: 'name' } },
  });
  check(
    listed.length === 1 &&
      listed[0].message === 'Join us' &&
      listed[0].invitee[0]?.email === `compat-invitee-${suffix}@example.com` &&
      listed[0].organization_membership_role[0]?.name === 'member',
    `the invite as created, got ${JSON.stringify(listed)}`,
  );
  const all = await sdk.models.organization.invite.getAll({ $select: 'id' });
  check(
    all.some((row) => row.id === invite.id),
    'getAll lists it',
  );
  await expectRejection(
    sdk.models.organization.invite.create(organization.id, { invitee: 'x@example.com', roleName: 'no_such_role' }),
    'BalenaOrganizationMembershipRoleNotFound',
  );
  await sdk.models.organization.invite.revoke(invite.id);
  const after = await sdk.models.organization.invite.getAllByOrganization(organization.id);
  check(after.length === 0, 'revoked');
});
await call('organization.remove', async () => {
  const organization = need('adminOrganization');
  await sdk.models.organization.remove(organization.handle);
  await expectRejection(sdk.models.organization.get(organization.id), 'BalenaOrganizationNotFound');
});

// --- configuration --------------------------------------------------------------------------------
await call('config.getConfigVarSchema (device type settings)', async () => {
  const schema = await sdk.models.config.getConfigVarSchema(DEVICE_TYPE);
  check('BALENA_HOST_CONFIG_hdmi_mode' in schema.configVarSchema.properties, 'BALENA_HOST_CONFIG_hdmi_mode listed');
  const config = await sdk.models.config.getAll();
  check(typeof config.mixpanelToken === 'string', 'the analytics token');
});

// --- fleet members and teams ---------------------------------------------------------------------
function member() {
  check(memberUsername !== undefined, 'COMPAT_MEMBER names a member of the organization');
  return memberUsername;
}
await call('application.membership (create/getAllByApplication/changeRole/remove)', async () => {
  const fleet = need('fleetId');
  const created = await sdk.models.application.membership.create({ application: fleet, username: member() });
  const roles = await sdk.pine.get({ resource: 'application_membership_role', options: { $select: ['id', 'name'] } });
  const roleId = (name) => roles.find((role) => role.name === name)?.id;
  check(created.application_membership_role.__id === roleId('developer'), 'developer by default');
  const listed = await sdk.models.application.membership.getAllByApplication(fleet, { $select: 'id' });
  check(listed.length === 1 && listed[0].id === created.id, 'listed for the fleet');
  const key = { user: created.user.__id, is_member_of__application: fleet };
  await sdk.models.application.membership.changeRole(key, 'observer');
  const changed = await sdk.models.application.membership.get(created.id, {
    $select: 'id',
    $expand: { application_membership_role: { $select: 'name' } },
  });
  check(changed.application_membership_role[0].name === 'observer', 'now an observer');
  await expectRejection(
    sdk.models.application.membership.changeRole(created.id, 'unknown role'),
    'BalenaApplicationMembershipRoleNotFound',
  );
  await sdk.models.application.membership.remove(created.id);
  await expectMessage(sdk.models.application.membership.get(created.id), 'Application Membership not found');
});
await call('team (create/getAllByOrganization/rename/remove, applicationAccess.add)', async () => {
  const organization = need('username');
  const team = await sdk.models.team.create(organization, `compat-team-${suffix}`);
  check(team.name === `compat-team-${suffix}`, 'the name');
  const other = await sdk.models.team.create(organization, `compat-other-${suffix}`);
  const teams = await sdk.models.team.getAllByOrganization(organization, { $select: ['id'] });
  check(teams.some((row) => row.id === team.id) && teams.some((row) => row.id === other.id), 'both listed');
  await sdk.models.team.rename(team.id, `compat-renamed-${suffix}`);
  check((await sdk.models.team.get(team.id)).name === `compat-renamed-${suffix}`, 'renamed');
  await expectMessage(
    sdk.models.team.rename(team.id, `compat-other-${suffix}`),
    'A team with this name already exists in the organization',
  );
  const membership = await sdk.models.team.membership.create({ team: team.id, username: member() });
  const members = await sdk.models.team.membership.getAllByTeam(team.id, { $select: 'id' });
  check(members.length === 1 && members[0].id === membership.id, 'the member listed');
  const access = await sdk.models.team.applicationAccess.add(team.id, need('fleetId'), 'operator');
  const accesses = await sdk.models.team.applicationAccess.getAllByTeam(team.id, { $select: 'id' });
  check(accesses.length === 1 && accesses[0].id === access.id, 'the access listed');
  await sdk.models.team.applicationAccess.update(access.id, 'observer');
  await sdk.models.team.applicationAccess.remove(access.id);
  await sdk.models.team.membership.remove(membership.id);
  await sdk.models.team.remove(team.id);
  await sdk.models.team.remove(other.id);
  check(
    (await sdk.models.team.getAllByOrganization(organization, { $filter: { id: team.id } })).length === 0,
    'removed',
  );
});

await call('application.invite (create/getAll/getAllByApplication/revoke)', async () => {
  const fleet = need('fleetId');
  const invitee = `compat-invitee-${suffix}@example.com`;
  const created = await sdk.models.application.invite.create(fleet, {
    invitee,
    roleName: 'observer',
    message: 'compat',
  });
  check(created.is_invited_to__application.__id === fleet, 'the fleet');
  const all = await sdk.models.application.invite.getAll({ $select: 'id' });
  check(
    all.some((row) => row.id === created.id),
    'listed by getAll',
  );
  const byFleet = await sdk.models.application.invite.getAllByApplication(fleet, {
    $select: 'id',
    $expand: { invitee: { $select: 'email' } },
  });
  check(
    byFleet.length === 1 && byFleet[0].invitee[0].email === invitee,
    'listed for the fleet with its e-mail address',
  );
  await expectRejection(
    sdk.models.application.invite.create(fleet, { invitee, roleName: 'unknown role' }),
    'BalenaApplicationMembershipRoleNotFound',
  );
  await sdk.models.application.invite.revoke(created.id);
  check((await sdk.models.application.invite.getAllByApplication(fleet)).length === 0, 'revoked');
});

// --- API keys -----------------------------------------------------------------------------------
await call('apiKey (create/getAll/update/revoke)', async () => {
  const key = await sdk.models.apiKey.create({ name: `compat-${suffix}`, expiryDate: null, description: 'first' });
  check(typeof key === 'string' && key.length >= 16, 'a key string');
  const found = await sdk.models.apiKey.getAll({ $filter: { name: `compat-${suffix}` } });
  check(found.length === 1, 'listed by name');
  await sdk.models.apiKey.update(found[0].id, { description: 'second' });
  const named = await sdk.models.apiKey.getAllNamedUserApiKeys();
  check(
    named.some((entry) => entry.id === found[0].id && entry.description === 'second'),
    'updated',
  );
  await sdk.models.apiKey.revoke(found[0].id);
  check((await sdk.models.apiKey.getAll({ $filter: { name: `compat-${suffix}` } })).length === 0, 'revoked');
});

// --- fleet reads and writes of balena-sdk 23, API keys by owner -----------------------------------
await call('application.rename / getAppByName / willTrackNewReleases / getDirectlyAccessible', async () => {
  const fleetId = need('fleetId');
  const renamed = `compat-renamed-${suffix}`;
  await sdk.models.application.rename(fleetId, renamed);
  const byName = await sdk.models.application.getAppByName(renamed, { $select: ['id', 'slug'] });
  check(byName.id === fleetId, `getAppByName finds the renamed fleet, got ${byName.id}`);
  check(byName.slug.endsWith(`/${renamed}`), `the slug follows the name, got ${byName.slug}`);
  check((await sdk.models.application.willTrackNewReleases(fleetId)) === true, 'tracks new releases');
  const direct = await sdk.models.application.getDirectlyAccessible(fleetId, { $select: 'id' });
  check(direct.id === fleetId, 'directly accessible');
  const all = await sdk.models.application.getAllDirectlyAccessible({ $select: 'id' });
  check(
    all.some((fleet) => fleet.id === fleetId),
    'listed by getAllDirectlyAccessible',
  );
  await sdk.models.application.rename(fleetId, `compat-${suffix}`);
});
await call('apiKey.getDeviceApiKeysByDevice', async () => {
  const keys = await sdk.models.apiKey.getDeviceApiKeysByDevice(need('deviceUuid'));
  check(keys.length >= 1, `the device's keys, got ${keys.length}`);
});

// --- billing (simulated by the sandbox) -----------------------------------------------------------
await call('billing.getPlan / getAccount / getInvoices of a free organization', async () => {
  const organization = need('username');
  const plan = await sdk.models.billing.getPlan(organization);
  check(plan.tier === 'free' && plan.code === 'free-monthly', `the free plan, got ${plan.code}`);
  await expectMessage(sdk.models.billing.getAccount(organization), 'Billing Account was not found.');
  check((await sdk.models.billing.getInvoices(organization)).length === 0, 'no invoices');
  check(Object.keys(await sdk.models.billing.getBillingInfo(organization)).length === 0, 'no billing info');
});
await call('billing (createSetupIntent, updateBillingInfo, getAccount, changePlan, getPlan)', async () => {
  const organization = need('username');
  const intent = await sdk.models.billing.createSetupIntent({ organization });
  check(typeof intent.id === 'string' && typeof intent.client_secret === 'string', 'a setup intent');
  const card = await sdk.models.billing.updateBillingInfo(organization, {
    token_id: intent.id,
    token_type: 'setup_intent',
  });
  check(card.type === 'card', `a card on file, got ${card.type}`);
  const account = await sdk.models.billing.getAccount(organization);
  check(account.account_state === 'active', `an active account, got ${account.account_state}`);
  await sdk.models.billing.updateAccountInfo(organization, { email: `billing-${suffix}@example.com` });
  check((await sdk.models.billing.getAccount(organization)).email === `billing-${suffix}@example.com`, 'email');
  await sdk.models.billing.changePlan(organization, { tier: 'pilot', cycle: 'annual' });
  const plan = await sdk.models.billing.getPlan(organization);
  check(plan.code === 'pilot-annual', `pilot-annual, got ${plan.code}`);
});
await call('billing.getInvoices / downloadInvoice', async () => {
  const organization = need('username');
  const [invoice] = await sdk.models.billing.getInvoices(organization);
  check(invoice?.state === 'paid', `a paid invoice, got ${invoice?.state}`);
  const stream = await sdk.models.billing.downloadInvoice(organization, invoice.invoice_number);
  check(stream.mime === 'application/pdf', `application/pdf, got ${stream.mime}`);
  const chunks = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  const pdf = Buffer.concat(chunks).toString('latin1');
  check(pdf.startsWith('%PDF-') && pdf.trimEnd().endsWith('%%EOF'), 'a PDF');
  await expectRejection(sdk.models.billing.downloadInvoice(organization, 'notfound'), 'BalenaRequestError');
});
await call('creditBundle (create/getAllByOrg)', async () => {
  const organization = need('username');
  const bundle = await sdk.models.creditBundle.create(organization, 3, 100);
  check(bundle.payment_status === 'paid', `paid, got ${bundle.payment_status}`);
  check(bundle.original_quantity === 100, 'a hundred credits');
  const bundles = await sdk.models.creditBundle.getAllByOrg(organization);
  check(bundles.length === 1 && bundles[0].id === bundle.id, `one bundle, got ${bundles.length}`);
});

// --- supervisor through the API proxy (needs a simulated online device) ---------------------------
for (const [name, action] of [
  ['device.ping', (uuid) => sdk.models.device.ping(uuid)],
  ['device.restartApplication', (uuid) => sdk.models.device.restartApplication(uuid)],
  ['device.reboot', (uuid) => sdk.models.device.reboot(uuid)],
]) {
  await call(name, async () => {
    check(onlineDevice !== undefined, 'COMPAT_ONLINE_DEVICE names a simulated online device');
    await action(onlineDevice);
  });
}

await call('device.deactivate refuses an online device', async () => {
  check(onlineDevice !== undefined, 'COMPAT_ONLINE_DEVICE names a simulated online device');
  await expectMessage(
    sdk.models.device.deactivate(onlineDevice),
    'Devices must be offline in order to be deactivated.',
  );
});

// --- device types, device management and history -----------------------------------------------
await call('deviceType.getName / getSlugByName', async () => {
  const name = await sdk.models.deviceType.getName(DEVICE_TYPE);
  check(name === 'Raspberry Pi 4 (using 64bit OS)', `the display name, got ${name}`);
  check((await sdk.models.deviceType.getSlugByName(name)) === DEVICE_TYPE, 'back to the slug');
});
await call('deviceType.getInstallMethod / getInstructions (contracts in balena shape)', async () => {
  check((await sdk.models.deviceType.getInstallMethod(DEVICE_TYPE)) === 'externalBoot', 'an SD-card board');
  check((await sdk.models.deviceType.getInstallMethod('intel-nuc')) === 'externalFlash', 'a USB-installed machine');
  const steps = await sdk.models.deviceType.getInstructions(DEVICE_TYPE);
  check(Array.isArray(steps) && steps.some((step) => step.includes('SD card')), 'steps that name the SD card');
});
await call('device state report (as a supervisor, with the device key)', async () => {
  const uuid = need('deviceUuid');
  const response = await fetch(`${apiUrl}/device/v3/state`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${need('deviceRegistrationKey')}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      [uuid]: {
        os_version: 'balenaOS 6.0.13',
        os_variant: 'dev',
        supervisor_version: '17.0.0',
        mac_address: '02:42:ac:11:00:02 02:42:ac:11:00:03',
        ip_address: '10.0.0.7',
        cpu_usage: 12,
        memory_usage: 512,
        memory_total: 3794,
      },
    }),
  });
  check(response.ok, `PATCH /device/v3/state answered ${response.status}`);
});
await call('device.getOsVersion / getLocalModeSupport', async () => {
  const device = await sdk.models.device.get(need('deviceUuid'), {
    $select: ['os_version', 'os_variant', 'supervisor_version', 'last_connectivity_event'],
  });
  const version = sdk.models.device.getOsVersion(device);
  check(version === '6.0.13+dev', `the combined version, got ${version}`);
  check(sdk.models.device.getLocalModeSupport(device).supported === true, 'a dev image supports local mode');
});
await call('device.enableLocalMode / isInLocalMode / disableLocalMode', async () => {
  const uuid = need('deviceUuid');
  check((await sdk.models.device.isInLocalMode(uuid)) === false, 'off at first');
  await sdk.models.device.enableLocalMode(uuid);
  check((await sdk.models.device.isInLocalMode(uuid)) === true, 'on');
  await sdk.models.device.disableLocalMode(uuid);
  check((await sdk.models.device.isInLocalMode(uuid)) === false, 'off again');
});
await call('device.enableLockOverride / hasLockOverride / disableLockOverride', async () => {
  const uuid = need('deviceUuid');
  check((await sdk.models.device.hasLockOverride(uuid)) === false, 'off at first');
  await sdk.models.device.enableLockOverride(uuid);
  check((await sdk.models.device.hasLockOverride(uuid)) === true, 'on');
  await sdk.models.device.disableLockOverride(uuid);
  check((await sdk.models.device.hasLockOverride(uuid)) === false, 'off again');
});
await call('device.getMACAddresses / getLocalIPAddresses', async () => {
  const macs = await sdk.models.device.getMACAddresses(need('deviceUuid'));
  check(macs.length === 2 && macs[0] === '02:42:ac:11:00:02', `the reported addresses, got ${macs}`);
  check(onlineDevice !== undefined, 'COMPAT_ONLINE_DEVICE names a simulated online device');
  check((await sdk.models.device.getMACAddresses(onlineDevice)).length > 0, 'the simulated device reports some');
});
await call('device.getMetrics (a simulated device)', async () => {
  check(onlineDevice !== undefined, 'COMPAT_ONLINE_DEVICE names a simulated online device');
  const metrics = await sdk.models.device.getMetrics(onlineDevice);
  check(typeof metrics.cpu_usage === 'number' && typeof metrics.memory_total === 'number', 'cpu and memory');
  check(typeof metrics.cpu_temp === 'number' && typeof metrics.storage_total === 'number', 'temperature and storage');
});
await call('device.history.getAllByDevice', async () => {
  const rows = await sdk.models.device.history.getAllByDevice(need('deviceUuid'));
  check(rows.length >= 2, `a row when registered and one per change, got ${rows.length}`);
  check(
    rows.some((row) => row.os_version === 'balenaOS 6.0.13'),
    'a row with the reported OS',
  );
  const none = await sdk.models.device.history.getAllByDevice(state.deviceId, {
    fromDate: new Date(Date.now() + 86_400_000),
  });
  check(none.length === 0, 'nothing created tomorrow');
});

// --- two-factor authentication --------------------------------------------------------------------
await call('auth.twoFactor (getSetupKey/enable/isEnabled/isPassed)', async () => {
  check((await sdk.auth.twoFactor.isEnabled()) === false, 'disabled at first');
  const setupKey = await sdk.auth.twoFactor.getSetupKey();
  state.totpSecret = secretFromSetupKey(setupKey);
  const token = await withTotpCode(state.totpSecret, (code) => sdk.auth.twoFactor.enable(code));
  check(typeof token === 'string' && token.split('.').length === 3, 'enable returns a JWT');
  check((await sdk.auth.twoFactor.isEnabled()) === true, 'enabled');
  check((await sdk.auth.twoFactor.isPassed()) === true, 'passed after enabling');
});
await call('auth.twoFactor (login pending, challenge, verify)', async () => {
  const secret = need('totpSecret');
  await sdk.auth.logout();
  await sdk.auth.login({ email, password });
  check((await sdk.auth.twoFactor.isPassed()) === false, 'a fresh login is pending');
  await withTotpCode(secret, (code) => sdk.auth.twoFactor.challenge(code));
  check((await sdk.auth.twoFactor.isPassed()) === true, 'passed after challenge');
  const token = await withTotpCode(secret, (code) => sdk.auth.twoFactor.verify(code));
  check(typeof token === 'string' && token.split('.').length === 3, 'verify returns a JWT');
});
await call('auth.twoFactor.disable', async () => {
  need('totpSecret');
  const token = await sdk.auth.twoFactor.disable(password);
  check(typeof token === 'string' && token.split('.').length === 3, 'disable returns a JWT');
  check((await sdk.auth.twoFactor.isEnabled()) === false, 'disabled');
});

// --- balenaOS versions and updates, build variables -------------------------------------------------
await call('os.getAllOsVersions (invalidated included)', async () => {
  const versions = await sdk.models.os.getAllOsVersions(DEVICE_TYPE);
  const raw = versions.map((version) => version.raw_version);
  check(raw.includes('5.2.8'), `the invalidated 5.2.8 listed, got ${raw.join(', ')}`);
  const byType = await sdk.models.os.getAllOsVersions([DEVICE_TYPE, 'raspberrypi3']);
  check(Object.keys(byType).sort().join() === `raspberrypi3,${DEVICE_TYPE}`, 'a dictionary by device type');
});
await call('os.getAvailableOsVersions (default and ESR lines, variants)', async () => {
  const versions = await sdk.models.os.getAvailableOsVersions(DEVICE_TYPE);
  const find = (raw) => versions.find((version) => version.raw_version === raw);
  check(find('5.2.8') === undefined, 'no invalidated release');
  check(find('2025.1.1')?.osType === 'esr' && find('2025.1.1')?.line === 'next', 'ESR 2025.1.1 on the next line');
  check(find('2024.7.2')?.line === 'current' && find('2024.1.3')?.line === 'sunset', 'current and sunset ESR lines');
  check(find('6.0.13')?.osType === 'default', 'the default line');
  check(find('2.88.4+rev2.dev')?.variant === 'dev', 'a development variant');
  check(find('2.115.3+rev1')?.line === 'outdated', 'an end-of-life release is outdated');
});
await call('os.getMaxSatisfyingVersion', async () => {
  const pick = (range, osType) => sdk.models.os.getMaxSatisfyingVersion(DEVICE_TYPE, range, osType);
  check((await pick('^5.0.0')) === '5.3.20', '^5.0.0 gives 5.3.20');
  check((await pick('latest', 'default')) === '6.0.13', 'latest default is 6.0.13');
  check((await pick('latest', 'esr')) === '2025.1.1', 'latest ESR is 2025.1.1');
  check((await pick('^9.0.0')) === null, 'no match gives null');
});
await call('os.getSupportedOsUpdateVersions / isSupportedOsUpdate / getOsUpdateType', async () => {
  const { versions, recommended, current } = await sdk.models.os.getSupportedOsUpdateVersions(DEVICE_TYPE, '6.0.10');
  check(versions.join() === '2025.1.1,6.0.13', `update targets of 6.0.10, got ${versions.join()}`);
  check(recommended === '2025.1.1' && current === '6.0.10', 'recommended and current');
  check((await sdk.models.os.isSupportedOsUpdate(DEVICE_TYPE, '6.0.13', '6.0.10')) === false, 'no downgrade');
  check((await sdk.models.os.getOsUpdateType(DEVICE_TYPE, '6.0.10', '6.0.13')) === 'balenahup', 'balenahup');
});
await call('os.getSupervisorReleasesForCpuArchitecture / getDownloadSize', async () => {
  const releases = await sdk.models.os.getSupervisorReleasesForCpuArchitecture('aarch64');
  const raw = releases.map((release) => release.raw_version).join();
  check(raw === '17.1.1,17.0.0,16.4.6,14.11.8,12.11.0,11.12.4,11.12.3', `aarch64 supervisors newest first, got ${raw}`);
  check((await sdk.models.os.getDownloadSize(DEVICE_TYPE, '6.0.13')) > 0, 'an image size');
});
await call('application.buildVar (set/get/getAllByApplication/remove)', async () => {
  const fleet = need('fleetSlug');
  await sdk.models.application.buildVar.set(fleet, 'NODE_VERSION', '20');
  await sdk.models.application.buildVar.set(fleet, 'NODE_VERSION', '22');
  check((await sdk.models.application.buildVar.get(fleet, 'NODE_VERSION')) === '22', 'value 22 after the upsert');
  const all = await sdk.models.application.buildVar.getAllByApplication(fleet);
  check(all.length === 1 && all[0].name === 'NODE_VERSION', 'one build variable listed');
  await sdk.models.application.buildVar.remove(fleet, 'NODE_VERSION');
  check((await sdk.models.application.buildVar.get(fleet, 'NODE_VERSION')) === undefined, 'gone after remove');
});
await call('device.startOsUpdate refuses a downgrade (before any device action)', async () => {
  check(onlineDevice !== undefined, 'COMPAT_ONLINE_DEVICE names a simulated online device');
  await expectMessage(sdk.models.device.startOsUpdate(onlineDevice, '2.115.3+rev1'), 'OS downgrades are not allowed');
});
await call('device.pinToOsRelease runs the host OS update on a simulated device', async () => {
  check(onlineDevice !== undefined, 'COMPAT_ONLINE_DEVICE names a simulated online device');
  const deadline = Date.now() + 20_000;
  // It was rebooted above: wait until it is back.
  while (!(await sdk.models.device.get(onlineDevice, { $select: 'is_connected_to_vpn' })).is_connected_to_vpn) {
    check(Date.now() < deadline, 'the device came back online');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await sdk.models.device.pinToOsRelease(onlineDevice, '6.0.13');
  let device;
  do {
    check(Date.now() < deadline, `the device runs balenaOS 6.0.13, last ${JSON.stringify(device)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    device = await sdk.models.device.get(onlineDevice, {
      $select: ['os_version', 'provisioning_progress', 'is_connected_to_vpn'],
    });
  } while (
    device.os_version !== 'balenaOS 6.0.13' ||
    device.provisioning_progress !== null ||
    !device.is_connected_to_vpn
  );
  await expectMessage(sdk.models.device.pinToOsRelease(onlineDevice, '6.0.10'), 'OS downgrades are not allowed');
});

// --- clean-up -------------------------------------------------------------------------------------
await call('device.remove', async () => {
  await sdk.models.device.remove(need('deviceUuid'));
  await expectRejection(sdk.models.device.get(state.deviceUuid), 'BalenaDeviceNotFound');
});
await call('application.remove', async () => {
  await sdk.models.application.remove(need('fleetId'));
  await expectRejection(sdk.models.application.get(state.fleetId), 'BalenaApplicationNotFound');
});
await call('auth.logout', async () => {
  await sdk.auth.logout();
  check((await sdk.auth.isLoggedIn()) === false, 'logged out');
});

const passed = results.filter((result) => result.ok).length;
console.log(
  JSON.stringify({
    summary: { passed, failed: results.length - passed, total: results.length, sdk: sdkVersion, node: process.version },
  }),
);
process.exitCode = passed === results.length ? 0 : 1;
