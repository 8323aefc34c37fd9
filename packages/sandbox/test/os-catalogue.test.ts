import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, type SandboxUser, startSandbox } from '../src/index.js';
import { call, createFleet, odata } from './support/api.js';

let sandbox: Sandbox;
let other: SandboxUser;
let privateFleet: number;

const SUPERVISOR_QUERY =
  "release?$select=raw_version&$orderby=semver_major desc,semver_minor desc,semver_patch desc&$filter=is_invalidated eq false and belongs_to__application/any(a:startswith(a/slug,'balena_os/') and endswith(a/slug,'-supervisor') and a/is_for__device_type/any(dt:dt/is_of__cpu_architecture/any(c:c/slug eq 'aarch64')))";

beforeAll(async () => {
  sandbox = await startSandbox();
  other = await sandbox.createUser();
  privateFleet = (await createFleet(sandbox, sandbox.superuser.token, sandbox.superuser.organizationId, 'mine')).id;
  await sandbox.seedRelease({ application: privateFleet, semver: '1.0.0' });
});
afterAll(() => sandbox.close());

describe('the balenaOS catalogue', () => {
  it('tags ESR host applications with their lines and release policy', async () => {
    const answer = await odata(
      sandbox,
      "application?$select=slug&$expand=application_tag($select=tag_key,value;$orderby=tag_key asc)&$filter=is_host eq true and slug eq 'balena_os/raspberrypi4-64-esr'",
    );
    expect(answer.body.d[0].application_tag).toEqual([
      { tag_key: 'esr-current', value: '2024.7' },
      { tag_key: 'esr-next', value: '2025.1' },
      { tag_key: 'esr-sunset', value: '2024.1' },
      { tag_key: 'release-policy', value: 'esr' },
    ]);
  });

  it('serves supervisor releases of balena_os/<arch>-supervisor to guests and users alike', async () => {
    // 17.2.0 is invalidated.
    const expected = ['17.1.1', '17.0.0', '16.4.6', '14.11.8', '12.11.0', '11.12.4', '11.12.3'];
    for (const token of [undefined, other.token, sandbox.superuser.token]) {
      const answer = await odata(sandbox, SUPERVISOR_QUERY, token);
      expect(answer.status).toBe(200);
      expect(answer.body.d.map((release: { raw_version: string }) => release.raw_version)).toEqual(expected);
    }
  });

  it('stores each supervisor image on the registry2 host, where guests and users read it', async () => {
    const query = SUPERVISOR_QUERY.replace(
      '$select=raw_version',
      '$select=raw_version&$expand=release_image($select=id;$expand=image($select=is_stored_at__image_location))',
    );
    for (const token of [undefined, other.token]) {
      const answer = await odata(sandbox, query, token);
      expect(answer.status).toBe(200);
      for (const release of answer.body.d) {
        expect(release.release_image).toHaveLength(1);
        expect(release.release_image[0].image[0].is_stored_at__image_location).toMatch(
          /^registry2\.sandbox\.invalid\/v2\/[0-9a-f]{32}$/,
        );
      }
    }
  });

  it('keeps the ESR releases of 2020.04 and 2021.07, whose versions are not semver, in their tags only', async () => {
    for (const slug of ['raspberrypi3-esr', 'fincm3-esr']) {
      const answer = await odata(
        sandbox,
        `release?$select=raw_version,variant,semver_major&$expand=release_tag($select=tag_key,value;$orderby=tag_key asc)&$orderby=id asc&$filter=belongs_to__application/any(a:a/slug eq 'balena_os/${slug}')`,
      );
      const [first, , , , fifth] = answer.body.d;
      expect(first).toMatchObject({ raw_version: '0.0.0+prod', variant: 'prod', semver_major: 0 });
      expect(first.release_tag).toEqual([
        { tag_key: 'meta-balena-base', value: '2.48.0' },
        { tag_key: 'variant', value: 'production' },
        { tag_key: 'version', value: '2020.04.0' },
      ]);
      expect(
        answer.body.d.slice(0, 4).map((release: { release_tag: { value: string }[] }) => release.release_tag[2]?.value),
      ).toEqual(['2020.04.0', '2020.04.0', '2021.07.1', '2021.07.1']);
      expect(fifth).toMatchObject({ raw_version: '2024.1.3', semver_major: 2024 });
    }
  });

  it('keeps a discontinued device type: its manifest says so, its host app is archived, and fleets can still be made for it', async () => {
    const [edge] = (await odata(sandbox, "device_type?$select=id,slug&$filter=slug eq 'edge'", other.token)).body.d;
    expect(edge).toEqual({ id: expect.any(Number), slug: 'edge' });
    const manifest = await call(sandbox, 'GET', '/device-types/v1/edge', { token: other.token });
    expect(manifest.body).toMatchObject({ slug: 'edge', state: 'DISCONTINUED', arch: 'amd64' });
    const released = await call(sandbox, 'GET', '/device-types/v1/raspberrypi4-64', { token: other.token });
    expect(released.body).toMatchObject({ state: 'RELEASED' });
    const hosts = await odata(
      sandbox,
      `application?$select=is_archived&$filter=is_host eq true and is_for__device_type eq ${edge.id}`,
      other.token,
    );
    expect(hosts.body.d).toEqual([{ is_archived: true }]);
    const owner = await sandbox.createUser();
    const created = await call(sandbox, 'POST', '/v7/application', {
      token: owner.token,
      body: { app_name: 'on-edge', organization: owner.organizationId, is_for__device_type: edge.id },
    });
    expect(created.status).toBe(201);
  });

  it('lists public applications to users and guests, and not among the fleets a user reaches directly', async () => {
    for (const token of [undefined, other.token]) {
      const answer = await odata(sandbox, 'application?$select=slug,is_public', token);
      expect(answer.status).toBe(200);
      expect(answer.body.d.length).toBeGreaterThan(0);
      expect(answer.body.d.every((app: { is_public: boolean }) => app.is_public)).toBe(true);
      expect(answer.body.d).toContainEqual({ slug: 'balena_os/raspberrypi4-64', is_public: true });
    }
    const mine = await odata(sandbox, 'application?$select=slug', sandbox.superuser.token);
    expect(mine.body.d).toContainEqual({ slug: 'balena_os/raspberrypi4-64' });
    expect(mine.body.d).toContainEqual({ slug: expect.stringMatching(/\/mine$/) });
    const direct = await odata(
      sandbox,
      'application?$select=slug&$filter=is_directly_accessible_by__user/any(dau:1 eq 1)',
      sandbox.superuser.token,
    );
    expect(direct.body.d).toEqual([{ slug: expect.stringMatching(/\/mine$/) }]);
    const stranger = await odata(
      sandbox,
      'application?$select=slug&$filter=is_directly_accessible_by__user/any(dau:1 eq 1)',
      other.token,
    );
    expect(stranger.body.d).toEqual([]);
  });

  it('keeps a private fleet’s releases from other users and guests, even when the query names the fleet', async () => {
    const query = `release?$select=id&$filter=belongs_to__application/any(a:a/id eq ${privateFleet})`;
    expect((await odata(sandbox, query, sandbox.superuser.token)).body.d).toHaveLength(1);
    expect((await odata(sandbox, query, other.token)).body.d).toEqual([]);
    const guest = await odata(sandbox, query);
    expect(guest.body.d ?? []).toEqual([]);
  });
});

/** The id of a host OS release of a device type's default (or `-esr`) host application. */
async function osRelease(slug: string, version: string): Promise<number> {
  const answer = await odata(
    sandbox,
    `release?$select=id&$filter=belongs_to__application/any(a:a/slug eq 'balena_os/${slug}') and release_tag/any(t:t/tag_key eq 'version' and t/value eq '${version}')`,
    sandbox.superuser.token,
  );
  return answer.body.d[0].id;
}

describe("a device's target OS release", () => {
  const token = () => sandbox.superuser.token;
  const target = async (id: number) =>
    (await odata(sandbox, `device(${id})?$select=should_be_operated_by__release`, token())).body.d[0]
      .should_be_operated_by__release;
  const patch = (id: number, body: Record<string, unknown>) =>
    call(sandbox, 'PATCH', `/v7/device(${id})`, { token: token(), body });

  it('is set from the first OS version a device reports, when the catalogue has it', async () => {
    const provisioningKey = (
      await call(sandbox, 'POST', `/api-key/application/${privateFleet}/provisioning`, { token: token(), body: {} })
    ).body;
    const uuid = 'a'.repeat(32);
    const device = (
      await call(sandbox, 'POST', '/device/register', {
        token: provisioningKey,
        body: { application: privateFleet, device_type: 'raspberrypi4-64', uuid },
      })
    ).body;
    await call(sandbox, 'PATCH', '/device/v3/state', {
      token: device.api_key,
      body: { [uuid]: { os_version: 'balenaOS 2.88.4+rev2', os_variant: 'dev' } },
    });
    // The development variant is seeded right after the production one of the same version.
    expect(await target(device.id)).toEqual({ __id: (await osRelease('raspberrypi4-64', '2.88.4+rev2')) + 1 });
  });

  it('is set from the OS version a device registers with', async () => {
    const provisioningKey = (
      await call(sandbox, 'POST', `/api-key/application/${privateFleet}/provisioning`, { token: token(), body: {} })
    ).body;
    const registered = await call(sandbox, 'POST', '/device/register', {
      token: provisioningKey,
      body: {
        application: privateFleet,
        device_type: 'raspberrypi4-64',
        uuid: 'b'.repeat(32),
        os_version: 'balenaOS 6.0.10',
        os_variant: 'prod',
      },
    });
    expect(registered.status).toBe(201);
    expect(await target(registered.body.id)).toEqual({ __id: await osRelease('raspberrypi4-64', '6.0.10') });
  });

  it("answers balena's errors for another device type, an invalidated release and a downgrade", async () => {
    const [device] = await sandbox.seedDevices({
      application: privateFleet,
      count: 1,
      fields: { os_version: 'balenaOS 6.0.10', os_variant: 'prod' },
    });
    const id = device!.id;
    expect(
      (await patch(id, { should_be_operated_by__release: await osRelease('raspberrypi4-64', '6.0.10') })).status,
    ).toBe(200);
    const otherType = await patch(id, { should_be_operated_by__release: await osRelease('raspberrypi3', '6.0.13') });
    expect([otherType.status, otherType.body]).toEqual([
      400,
      'It is necessary that each release that should operate a device that is of a device type, belongs to an application that is host and is for the device type.',
    ]);
    const invalidated = await osRelease('raspberrypi4-64', '5.2.8');
    const refused = await patch(id, { should_be_operated_by__release: invalidated });
    expect([refused.status, refused.body]).toEqual([
      400,
      `Could not find a hostapp release with this ID ${invalidated}`,
    ]);
    const downgrade = await patch(id, { should_be_operated_by__release: await osRelease('raspberrypi4-64', '5.3.20') });
    expect([downgrade.status, downgrade.body]).toEqual([400, 'Attempt to downgrade hostapp, which is not allowed']);
    // The downgrade rule compares with the OS the device runs: a device pinned ahead can be pinned back to it.
    const running = await osRelease('raspberrypi4-64', '6.0.10');
    expect(
      (await patch(id, { should_be_operated_by__release: await osRelease('raspberrypi4-64', '6.0.13') })).status,
    ).toBe(200);
    expect((await patch(id, { should_be_operated_by__release: running })).status).toBe(200);
    expect(await target(id)).toEqual({ __id: running });
    const esr = await osRelease('raspberrypi4-64-esr', '2025.1.1');
    expect((await patch(id, { should_be_operated_by__release: esr })).status).toBe(200);
    expect(await target(id)).toEqual({ __id: esr });
    // Another user cannot change it at all.
    const foreign = await call(sandbox, 'PATCH', `/v7/device(${id})`, {
      token: other.token,
      body: { should_be_operated_by__release: null },
    });
    expect(await target(id)).toEqual({ __id: esr });
    expect(foreign.status).not.toBe(500);
    // A new device type clears the target.
    const [raspberrypi3] = (await odata(sandbox, "device_type?$select=id&$filter=slug eq 'raspberrypi3'")).body.d;
    expect((await patch(id, { is_of__device_type: raspberrypi3.id })).status).toBe(200);
    expect(await target(id)).toBeNull();
  });
});
