import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../src/index.js';
import { call, createFleet, odata } from './support/api.js';

let sandbox: Sandbox;
let token: string;
let alpha: number;
let beta: number;

beforeAll(async () => {
  sandbox = await startSandbox();
  token = sandbox.superuser.token;
  alpha = (await createFleet(sandbox, token, sandbox.superuser.organizationId, 'Alpha')).id;
  beta = (await createFleet(sandbox, token, sandbox.superuser.organizationId, 'beta')).id;
  await sandbox.seedDevices({ application: alpha, count: 3, namePrefix: 'alpha-' });
  await sandbox.seedDevices({ application: beta, count: 2, namePrefix: 'beta-' });
  const devices = await odata(sandbox, `device?$select=id,device_name&$filter=device_name eq 'alpha-1'`, token);
  await call(sandbox, 'POST', '/v7/device_tag', {
    token,
    body: { device: devices.body.d[0].id, tag_key: 'owner', value: "O'Brien" },
  });
  await call(sandbox, 'POST', '/v7/application_tag', {
    token,
    body: { application: beta, tag_key: 'team', value: 'qa' },
  });
});
afterAll(() => sandbox.close());

const names = (answer: { body: { d: { device_name?: string; app_name?: string }[] } }) =>
  answer.body.d.map((row) => row.device_name ?? row.app_name);

describe('$filter', () => {
  it('compares with eq, ne, gt, ge, lt, le, and, or, not', async () => {
    expect(
      names(
        await odata(
          sandbox,
          `device?$select=device_name&$filter=device_name ne 'alpha-1' and belongs_to__application eq ${alpha}&$orderby=device_name asc`,
          token,
        ),
      ),
    ).toEqual(['alpha-2', 'alpha-3']);
    expect(
      names(
        await odata(
          sandbox,
          `device?$select=device_name&$filter=device_name gt 'alpha-2' and device_name le 'beta-1'&$orderby=device_name asc`,
          token,
        ),
      ),
    ).toEqual(['alpha-3', 'beta-1']);
    expect(
      names(
        await odata(
          sandbox,
          `device?$select=device_name&$filter=device_name lt 'alpha-2' or device_name ge 'beta-2'&$orderby=device_name asc`,
          token,
        ),
      ),
    ).toEqual(['alpha-1', 'beta-2']);
    expect(
      names(
        await odata(
          sandbox,
          `device?$select=device_name&$filter=not(startswith(device_name,'alpha'))&$orderby=device_name desc`,
          token,
        ),
      ),
    ).toEqual(['beta-2', 'beta-1']);
  });

  it('supports in, startswith, endswith, substringof, contains, tolower and null', async () => {
    expect(
      names(
        await odata(
          sandbox,
          `device?$select=device_name&$filter=device_name in ('alpha-3','beta-1','none')&$orderby=device_name asc`,
          token,
        ),
      ),
    ).toEqual(['alpha-3', 'beta-1']);
    expect(
      names(
        await odata(
          sandbox,
          `device?$select=device_name&$filter=endswith(device_name,'-2')&$orderby=device_name asc`,
          token,
        ),
      ),
    ).toEqual(['alpha-2', 'beta-2']);
    expect(
      names(
        await odata(
          sandbox,
          `device?$select=device_name&$filter=substringof('ta-',device_name)&$orderby=device_name asc`,
          token,
        ),
      ),
    ).toEqual(['beta-1', 'beta-2']);
    expect(
      names(await odata(sandbox, `device?$select=device_name&$filter=contains(device_name,'ha-3')`, token)),
    ).toEqual(['alpha-3']);
    expect(
      names(await odata(sandbox, `application?$select=app_name&$filter=tolower(app_name) eq 'alpha'`, token)),
    ).toEqual(['Alpha']);
    expect((await odata(sandbox, `device/$count?$filter=note eq null`, token)).body).toEqual({ d: 5 });
  });

  it('follows navigation paths and any/all lambdas, nested', async () => {
    expect(
      names(
        await odata(
          sandbox,
          `device?$select=device_name&$filter=belongs_to__application/app_name eq 'beta'&$orderby=device_name asc`,
          token,
        ),
      ),
    ).toEqual(['beta-1', 'beta-2']);
    expect(
      names(
        await odata(sandbox, `application?$select=app_name&$filter=application_tag/any(t:t/tag_key eq 'team')`, token),
      ),
    ).toEqual(['beta']);
    expect(
      names(
        await odata(
          sandbox,
          `application?$select=app_name&$filter=owns__device/any(d:d/device_tag/any(t:t/value eq 'O''Brien'))`,
          token,
        ),
      ),
    ).toEqual(['Alpha']);
    expect(
      names(
        await odata(
          sandbox,
          `application?$select=app_name&$filter=is_public eq false and owns__device/all(d:startswith(d/device_name,'beta'))`,
          token,
        ),
      ),
    ).toEqual(['beta']);
  });

  it('finds device types by alias the way the SDK asks', async () => {
    const answer = await odata(
      sandbox,
      `device_type?$orderby=name asc&$select=slug&$top=1&$filter=device_type_alias/any(dta:dta/is_referenced_by__alias eq 'raspberrypi')`,
    );
    expect(answer.body).toEqual({ d: [{ slug: 'raspberry-pi' }] });
  });
});

describe('$expand, $select, $orderby, $top, $skip, $count', () => {
  it('expands nested navigations as arrays, first in key order, with their own options', async () => {
    const answer = await odata(
      sandbox,
      `application(${alpha})?$select=app_name&$expand=owns__device($select=device_name;$orderby=device_name desc;$top=2;$skip=0),is_for__device_type($select=slug;$expand=is_of__cpu_architecture($select=slug)),organization($select=handle)`,
      token,
    );
    const [row] = answer.body.d;
    expect(Object.keys(row)).toEqual(['owns__device', 'is_for__device_type', 'organization', 'app_name']);
    expect(row.owns__device).toEqual([{ device_name: 'alpha-3' }, { device_name: 'alpha-2' }]);
    expect(row.is_for__device_type).toEqual([
      { is_of__cpu_architecture: [{ slug: 'aarch64' }], slug: 'raspberrypi4-64' },
    ]);
    expect(row.organization).toEqual([{ handle: 'admin' }]);
  });

  it('counts collections and expanded navigations, with a filter', async () => {
    expect((await odata(sandbox, 'device/$count', token)).body).toEqual({ d: 5 });
    const answer = await odata(
      sandbox,
      `application?$select=app_name&$filter=is_public eq false&$expand=owns__device/$count($filter=endswith(device_name,'1'))&$orderby=app_name asc`,
      token,
    );
    expect(answer.body.d).toEqual([
      { owns__device: 1, app_name: 'Alpha' },
      { owns__device: 1, app_name: 'beta' },
    ]);
  });

  it('answers links as {__id} and sorts in byte order', async () => {
    const answer = await odata(
      sandbox,
      `application?$select=app_name,organization,should_be_running__release&$filter=is_public eq false&$orderby=app_name asc`,
      token,
    );
    expect(answer.body.d).toEqual([
      { app_name: 'Alpha', organization: { __id: sandbox.superuser.organizationId }, should_be_running__release: null },
      { app_name: 'beta', organization: { __id: sandbox.superuser.organizationId }, should_be_running__release: null },
    ]);
  });

  it('pages with $top and $skip and reads by alternate keys', async () => {
    expect(
      names(await odata(sandbox, `device?$select=device_name&$orderby=device_name asc&$top=2&$skip=1`, token)),
    ).toEqual(['alpha-2', 'alpha-3']);
    const org = await odata(sandbox, `organization(handle='admin')?$select=handle`, token);
    expect(org.body).toEqual({ d: [{ handle: 'admin' }] });
    const device = await odata(sandbox, `device?$select=uuid&$top=1`, token);
    const byUuid = await odata(sandbox, `device(uuid='${device.body.d[0].uuid}')?$select=uuid`, token);
    expect(byUuid.body.d).toEqual(device.body.d);
  });
});

describe('writes', () => {
  it('POST answers 201 with the row and Location; duplicates are 409 with balena message', async () => {
    const created = await call(sandbox, 'POST', '/v7/application_environment_variable', {
      token,
      body: { application: alpha, name: 'MODE', value: 'one' },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/v7/application_environment_variable(@id)?@id=${created.body.id}`);
    expect(created.body).toMatchObject({ application: { __id: alpha }, name: 'MODE', value: 'one' });
    const duplicate = await call(sandbox, 'POST', '/v7/application_environment_variable', {
      token,
      body: { application: alpha, name: 'MODE', value: 'two' },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toBe('"application" and "name" must be unique.');
  });

  it('PATCH and DELETE by $filter answer 200 with an empty body and no content type', async () => {
    const patched = await call(sandbox, 'PATCH', `/v7/device?$filter=belongs_to__application%20eq%20${beta}`, {
      token,
      body: { note: 'batch' },
    });
    expect([patched.status, patched.text, patched.contentType]).toEqual([200, '', null]);
    expect((await odata(sandbox, `device/$count?$filter=note eq 'batch'`, token)).body).toEqual({ d: 2 });
    const removed = await call(sandbox, 'DELETE', `/v7/device?$filter=note%20eq%20'batch'`, { token });
    expect([removed.status, removed.text]).toEqual([200, '']);
    expect((await odata(sandbox, `device/$count?$filter=belongs_to__application eq ${beta}`, token)).body).toEqual({
      d: 0,
    });
  });

  it('renaming a fleet renames its slug; deleting it takes devices, variables and tags along', async () => {
    const fleet = await createFleet(sandbox, token, sandbox.superuser.organizationId, 'Doomed');
    await sandbox.seedDevices({ application: fleet.id, count: 2 });
    await call(sandbox, 'POST', '/v7/application_tag', {
      token,
      body: { application: fleet.id, tag_key: 'k', value: 'v' },
    });
    await call(sandbox, 'PATCH', `/v7/application(${fleet.id})`, { token, body: { app_name: 'Renamed' } });
    expect((await odata(sandbox, `application(${fleet.id})?$select=slug`, token)).body.d).toEqual([
      { slug: 'admin/renamed' },
    ]);
    await call(sandbox, 'DELETE', `/v7/application(${fleet.id})`, { token });
    expect((await odata(sandbox, `device/$count?$filter=belongs_to__application eq ${fleet.id}`, token)).body).toEqual({
      d: 0,
    });
    expect((await odata(sandbox, `application_tag/$count?$filter=application eq ${fleet.id}`, token)).body).toEqual({
      d: 0,
    });
  });

  it('creates releases, services, images and release images as the CLI deploy does', async () => {
    const release = await call(sandbox, 'POST', '/v7/release', {
      token,
      body: { belongs_to__application: alpha, commit: 'abc123', status: 'running', composition: {}, source: 'local' },
    });
    expect(release.status).toBe(201);
    const service = await call(sandbox, 'POST', '/v7/service', {
      token,
      body: { application: alpha, service_name: 'web' },
    });
    const image = await call(sandbox, 'POST', '/v7/image', {
      token,
      body: { is_a_build_of__service: service.body.id, status: 'success' },
    });
    const link = await call(sandbox, 'POST', '/v7/image__is_part_of__release', {
      token,
      body: { image: image.body.id, is_part_of__release: release.body.id },
    });
    expect([service.status, image.status, link.status]).toEqual([201, 201, 201]);
    const read = await odata(
      sandbox,
      `release(${release.body.id})?$select=commit&$expand=release_image($expand=image($select=id;$expand=is_a_build_of__service($select=service_name)))`,
      token,
    );
    expect(read.body.d[0].release_image[0].image[0].is_a_build_of__service).toEqual([{ service_name: 'web' }]);
  });
});
