import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../src/index.js';
import { call, createFleet, odata } from './support/api.js';

let sandbox: Sandbox;
let token: string;
let fleet: number;

beforeAll(async () => {
  sandbox = await startSandbox();
  token = sandbox.superuser.token;
  fleet = (await createFleet(sandbox, token, sandbox.superuser.organizationId, 'configured')).id;
});
afterAll(() => sandbox.close());

describe('public endpoints', () => {
  it('serves /ping, /config and /config/vars without a token', async () => {
    expect((await call(sandbox, 'GET', '/ping')).text).toBe('OK');
    expect((await call(sandbox, 'GET', '/config')).body).toMatchObject({
      deviceUrlsBase: 'balena-devices.com',
      signupCodeRequired: false,
    });
    const vars = await call(sandbox, 'GET', '/config/vars');
    expect(vars.body.reservedNames).toEqual(['RESIN', 'BALENA', 'USER']);
    expect(vars.body.blackListedNames).toContain('BALENA_HOST_LOG_TO_DISPLAY');
  });

  it('answers CORS preflights for browser pages on other ports', async () => {
    const response = await fetch(`${sandbox.url}/v7/application`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://127.0.0.1:9', 'Access-Control-Request-Headers': 'authorization' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toContain('Authorization');
  });

  it('lets a browser resume a log stream from another origin (Last-Event-ID in the preflight)', async () => {
    // What a page on another port sends before the `eventsource` package's reconnect request.
    const requested = ['authorization', 'last-event-id', 'cache-control'];
    const response = await fetch(`${sandbox.url}/device/v2/0123/logs?stream=1`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://127.0.0.1:9',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': requested.join(','),
      },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const allowed = (response.headers.get('access-control-allow-headers') ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase());
    expect(requested.filter((name) => !allowed.includes(name))).toEqual([]);
    expect(response.headers.get('access-control-allow-methods')).toContain('GET');
  });

  it('lists host OS releases the way os.getAvailableOsVersions asks', async () => {
    const answer = await odata(
      sandbox,
      `application?$select=is_for__device_type&$expand=is_for__device_type($select=slug),owns__release($select=raw_version;$filter=is_final eq true and is_invalidated eq false and status eq 'success')&$filter=is_host eq true and is_for__device_type/any(dt:dt/slug in ('raspberrypi4-64'))`,
      token,
    );
    const versions = answer.body.d[0].owns__release.map((release: { raw_version: string }) => release.raw_version);
    // The invalidated 5.2.8 and the drafts 5.1.10 and 6.1.0 are left out; the ESR host application comes second.
    expect(versions).toEqual([
      ...['2.0.6+rev3', '2.9.6+rev1', '2.15.1+rev1', '2.26.0+rev1', '2.29.0+rev1', '2.29.2+rev1'].flatMap((version) => [
        `${version}.prod`,
        `${version}.dev`,
      ]),
      ...['2.48.0+rev1', '2.54.2+rev1', '2.88.4+rev2'].flatMap((version) => [`${version}.prod`, `${version}.dev`]),
      '2.115.3+rev1',
      '5.1.20+rev1',
      '5.3.20',
      '6.0.10',
      '6.0.13',
    ]);
    // 2020.04.0 and 2021.07.1 are not semver: their raw_version is 0.0.0 with the variant.
    expect(answer.body.d[1].owns__release.map((release: { raw_version: string }) => release.raw_version)).toEqual([
      '0.0.0+prod',
      '0.0.0+dev',
      '0.0.0+prod',
      '0.0.0+dev',
      '2024.1.3',
      '2024.7.0',
      '2024.7.2',
      '2025.1.0',
      '2025.1.1',
    ]);
    const supported = await odata(
      sandbox,
      `device_type/$count?$filter=is_default_for__application/any(idfa:idfa/is_host eq true and idfa/owns__release/any(r:r/status eq 'success'))`,
    );
    expect(supported.body.d).toBeGreaterThan(10);
  });
});

describe('device types and config.json', () => {
  it('serves device-type.json manifests, by slug and alias, 404 for unknown ones', async () => {
    const all = await call(sandbox, 'GET', '/device-types/v1', { token });
    expect(all.body.map((manifest: { slug: string }) => manifest.slug)).toContain('raspberrypi5');
    const one = await call(sandbox, 'GET', '/device-types/v1/raspberrypi', { token });
    expect(one.body).toMatchObject({ slug: 'raspberry-pi', arch: 'rpi', aliases: ['raspberry-pi', 'raspberrypi'] });
    const unknown = await call(sandbox, 'GET', '/device-types/v1/no-such-board', { token });
    expect([unknown.status, unknown.body]).toEqual([404, 'Unknown device type no-such-board']);
    const size = await call(sandbox, 'GET', '/device-types/v1/raspberrypi4-64/images/6.0.13/download-size', { token });
    expect(size.body).toEqual({ size: 4 * 1024 * 1024 });
  });

  it("download-config needs a version, hides other users' fleets and creates a provisioning key", async () => {
    const config = await call(sandbox, 'POST', '/download-config', {
      token,
      body: { appId: fleet, version: '6.0.13', network: 'wifi', wifiSsid: 'lab', wifiKey: 'secret' },
    });
    expect(config.body).toMatchObject({
      applicationId: fleet,
      deviceType: 'raspberrypi4-64',
      userId: sandbox.superuser.id,
      wifiSsid: 'lab',
      wifiKey: 'secret',
    });
    const whoami = await call(sandbox, 'GET', '/actor/v1/whoami', { token: config.body.apiKey });
    expect(whoami.body).toMatchObject({ actorType: 'application', actorTypeId: fleet });
    const noVersion = await call(sandbox, 'GET', `/download-config?appId=${fleet}`, { token });
    expect([noVersion.status, noVersion.body]).toEqual([400, 'A version is required.']);
    const other = await sandbox.createUser();
    expect(
      (await call(sandbox, 'GET', `/download-config?appId=${fleet}&version=6.0.13`, { token: other.token })).status,
    ).toBe(404);
    // balena refuses balenaOS 1.2.0 and older, and versions balena-semver cannot read, before making a key.
    const keys = async () => (await odata(sandbox, 'api_key/$count', token)).body.d;
    const before = await keys();
    for (const version of ['1.2.0', 'v1+foo']) {
      const old = await call(sandbox, 'GET', `/download-config?appId=${fleet}&version=${encodeURIComponent(version)}`, {
        token,
      });
      expect([version, old.status, old.body]).toEqual([
        version,
        400,
        'balenaOS versions <= 1.2.0 are no longer supported, please update',
      ]);
    }
    expect(await keys()).toBe(before);
    const newer = await call(sandbox, 'GET', `/download-config?appId=${fleet}&version=1.2.1`, { token });
    expect(newer.status).toBe(200);
  });

  it('streams a deterministic OS image with Content-Length; 404 for unknown types and versions', async () => {
    const digest = async () => {
      const response = await fetch(`${sandbox.url}/download?deviceType=raspberrypi4-64&version=latest`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-length')).toBe(String(4 * 1024 * 1024));
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.length).toBe(4 * 1024 * 1024);
      return createHash('sha256').update(bytes).digest('hex');
    };
    expect(await digest()).toBe(await digest());
    const badType = await call(sandbox, 'GET', '/download?deviceType=nope&version=latest', { token });
    expect([badType.status, badType.body]).toEqual([404, 'Unknown device type nope']);
    expect((await call(sandbox, 'GET', '/download?deviceType=raspberrypi4-64&version=9.9.9', { token })).status).toBe(
      404,
    );
  });
});
