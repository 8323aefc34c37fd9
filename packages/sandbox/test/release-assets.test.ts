import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, type SandboxUser, startSandbox } from '../src/index.js';
import { call, odata } from './support/api.js';

const LIMIT = 64 * 1024;
let sandbox: Sandbox;
let admin: SandboxUser;
let fleet: number;
let release: number;
let directory: string;
let dataFile: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'sandbox-assets-'));
  dataFile = join(directory, 'data.sqlite');
  sandbox = await startSandbox({ dataFile, releaseAssetMaxBytes: LIMIT });
  admin = sandbox.superuser;
  fleet = (await sandbox.seedApplication({ name: 'asset-fleet' })).id;
  release = (await sandbox.seedRelease({ application: fleet })).id;
});
afterAll(async () => {
  await sandbox.close();
  await rm(directory, { recursive: true, force: true });
});

function upload(
  token: string,
  fields: Record<string, string>,
  file?: { bytes: Uint8Array<ArrayBuffer>; name: string; type?: string },
  method = 'POST',
  path = '/v7/release_asset',
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file) form.append('asset', new Blob([file.bytes], { type: file.type ?? 'application/octet-stream' }), file.name);
  return fetch(`${sandbox.url}${path}`, { method, headers: { Authorization: `Bearer ${token}` }, body: form });
}

const storedFiles = async () => readdir(`${dataFile}.webresources`).catch(() => [] as string[]);

describe('release_asset', () => {
  it('stores an uploaded file and serves its bytes at the href', async () => {
    const bytes = new TextEncoder().encode('hello asset');
    const answer = await upload(
      admin.token,
      { asset_key: 'hello.txt', release: String(release) },
      { bytes, name: 'hello.txt', type: 'text/plain' },
    );
    expect(answer.status).toBe(201);
    const row = await answer.json();
    expect(row).toMatchObject({ asset_key: 'hello.txt', release: { __id: release } });
    expect(row.asset).toMatchObject({ filename: 'hello.txt', content_type: 'text/plain', size: bytes.length });
    const download = await fetch(row.asset.href);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('text/plain');
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);
    const listed = await odata(sandbox, `release(${release})?$expand=release_asset`, admin.token);
    expect(listed.body.d[0].release_asset.map((asset: { id: number }) => asset.id)).toEqual([row.id]);
    const byKey = await odata(sandbox, `release_asset(release=${release},asset_key='hello.txt')`, admin.token);
    expect(byKey.body.d[0].id).toBe(row.id);
  });

  it('refuses a duplicate key, a JSON asset, and a file above the limit (400, nothing kept)', async () => {
    const before = await storedFiles();
    const duplicate = await upload(
      admin.token,
      { asset_key: 'hello.txt', release: String(release) },
      { bytes: new Uint8Array(3), name: 'x' },
    );
    expect(duplicate.status).toBe(409);
    const json = await call(sandbox, 'POST', '/v7/release_asset', {
      token: admin.token,
      body: { asset_key: 'json', release, asset: { href: 'http://example.com/x' } },
    });
    expect(json.status).toBe(400);
    expect(json.body).toBe('Use multipart requests to upload a file.');
    const big = await upload(
      admin.token,
      { asset_key: 'big', release: String(release) },
      { bytes: new Uint8Array(LIMIT + 1), name: 'big.bin' },
    );
    expect(big.status).toBe(400);
    expect(await big.json()).toBe(`File size exceeded the limit of ${LIMIT} bytes.`);
    const exact = await upload(
      admin.token,
      { asset_key: 'exact', release: String(release) },
      { bytes: new Uint8Array(LIMIT), name: 'exact.bin' },
    );
    expect(exact.status).toBe(201);
    expect(await storedFiles()).toHaveLength(before.length + 1);
    const { id } = await exact.json();
    expect((await call(sandbox, 'DELETE', `/v7/release_asset(${id})`, { token: admin.token })).status).toBe(200);
    expect(await storedFiles()).toEqual(before);
  });

  it('replaces the file on a keyed PATCH and deletes the old bytes; refuses an unkeyed one', async () => {
    const created = await (
      await upload(
        admin.token,
        { asset_key: 'swap', release: String(release) },
        { bytes: new Uint8Array([1]), name: 'a' },
      )
    ).json();
    const unkeyed = await upload(
      admin.token,
      {},
      { bytes: new Uint8Array([2]), name: 'b' },
      'PATCH',
      `/v7/release_asset?$filter=id eq ${created.id}`,
    );
    expect(unkeyed.status).toBe(400);
    expect(await unkeyed.json()).toBe('WebResources can only be updated when providing a resource key.');
    const patched = await upload(
      admin.token,
      {},
      { bytes: new Uint8Array([2, 3]), name: 'b' },
      'PATCH',
      `/v7/release_asset(${created.id})`,
    );
    expect(patched.status).toBe(200);
    const row = (await odata(sandbox, `release_asset(${created.id})`, admin.token)).body.d[0];
    expect(row.asset).toMatchObject({ filename: 'b', size: 2 });
    expect((await fetch(created.asset.href)).status).toBe(403);
    expect(new Uint8Array(await (await fetch(row.asset.href)).arrayBuffer())).toEqual(new Uint8Array([2, 3]));
  });

  it('deletes the bytes of a release’s assets with the release', async () => {
    const other = (await sandbox.seedRelease({ application: fleet })).id;
    const created = await (
      await upload(admin.token, { asset_key: 'gone', release: String(other) }, { bytes: new Uint8Array(5), name: 'g' })
    ).json();
    const key = String(created.asset.href).split('/').pop();
    expect(await storedFiles()).toContain(key);
    expect((await call(sandbox, 'DELETE', `/v7/release(${other})`, { token: admin.token })).status).toBe(200);
    expect(await storedFiles()).not.toContain(key);
    expect((await fetch(created.asset.href)).status).toBe(403);
  });

  it('lets only the fleet’s developers write, and nobody outside the fleet read', async () => {
    const roles = await odata(sandbox, 'application_membership_role?$select=id,name', admin.token);
    const observerRole = (roles.body.d as { id: number; name: string }[]).find((role) => role.name === 'observer')!.id;
    const observer = await sandbox.createUser();
    await sandbox.addMembership({ user: observer.id, organization: admin.organizationId });
    await call(sandbox, 'POST', '/v7/user_application_membership', {
      token: admin.token,
      body: { user: observer.id, is_member_of__application: fleet, application_membership_role: observerRole },
    });
    const before = await storedFiles();
    const refused = await upload(
      observer.token,
      { asset_key: 'observer', release: String(release) },
      { bytes: new Uint8Array(4), name: 'o' },
    );
    expect(refused.status).toBe(401);
    expect(await storedFiles()).toEqual(before);
    const seen = await odata(sandbox, `release_asset?$filter=release eq ${release}`, observer.token);
    expect(seen.body.d.length).toBeGreaterThan(0);
    const stranger = await sandbox.createUser();
    const hidden = await odata(sandbox, `release_asset?$filter=release eq ${release}`, stranger.token);
    expect(hidden.body.d).toEqual([]);
    const id = seen.body.d[0].id;
    // A DELETE reaching no row the caller may change removes nothing.
    await call(sandbox, 'DELETE', `/v7/release_asset(${id})`, { token: observer.token });
    await call(sandbox, 'DELETE', `/v7/release_asset(${id})`, { token: stranger.token });
    expect((await odata(sandbox, `release_asset(${id})`, admin.token)).body.d).toHaveLength(1);
  });
});

describe('release_asset without a data file', () => {
  it('keeps the bytes in memory', async () => {
    const memory = await startSandbox();
    try {
      const app = (await memory.seedApplication({ name: 'memory-fleet' })).id;
      const rel = (await memory.seedRelease({ application: app })).id;
      const form = new FormData();
      form.append('release', String(rel));
      form.append('asset_key', 'm');
      form.append('asset', new Blob([new Uint8Array([9, 8, 7])]), 'm.bin');
      const answer = await fetch(`${memory.url}/v7/release_asset`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${memory.superuser.token}` },
        body: form,
      });
      expect(answer.status).toBe(201);
      const { asset } = await answer.json();
      expect(new Uint8Array(await (await fetch(asset.href)).arrayBuffer())).toEqual(new Uint8Array([9, 8, 7]));
    } finally {
      await memory.close();
    }
  });
});

describe('the simulated builder (POST /v3/buildFromUrl)', () => {
  it('refuses guests, users outside the fleet and observers, and tarballs from other hosts', async () => {
    const organization = (
      await odata(sandbox, `application(${fleet})?$expand=organization($select=handle)`, admin.token)
    ).body.d[0];
    const path = `/v3/buildFromUrl?headless=true&owner=${organization.organization[0].handle}&app=${organization.app_name}`;
    const body = { url: `${sandbox.url}/webresources/none`, shouldFlatten: true };
    expect((await call(sandbox, 'POST', path, { body })).status).toBe(401);
    const stranger = await sandbox.createUser();
    const hidden = await call(sandbox, 'POST', path, { token: stranger.token, body });
    expect(hidden.status).toBe(404);
    const roles = await odata(sandbox, 'application_membership_role?$select=id,name', admin.token);
    const observerRole = (roles.body.d as { id: number; name: string }[]).find((role) => role.name === 'observer')!.id;
    const observer = await sandbox.createUser();
    await sandbox.addMembership({ user: observer.id, organization: admin.organizationId });
    await call(sandbox, 'POST', '/v7/user_application_membership', {
      token: admin.token,
      body: { user: observer.id, is_member_of__application: fleet, application_membership_role: observerRole },
    });
    const refused = await call(sandbox, 'POST', path, { token: observer.token, body });
    expect(refused.status).toBe(403);
    expect(refused.body.started).toBe(false);
    const foreign = await call(sandbox, 'POST', path, {
      token: admin.token,
      body: { url: 'https://example.com/project.tar.gz' },
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.message).toContain('only fetches tarballs from');
    const missing = await call(sandbox, 'POST', path, { token: admin.token, body });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain('Could not download');
  });
});

describe('release_asset across a restart on the data file', () => {
  it('keeps the bytes and points the href at the restarted sandbox', async () => {
    const file = join(directory, 'restart.sqlite');
    const first = await startSandbox({ dataFile: file });
    const app = (await first.seedApplication({ name: 'restart-fleet' })).id;
    const rel = (await first.seedRelease({ application: app })).id;
    const form = new FormData();
    form.append('release', String(rel));
    form.append('asset_key', 'kept');
    form.append('asset', new Blob([new Uint8Array([4, 5, 6])]), 'kept.bin');
    const created = await (
      await fetch(`${first.url}/v7/release_asset`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${first.superuser.token}` },
        body: form,
      })
    ).json();
    await first.close();
    const second = await startSandbox({ dataFile: file });
    try {
      const row = (await odata(second, `release_asset(${created.id})`, second.superuser.token)).body.d[0];
      expect(row.asset.href.startsWith(`${second.url}/webresources/`)).toBe(true);
      expect(new Uint8Array(await (await fetch(row.asset.href)).arrayBuffer())).toEqual(new Uint8Array([4, 5, 6]));
    } finally {
      await second.close();
    }
  });
});
