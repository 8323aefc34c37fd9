// "Fidelity round two": each case is a difference from balena's API that a client could tell.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../src/index.js';
import { type Answer, call, createFleet, odata } from './support/api.js';

let sandbox: Sandbox;
let token: string;
let organization: number;

beforeAll(async () => {
  sandbox = await startSandbox();
  token = sandbox.superuser.token;
  organization = sandbox.superuser.organizationId;
});
afterAll(() => sandbox.close());

const newUuid = () => randomBytes(16).toString('hex');
const post = (resource: string, body: unknown, as = token) =>
  call(sandbox, 'POST', `/v7/${resource}`, { token: as, body });
const patch = (path: string, body: unknown, as = token) => call(sandbox, 'PATCH', `/v7/${path}`, { token: as, body });

describe('application.is_directly_accessible_by__user', () => {
  it('is balena generated view: rows with a null id, so only `any(dau:1 eq 1)` finds the fleets', async () => {
    const fleet = await createFleet(sandbox, token, organization, 'view-fleet');
    const expanded = await odata(
      sandbox,
      `application(${fleet.id})?$select=id&$expand=is_directly_accessible_by__user`,
      token,
    );
    expect(expanded.body.d[0].is_directly_accessible_by__user).toEqual([
      { id: null, user: { __id: sandbox.superuser.id }, has_direct_access_to__application: { __id: fleet.id } },
    ]);
    const byId = await odata(
      sandbox,
      'application?$select=id&$filter=is_directly_accessible_by__user/any(dau:dau/id ne null)',
      token,
    );
    expect(byId.body.d).toEqual([]);
    const any = await odata(
      sandbox,
      'application?$select=id&$filter=is_directly_accessible_by__user/any(dau:1 eq 1)',
      token,
    );
    expect(any.body.d).toContainEqual({ id: fleet.id });
    const listed = await odata(
      sandbox,
      `user__has_direct_access_to__application?$filter=has_direct_access_to__application eq ${fleet.id}`,
      token,
    );
    expect(listed.body.d).toEqual([
      { id: null, user: { __id: sandbox.superuser.id }, has_direct_access_to__application: { __id: fleet.id } },
    ]);
  });

  it("shows another user none of a fleet's rows, through the view or the expansion", async () => {
    const fleet = await createFleet(sandbox, token, organization, 'private-view-fleet');
    const stranger = await sandbox.createUser({ username: 'view-stranger' });
    const listed = await odata(
      sandbox,
      `user__has_direct_access_to__application?$filter=has_direct_access_to__application eq ${fleet.id}`,
      stranger.token,
    );
    expect(listed.body).toEqual({ d: [] });
    const expanded = await odata(
      sandbox,
      `application(${fleet.id})?$select=id&$expand=is_directly_accessible_by__user`,
      stranger.token,
    );
    expect(expanded.body).toEqual({ d: [] });
  });
});

describe('1. keys', () => {
  it('accepts `(id=N)` as well as `(N)` on every resource', async () => {
    const fleet = await createFleet(sandbox, token, organization, 'keyed-fleet');
    const [device] = await sandbox.seedDevices({ application: fleet.id, count: 1 });
    for (const [resource, id] of [
      ['organization', organization],
      ['application', fleet.id],
      ['device', device!.id],
    ] as const) {
      const named = await odata(sandbox, `${resource}(id=${id})?$select=id`, token);
      expect([named.status, named.body]).toEqual([200, { d: [{ id }] }]);
      const plain = await odata(sandbox, `${resource}(${id})?$select=id`, token);
      expect(plain.body).toEqual({ d: [{ id }] });
    }
    const bySlug = await odata(sandbox, `application(slug='${fleet.slug}')?$select=id`, token);
    expect(bySlug.body).toEqual({ d: [{ id: fleet.id }] });
    expect((await odata(sandbox, `application(app_name='keyed-fleet')?$select=id`, token)).status).toBe(400);
  });

  it('answers a key beyond the range of an id 500 with an empty body (PostgreSQL refuses it), a missing one 200 []', async () => {
    for (const path of ['user__has__public_key(99999999999)', 'device(id=2147483648)', 'application(-2147483649)']) {
      const answer = await odata(sandbox, path, token);
      expect([path, answer.status, answer.text]).toEqual([path, 500, '']);
    }
    const missing = await odata(sandbox, 'user__has__public_key(2147483647)', token);
    expect([missing.status, missing.body]).toEqual([200, { d: [] }]);
  });
});

describe('2. organization administrators', () => {
  const RULE =
    'It is necessary that each organization that is active, includes at least one organization membership that has an organization membership role that has a name (Auth) that is equal to "administrator".';

  it('refuses to remove or demote the last administrator, not the last but one', async () => {
    const owner = await sandbox.createUser();
    const memberships = await odata(
      sandbox,
      `organization_membership?$select=id&$filter=user eq ${owner.id}`,
      owner.token,
    );
    const [own] = memberships.body.d as { id: number }[];
    const removed = await call(sandbox, 'DELETE', `/v7/organization_membership(${own!.id})`, { token: owner.token });
    expect([removed.status, removed.body]).toEqual([400, RULE]);
    const roles = await odata(sandbox, `organization_membership_role?$select=id&$filter=name eq 'member'`, owner.token);
    const demoted = await patch(
      `organization_membership(${own!.id})`,
      { organization_membership_role: roles.body.d[0].id },
      owner.token,
    );
    expect([demoted.status, demoted.body]).toEqual([400, RULE]);
    const other = await sandbox.createUser();
    await sandbox.addMembership({ user: other.id, organization: owner.organizationId, role: 'administrator' });
    const removedNow = await call(sandbox, 'DELETE', `/v7/organization_membership(${own!.id})`, { token: owner.token });
    expect(removedNow.status).toBe(200);
  });
});

describe('3. release versions', () => {
  let fleet: number;
  const release = async (body: Record<string, unknown>): Promise<Answer> =>
    post('release', { belongs_to__application: fleet, commit: newUuid(), status: 'success', composition: {}, ...body });
  const read = async (id: number) =>
    (
      await odata(
        sandbox,
        `release(${id})?$select=semver,raw_version,version,revision,is_final,is_finalized_at__date`,
        token,
      )
    ).body.d[0];

  beforeAll(async () => {
    fleet = (await createFleet(sandbox, token, organization, 'versioned')).id;
  });

  it('stores the given semver; final releases get revisions, drafts their creation time', async () => {
    const first = await release({ semver: '1.0.0' });
    expect(first.status).toBe(201);
    expect(await read(first.body.id)).toMatchObject({
      semver: '1.0.0',
      raw_version: '1.0.0',
      revision: 0,
      is_final: true,
    });
    expect((await read(first.body.id)).is_finalized_at__date).not.toBeNull();
    const second = await release({ semver: '1.0.0' });
    expect(await read(second.body.id)).toMatchObject({
      semver: '1.0.0',
      raw_version: '1.0.0+rev1',
      revision: 1,
      version: { raw: '1.0.0+rev1', major: 1, minor: 0, patch: 0, prerelease: [], build: ['rev1'], version: '1.0.0' },
    });
    const draft = await release({ semver: '1.0.0', is_final: false });
    const createdMs = Date.parse(draft.body.created_at);
    expect(await read(draft.body.id)).toMatchObject({
      raw_version: `1.0.0-${createdMs}`,
      revision: null,
      is_final: false,
      version: { prerelease: [createdMs], build: [], version: `1.0.0-${createdMs}` },
    });
    expect((await patch(`release(${draft.body.id})`, { is_final: true })).status).toBe(200);
    expect(await read(draft.body.id)).toMatchObject({ raw_version: '1.0.0+rev2', revision: 2, is_final: true });
    const back = await patch(`release(${draft.body.id})`, { is_final: false });
    expect([back.status, back.body]).toEqual([400, 'Finalized releases cannot be converted to draft.']);
    // A new semver moves a final release to the revisions of that version.
    expect((await patch(`release(${second.body.id})`, { semver: '1.1.0' })).status).toBe(200);
    expect(await read(second.body.id)).toMatchObject({ semver: '1.1.0', raw_version: '1.1.0', revision: 0 });
    // The parts are set only through `semver`: a body of parts alone is empty to balena.
    const parts = await patch(`release(${second.body.id})`, { semver_major: 9 });
    expect([parts.status, parts.body]).toEqual([400, 'No fields to update']);
    expect((await read(second.body.id)).semver).toBe('1.1.0');
  });

  it('keeps prerelease, build and variant apart, and refuses bad semvers and revisions', async () => {
    const full = await release({ semver: '2.1.0-beta.1+build.7', variant: 'dev' });
    expect(await read(full.body.id)).toMatchObject({
      semver: '2.1.0-beta.1+build.7',
      raw_version: '2.1.0-beta.1+build.7.dev',
      version: { prerelease: ['beta', '1'], build: ['build', '7', 'dev'], version: '2.1.0-beta.1' },
    });
    const bad = await release({ semver: 'one' });
    expect([bad.status, bad.body]).toEqual([400, 'Invalid semver format']);
    const wrongRevision = await release({ semver: '3.0.0+rev4' });
    expect([wrongRevision.status, wrongRevision.body]).toEqual([
      400,
      'The provided revision does not match the autogenerated one.',
    ]);
    const rightRevision = await release({ semver: '3.0.0+rev0' });
    expect(await read(rightRevision.body.id)).toMatchObject({ raw_version: '3.0.0+rev0', revision: 0 });
  });
});

describe('4. service installs', () => {
  it('exist for every device and service of a fleet: registration, new services, moves', async () => {
    const fleet = (await createFleet(sandbox, token, organization, 'installs')).id;
    const other = (await createFleet(sandbox, token, organization, 'installs-other')).id;
    const main = await post('service', { application: fleet, service_name: 'main' });
    await post('service', { application: other, service_name: 'elsewhere' });
    const key = (await call(sandbox, 'POST', `/api-key/application/${fleet}/provisioning`, { token, body: {} })).body;
    const registered = await call(sandbox, 'POST', '/device/register', {
      token: key,
      body: { user: sandbox.superuser.id, application: fleet, device_type: 'raspberrypi4-64', uuid: newUuid() },
    });
    const installs = async () =>
      (
        await odata(
          sandbox,
          `service_install?$select=id&$filter=device eq ${registered.body.id}&$expand=installs__service($select=service_name)&$orderby=id asc`,
          token,
        )
      ).body.d.map((row: { installs__service: { service_name: string }[] }) => row.installs__service[0]!.service_name);
    expect(main.status).toBe(201);
    expect(await installs()).toEqual(['main']);
    await post('service', { application: fleet, service_name: 'worker' });
    expect(await installs()).toEqual(['main', 'worker']);
    expect((await patch(`device(${registered.body.id})`, { belongs_to__application: other })).status).toBe(200);
    expect(await installs()).toEqual(['elsewhere']);
  });
});

describe('5. fleet names', () => {
  const RULE =
    'It is necessary that each application has an app name that has a Length (Type) that is greater than or equal to 4 and is less than or equal to 100.';

  it('refuses names shorter than 4 characters, on create and on rename', async () => {
    const short = await post('application', { app_name: 'abc', organization, is_for__device_type: 1 });
    expect([short.status, short.body]).toEqual([400, RULE]);
    const fleet = await createFleet(sandbox, token, organization, 'abcd');
    const renamed = await patch(`application(${fleet.id})`, { app_name: 'ab' });
    expect([renamed.status, renamed.body]).toEqual([400, RULE]);
  });
});

describe('6. tag keys', () => {
  it("answers balena's messages", async () => {
    const fleet = (await createFleet(sandbox, token, organization, 'tagged')).id;
    const tag = (tag_key: unknown) => post('application_tag', { application: fleet, tag_key, value: 'v' });
    const cases: [unknown, number, unknown][] = [
      ['has space', 400, 'Tag keys cannot contain whitespace.'],
      ['io.resin.x', 400, 'Tag keys beginning with io.resin. are reserved.'],
      ['io.balena.x', 400, 'Tag keys beginning with io.balena. are reserved.'],
      [
        '',
        400,
        'It is necessary that each application tag has a tag key that has a Length (Type) that is greater than 0.',
      ],
      // Recorded on the real server (golden case post-application-tag-missing-key): 500, empty.
      [undefined, 500, undefined],
    ];
    for (const [key, status, body] of cases) {
      const answer = await tag(key);
      expect([key, answer.status, answer.body]).toEqual([key, status, body]);
    }
    // The same rules on PATCH.
    const good = await tag('good');
    const renamed = await patch(`application_tag(${good.body.id})`, { tag_key: 'io.resin.y' });
    expect([renamed.status, renamed.body]).toEqual([400, 'Tag keys beginning with io.resin. are reserved.']);
  });
});

describe('7. image build logs', () => {
  it('are left out unless selected', async () => {
    const fleet = (await createFleet(sandbox, token, organization, 'imaged')).id;
    const service = await post('service', { application: fleet, service_name: 'main' });
    const image = await post('image', { is_a_build_of__service: service.body.id, build_log: 'Step 1/2' });
    expect(image.status).toBe(201);
    const plain = await odata(sandbox, `image(${image.body.id})`, token);
    expect(plain.body.d[0]).not.toHaveProperty('build_log');
    const selected = await odata(sandbox, `image(${image.body.id})?$select=build_log`, token);
    expect(selected.body.d).toEqual([{ build_log: 'Step 1/2' }]);
  });
});

describe('8. device status', () => {
  let fleet: number;
  const status = async (id: number) =>
    (await odata(sandbox, `device(${id})?$select=overall_status,overall_progress`, token)).body.d[0];

  beforeAll(async () => {
    fleet = (await createFleet(sandbox, token, organization, 'statuses')).id;
  });

  it('a registered device is inactive until it first reaches the API', async () => {
    const uuid = newUuid();
    const device = await call(sandbox, 'POST', '/device/register', {
      token,
      body: { user: sandbox.superuser.id, application: fleet, device_type: 'raspberrypi4-64', uuid },
    });
    expect(await status(device.body.id)).toEqual({ overall_status: 'inactive', overall_progress: null });
    await call(sandbox, 'PATCH', '/device/v3/state', {
      token: device.body.api_key,
      body: { [uuid]: { status: 'Idle' } },
    });
    expect((await status(device.body.id)).overall_status).toBe('disconnected');
  });

  it('refuses to deactivate an online device', async () => {
    const [online] = await sandbox.seedDevices({
      application: fleet,
      count: 1,
      fields: { is_online: true, api_heartbeat_state: 'online' },
    });
    const answer = await patch(`device(${online!.id})`, { is_active: false });
    expect([answer.status, answer.body]).toEqual([400, 'Devices must be offline in order to be deactivated.']);
    const [offline] = await sandbox.seedDevices({ application: fleet, count: 1 });
    expect((await patch(`device(${offline!.id})`, { is_active: false })).status).toBe(200);
    expect((await status(offline!.id)).overall_status).toBe('inactive');
  });

  it("derives a downloading device's status and progress as balena does", async () => {
    const [whole] = await sandbox.seedDevices({
      application: fleet,
      count: 1,
      fields: {
        api_heartbeat_state: 'online',
        status: 'Downloading',
        download_progress: 40,
        is_connected_to_vpn: true,
      },
    });
    expect(await status(whole!.id)).toEqual({ overall_status: 'updating', overall_progress: 40 });
    // On the VPN but with a stale heartbeat: not updating, yet its own download progress shows.
    const [stale] = await sandbox.seedDevices({
      application: fleet,
      count: 1,
      fields: {
        api_heartbeat_state: 'offline',
        status: 'Downloading',
        download_progress: 40,
        is_connected_to_vpn: true,
      },
    });
    expect(await status(stale!.id)).toEqual({ overall_status: 'reduced-functionality', overall_progress: 40 });
    // Images without progress count as done in the average.
    const service = await post('service', { application: fleet, service_name: 'svc' });
    const images = await Promise.all([1, 2].map(() => post('image', { is_a_build_of__service: service.body.id })));
    const [images1] = await sandbox.seedDevices({
      application: fleet,
      count: 1,
      fields: { api_heartbeat_state: 'online', is_connected_to_vpn: true },
    });
    await post('image_install', {
      device: images1!.id,
      installs__image: images[0]!.body.id,
      status: 'Downloading',
      download_progress: 20,
    });
    await post('image_install', { device: images1!.id, installs__image: images[1]!.body.id, status: 'Downloading' });
    expect(await status(images1!.id)).toEqual({ overall_status: 'updating', overall_progress: 60 });
  });
});

describe('9. organization handles', () => {
  it('derives a fresh handle for a second organization of the same name', async () => {
    const first = await post('organization', { name: 'Twin Org' });
    const second = await post('organization', { name: 'Twin Org' });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(first.body.handle).toBe('twin_org');
    expect(second.body.handle).not.toBe(first.body.handle);
    const given = await post('organization', { name: 'Other', handle: 'twin_org' });
    expect([given.status, given.body]).toEqual([409, '"handle" must be unique.']);
  });
});

describe('10. unknown navigations in $expand', () => {
  it('answer 500 with an empty body, as pinejs does (its translation error)', async () => {
    const answer = await odata(sandbox, 'application?$expand=no_such_navigation', token);
    expect([answer.status, answer.text]).toEqual([500, '']);
  });
});

describe('12. configuration', () => {
  it('serves the analytics token and the device-type config variables', async () => {
    const config = await call(sandbox, 'GET', '/config');
    expect(config.body).toHaveProperty('mixpanelToken');
    const plain = await call(sandbox, 'GET', '/config/vars');
    expect(plain.body.configVarSchema.properties).not.toHaveProperty('BALENA_HOST_CONFIG_hdmi_mode');
    const pi = await call(sandbox, 'GET', '/config/vars?deviceType=raspberrypi4-64');
    expect(pi.body.configVarSchema.properties.BALENA_HOST_CONFIG_hdmi_mode).toMatchObject({
      type: 'integer',
      default: 1,
      will_reboot: true,
    });
    const nuc = await call(sandbox, 'GET', '/config/vars?deviceType=intel-nuc');
    expect(nuc.body.configVarSchema.properties).not.toHaveProperty('BALENA_HOST_CONFIG_hdmi_mode');
    const unknown = await call(sandbox, 'GET', '/config/vars?deviceType=no-such-board');
    expect(unknown.status).toBe(200);
  });
});

describe('13. fleets that track their latest release', () => {
  const target = async (fleet: number) =>
    (await odata(sandbox, `application(${fleet})?$select=should_be_running__release`, token)).body.d[0]
      .should_be_running__release;
  const release = async (fleet: number, body: Record<string, unknown>): Promise<number> => {
    const answer = await post('release', {
      belongs_to__application: fleet,
      commit: newUuid(),
      status: 'success',
      composition: {},
      ...body,
    });
    expect(answer.status).toBe(201);
    return answer.body.id;
  };

  it('run the most recently started successful, final, untainted release, whether posted or patched so', async () => {
    const fleet = (await createFleet(sandbox, token, organization, 'tracking')).id;
    const modifiedAt = async () =>
      (await odata(sandbox, `application(${fleet})?$select=modified_at`, token)).body.d[0].modified_at;
    const created = await modifiedAt();
    const old = await release(fleet, { start_timestamp: '2017-01-01T00:00:00.000Z' });
    expect(await target(fleet)).toEqual({ __id: old });
    expect(await modifiedAt()).toBe(created);
    const current = await release(fleet, { start_timestamp: '2024-01-01T00:00:00.000Z' });
    expect(await target(fleet)).toEqual({ __id: current });
    // An older build finishing later does not take over: balena orders by start.
    await release(fleet, { start_timestamp: '2020-01-01T00:00:00.000Z' });
    // Failed, draft, invalidated and failing releases are never tracked.
    await release(fleet, { status: 'failed', start_timestamp: '2025-01-01T00:00:00.000Z' });
    const draft = await release(fleet, { is_final: false, start_timestamp: '2025-02-01T00:00:00.000Z' });
    await release(fleet, { is_invalidated: true, start_timestamp: '2025-03-01T00:00:00.000Z' });
    await release(fleet, { is_passing_tests: false, start_timestamp: '2025-04-01T00:00:00.000Z' });
    expect(await target(fleet)).toEqual({ __id: current });
    // Finalizing the draft makes it the latest; invalidating it falls back to the one before.
    expect((await patch(`release(${draft})`, { is_final: true })).status).toBe(200);
    expect(await target(fleet)).toEqual({ __id: draft });
    expect((await patch(`release(${draft})`, { is_invalidated: true })).status).toBe(200);
    expect(await target(fleet)).toEqual({ __id: current });
  });

  it('leave a fleet pinned to a release (should_track_latest_release false) where it is', async () => {
    const fleet = (await createFleet(sandbox, token, organization, 'pinned-fleet')).id;
    const first = await release(fleet, { start_timestamp: '2017-01-01T00:00:00.000Z' });
    expect((await patch(`application(${fleet})`, { should_track_latest_release: false })).status).toBe(200);
    await release(fleet, { start_timestamp: '2024-01-01T00:00:00.000Z' });
    expect(await target(fleet)).toEqual({ __id: first });
  });
});

describe('14. release commits', () => {
  it('are distinct among successful releases of a fleet only', async () => {
    const fleet = (await createFleet(sandbox, token, organization, 'commits')).id;
    const release = (status: string) =>
      post('release', { belongs_to__application: fleet, commit: 'shared-commit', status, composition: {} });
    expect((await release('error')).status).toBe(201);
    expect((await release('failed')).status).toBe(201);
    const success = await release('success');
    expect(success.status).toBe(201);
    const second = await release('success');
    expect([second.status, second.body]).toEqual([
      400,
      'It is necessary that each application that owns a release1 that has a status that is equal to "success" and has a commit1, owns at most one release2 that has a status that is equal to "success" and has a commit2 that is equal to the commit1.',
    ]);
    // The rule holds on updates too: a failed release of that commit may not become successful.
    const failed = await release('failed');
    expect((await patch(`release(${failed.body.id})`, { status: 'success' })).status).toBe(400);
    // Another fleet may use the same commit.
    const other = (await createFleet(sandbox, token, organization, 'commits-too')).id;
    const elsewhere = await post('release', {
      belongs_to__application: other,
      commit: 'shared-commit',
      status: 'success',
      composition: {},
    });
    expect(elsewhere.status).toBe(201);
  });
});
