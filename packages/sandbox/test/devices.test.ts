import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../src/index.js';
import { type Answer, call, createFleet, odata } from './support/api.js';

let sandbox: Sandbox;
let token: string;
let fleet: number;
let provisioningKey: string;

const newUuid = () => randomBytes(16).toString('hex');

beforeAll(async () => {
  sandbox = await startSandbox();
  token = sandbox.superuser.token;
  fleet = (await createFleet(sandbox, token, sandbox.superuser.organizationId, 'devices')).id;
  provisioningKey = (
    await call(sandbox, 'POST', `/api-key/application/${fleet}/provisioning`, { token, body: { name: 'p' } })
  ).body;
});
afterAll(() => sandbox.close());

async function register(uuid = newUuid()): Promise<{ id: number; uuid: string; api_key: string }> {
  const answer = await call(sandbox, 'POST', '/device/register', {
    token: provisioningKey,
    body: { user: sandbox.superuser.id, application: fleet, device_type: 'raspberrypi4-64', uuid },
  });
  expect(answer.status).toBe(201);
  return answer.body;
}

const status = async (id: number): Promise<Answer> =>
  odata(sandbox, `device(${id})?$select=overall_status,overall_progress,api_heartbeat_state,is_online`, token);

describe('registration', () => {
  it('registers with a provisioning key: 201 {id, uuid, api_key}, a generated name, inactive (balena-cloud)', async () => {
    const device = await register();
    expect(device.api_key).toMatch(/^[A-Za-z0-9]{32}$/);
    const row = await odata(
      sandbox,
      `device(${device.id})?$select=device_name,overall_status,api_heartbeat_state`,
      token,
    );
    expect(row.body.d[0]).toMatchObject({ overall_status: 'inactive', api_heartbeat_state: 'unknown' });
    expect(row.body.d[0].device_name).toMatch(/^[a-z]+-[a-z]+$/);
    const seen = await odata(sandbox, 'device?$select=uuid', device.api_key);
    expect(seen.body.d).toEqual([{ uuid: device.uuid }]);
  });

  it('refuses duplicates (409 text/html), unknown keys (401 JSON) and other fleets (401)', async () => {
    const device = await register();
    const duplicate = await call(sandbox, 'POST', '/device/register', {
      token: provisioningKey,
      body: { user: sandbox.superuser.id, application: fleet, device_type: 'raspberrypi4-64', uuid: device.uuid },
    });
    expect([duplicate.status, duplicate.contentType, duplicate.text]).toEqual([
      409,
      'text/html; charset=utf-8',
      '"uuid" must be unique.',
    ]);
    const badKey = await call(sandbox, 'POST', '/device/register', {
      token: 'x'.repeat(32),
      body: { application: fleet, uuid: newUuid(), device_type: 'raspberrypi4-64' },
    });
    expect([badKey.status, badKey.body]).toEqual([401, { error: 'API key required' }]);
    const otherFleet = await createFleet(sandbox, token, sandbox.superuser.organizationId, 'other-fleet');
    const wrong = await call(sandbox, 'POST', '/device/register', {
      token: provisioningKey,
      body: { application: otherFleet.id, uuid: newUuid(), device_type: 'raspberrypi4-64' },
    });
    expect(wrong.status).toBe(401);
  });
});

describe('overall_status', () => {
  it('inactive -> disconnected after a state report -> reduced-functionality after a poll -> operational without VPN control', async () => {
    const device = await register();
    expect((await status(device.id)).body.d[0].overall_status).toBe('inactive');
    const report = await call(sandbox, 'PATCH', '/device/v3/state', {
      token: device.api_key,
      body: { [device.uuid]: { status: 'Idle', is_online: true, ip_address: '10.0.0.2' } },
    });
    expect(report.status).toBe(200);
    expect((await status(device.id)).body.d[0]).toMatchObject({
      overall_status: 'disconnected',
      api_heartbeat_state: 'unknown',
      is_online: true,
    });
    const state = await call(sandbox, 'GET', `/device/v3/${device.uuid}/state`, { token: device.api_key });
    expect(state.body[device.uuid].config).toEqual({ RESIN_SUPERVISOR_POLL_INTERVAL: '600000' });
    expect((await status(device.id)).body.d[0]).toMatchObject({
      overall_status: 'reduced-functionality',
      api_heartbeat_state: 'online',
    });
    await call(sandbox, 'POST', '/v7/device_config_variable', {
      token,
      body: { device: device.id, name: 'BALENA_SUPERVISOR_VPN_CONTROL', value: 'false' },
    });
    expect((await status(device.id)).body.d[0].overall_status).toBe('operational');
    await call(sandbox, 'PATCH', '/device/v3/state', {
      token: device.api_key,
      body: { [device.uuid]: { status: 'Downloading', download_progress: 42 } },
    });
    expect((await status(device.id)).body.d[0]).toMatchObject({ overall_status: 'updating', overall_progress: 42 });
  });

  it('a PATCH naming is_online stamps last_connectivity_event; is_online true activates a registered device', async () => {
    const device = await register();
    const patch = (body: Record<string, unknown>) =>
      call(sandbox, 'PATCH', `/v7/device(${device.id})`, { token, body });
    const read = async () =>
      (await odata(sandbox, `device(${device.id})?$select=overall_status,is_active,last_connectivity_event`, token))
        .body.d[0];
    expect((await patch({ is_online: true })).status).toBe(200);
    const online = await read();
    expect(online).toMatchObject({ overall_status: 'disconnected', is_active: true });
    expect(Date.now() - Date.parse(online.last_connectivity_event)).toBeLessThan(60_000);
    // A user may not deactivate a device that is online (balena's message).
    const deactivate = await patch({ is_active: false });
    expect([deactivate.status, deactivate.body]).toEqual([400, 'Devices must be offline in order to be deactivated.']);
    // balena overwrites a given last_connectivity_event when is_online is in the same write.
    await patch({ is_online: false, last_connectivity_event: '2019-05-13T16:14:00.000Z' });
    const offline = await read();
    expect(offline.overall_status).toBe('disconnected');
    expect(offline.last_connectivity_event).not.toBe('2019-05-13T16:14:00.000Z');
    await patch({ last_connectivity_event: '2019-05-13T16:14:00.000Z' });
    expect((await read()).last_connectivity_event).toBe('2019-05-13T16:14:00.000Z');
  });

  it("a target-state poll with the device's key as ?apikey= beside a user's token counts as the device's heartbeat", async () => {
    const device = await register();
    const poll = await call(sandbox, 'GET', `/device/v3/${device.uuid}/state?apikey=${device.api_key}`, { token });
    expect(poll.status).toBe(200);
    expect((await status(device.id)).body.d[0].api_heartbeat_state).toBe('online');
  });

  it('turns online devices offline after the heartbeat timeout', async () => {
    const device = await register();
    await call(sandbox, 'GET', `/device/v3/${device.uuid}/state`, { token: device.api_key });
    expect((await status(device.id)).body.d[0].api_heartbeat_state).toBe('online');
    const settings = await call(sandbox, 'PATCH', '/sandbox/v1/settings', { token, body: { heartbeatTimeoutMs: 1 } });
    expect(settings.status).toBe(200);
    await expect
      .poll(async () => (await status(device.id)).body.d[0].api_heartbeat_state, { timeout: 5000 })
      .toBe('offline');
    expect((await status(device.id)).body.d[0].overall_status).toBe('disconnected');
    await call(sandbox, 'PATCH', '/sandbox/v1/settings', { token, body: { heartbeatTimeoutMs: 600_000 } });
  });

  it('a device seeded online stays online until its heartbeat times out, like one just heard from', async () => {
    const [seeded] = await sandbox.seedDevices({
      application: fleet,
      count: 1,
      fields: { api_heartbeat_state: 'online' },
    });
    // Past the once-a-second sweep of expired heartbeats.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await status(seeded!.id)).body.d[0].api_heartbeat_state).toBe('online');
  });

  it('a device may not report for another device (401)', async () => {
    const first = await register();
    const second = await register();
    const answer = await call(sandbox, 'PATCH', '/device/v3/state', {
      token: first.api_key,
      body: { [second.uuid]: { status: 'Idle' } },
    });
    expect(answer.status).toBe(401);
  });
});

describe('releases and target state', () => {
  it('a tracked fleet targets its newest release; reports create installs and progress', async () => {
    const device = await register();
    const release = await sandbox.seedRelease({ application: fleet, services: ['web', 'db'] });
    const state = await call(sandbox, 'GET', `/device/v3/${device.uuid}/state`, { token: device.api_key });
    const app = Object.values(state.body[device.uuid].apps)[0] as {
      releases: Record<string, { services: Record<string, unknown> }>;
    };
    expect(Object.keys(app.releases)).toEqual([release.commit]);
    expect(Object.keys(app.releases[release.commit]!.services).sort()).toEqual(['db', 'web']);
    const target = await odata(sandbox, `device(${device.id})?$select=should_be_running__release`, token);
    expect(target.body.d[0].should_be_running__release).toEqual({ __id: release.id });
    await call(sandbox, 'PATCH', '/device/v3/state', {
      token: device.api_key,
      body: {
        [device.uuid]: {
          apps: {
            x: {
              release_uuid: release.commit,
              releases: {
                [release.commit]: {
                  services: { web: { status: 'Downloading', download_progress: 50 }, db: { status: 'Running' } },
                },
              },
            },
          },
        },
      },
    });
    const installs = await odata(
      sandbox,
      `device(${device.id})?$select=overall_status,overall_progress,is_running__release&$expand=image_install($select=status)`,
      token,
    );
    expect(installs.body.d[0]).toMatchObject({
      overall_status: 'updating',
      overall_progress: 75,
      is_running__release: { __id: release.id },
    });
    expect(installs.body.d[0].image_install).toHaveLength(2);
  });
});
