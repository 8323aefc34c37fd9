// balena's chunked upload of a release asset (beginUpload, PUT of each part to its URL,
// commitUpload / cancelUpload), as the official SDK sends it for files over 5 MiB.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, type SandboxUser, startSandbox } from '../src/index.js';
import { call, odata } from './support/api.js';

const MiB = 1024 * 1024;
const LIMIT = 16 * MiB;
let sandbox: Sandbox;
let admin: SandboxUser;
let fleet: number;
let release: number;
let directory: string;
let dataFile: string;
let observer: SandboxUser;
let stranger: SandboxUser;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'sandbox-chunked-'));
  dataFile = join(directory, 'data.sqlite');
  sandbox = await startSandbox({ dataFile, releaseAssetMaxBytes: LIMIT });
  admin = sandbox.superuser;
  fleet = (await sandbox.seedApplication({ name: 'chunked-fleet' })).id;
  release = (await sandbox.seedRelease({ application: fleet })).id;
  const roles = await odata(sandbox, 'application_membership_role?$select=id,name', admin.token);
  const observerRole = (roles.body.d as { id: number; name: string }[]).find((role) => role.name === 'observer')!.id;
  observer = await sandbox.createUser();
  await sandbox.addMembership({ user: observer.id, organization: admin.organizationId });
  await call(sandbox, 'POST', '/v7/user_application_membership', {
    token: admin.token,
    body: { user: observer.id, is_member_of__application: fleet, application_membership_role: observerRole },
  });
  stranger = await sandbox.createUser();
});
afterAll(async () => {
  await sandbox.close();
  await rm(directory, { recursive: true, force: true });
});

/** Bytes that differ from part to part (a part swapped or repeated changes the file). */
function bytesOf(size: number, seed = 1): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  for (let index = 0; index < size; index++) bytes[index] = (index * 31 + seed + (index >> 20)) & 0xff;
  return bytes;
}

const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex');

async function createAsset(target: Sandbox, token: string, rel: number, key: string): Promise<number> {
  const answer = await call(target, 'POST', '/v7/release_asset', {
    token,
    body: { release: rel, asset_key: key, asset: null },
  });
  expect(answer.status).toBe(201);
  return answer.body.id;
}

interface Begun {
  uuid: string;
  uploadParts: { url: string; chunkSize: number; partNumber: number }[];
}

async function begin(
  target: Sandbox,
  token: string | undefined,
  id: number,
  asset: Record<string, unknown>,
): Promise<{ status: number; body: unknown; begun: Begun }> {
  const answer = await call(target, 'POST', `/v7/release_asset(${id})/beginUpload`, { token, body: { asset } });
  return { status: answer.status, body: answer.body, begun: answer.body?.asset };
}

const putPart = (url: string, bytes: Uint8Array<ArrayBuffer>) => fetch(url, { method: 'PUT', body: bytes });

/** PUTs every part of `bytes` to its URL and returns the Parts list commitUpload takes. */
async function putParts(begun: Begun, bytes: Uint8Array<ArrayBuffer>, chunkSize: number) {
  return Promise.all(
    begun.uploadParts.map(async (part) => {
      const offset = (part.partNumber - 1) * chunkSize;
      const answer = await putPart(part.url, bytes.slice(offset, offset + part.chunkSize));
      expect(answer.status).toBe(200);
      return { PartNumber: part.partNumber, ETag: answer.headers.get('etag')!.replace(/^"+|"+$/g, '') };
    }),
  );
}

const commit = (target: Sandbox, token: string | undefined, id: number, uuid: unknown, Parts: unknown) =>
  call(target, 'POST', `/v7/release_asset(${id})/commitUpload`, {
    token,
    body: { uuid, providerCommitData: { Parts } },
  });

const cancel = (target: Sandbox, token: string | undefined, id: number, uuid: unknown) =>
  call(target, 'POST', `/v7/release_asset(${id})/cancelUpload`, { token, body: { uuid } });

const download = async (href: string) => new Uint8Array(await (await fetch(href)).arrayBuffer());
const files = async (suffix: string) => readdir(`${dataFile}${suffix}`).catch(() => [] as string[]);

describe('release_asset chunked upload', () => {
  it('stores the parts as the asset, served and kept across a restart like a single upload', async () => {
    const id = await createAsset(sandbox, admin.token, release, 'big.bin');
    const size = 12 * MiB + 3;
    const chunkSize = 5 * MiB;
    const bytes = bytesOf(size);
    const started = await begin(sandbox, admin.token, id, {
      filename: 'big.bin',
      content_type: 'application/x-test',
      size,
      chunk_size: chunkSize,
    });
    expect(started.status).toBe(200);
    const { uuid, uploadParts } = started.begun;
    expect(uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(uploadParts.map(({ partNumber, chunkSize: part }) => [partNumber, part])).toEqual([
      [1, chunkSize],
      [2, chunkSize],
      [3, 2 * MiB + 3],
    ]);
    // Part URLs are distinct capability URLs on the sandbox itself.
    expect(new Set(uploadParts.map((part) => part.url)).size).toBe(3);
    for (const part of uploadParts) expect(part.url.startsWith(`${sandbox.url}/`)).toBe(true);

    const first = await putPart(uploadParts[0]!.url, bytes.slice(0, chunkSize));
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe(`"${md5(bytes.slice(0, chunkSize))}"`);
    // A browser page on another origin PUTs the part with no token and no Content-Type.
    const crossSite = await fetch(uploadParts[1]!.url, {
      method: 'PUT',
      headers: { Origin: 'http://localhost:5173' },
      body: bytes.slice(chunkSize, 2 * chunkSize),
    });
    expect(crossSite.status).toBe(200);
    expect(crossSite.headers.get('access-control-expose-headers')).toContain('ETag');
    const Parts = await putParts(started.begun, bytes, chunkSize);
    const committed = await commit(sandbox, admin.token, id, uuid, Parts);
    expect(committed.status).toBe(200);
    expect(committed.body).toMatchObject({ filename: 'big.bin', content_type: 'application/x-test', size });
    const row = (await odata(sandbox, `release_asset(${id})`, admin.token)).body.d[0];
    expect(row.asset).toEqual(committed.body);
    const served = await fetch(row.asset.href);
    expect(served.headers.get('content-type')).toBe('application/x-test');
    expect(md5(new Uint8Array(await served.arrayBuffer()))).toBe(md5(bytes));
    // Stored where a single-request upload stores it; no part is left behind.
    expect(await files('.webresources')).toContain(String(row.asset.href).split('/').pop());
    expect(await files('.webresources-parts')).toEqual([]);
    // The upload is closed: a second commit and another PUT are refused.
    expect((await commit(sandbox, admin.token, id, uuid, Parts)).status).toBe(401);
    expect((await putPart(uploadParts[2]!.url, bytes.slice(2 * chunkSize))).status).toBe(404);

    const file = join(directory, 'restart.sqlite');
    const first1 = await startSandbox({ dataFile: file });
    let href: string;
    try {
      const app = (await first1.seedApplication({ name: 'restart-chunked' })).id;
      const rel = (await first1.seedRelease({ application: app })).id;
      const assetId = await createAsset(first1, first1.superuser.token, rel, 'r');
      const { begun } = await begin(first1, first1.superuser.token, assetId, {
        filename: 'r.bin',
        content_type: 'application/octet-stream',
        size,
      });
      // No chunk_size: balena's default part size, 10 MiB.
      expect(begun.uploadParts.map((part) => part.chunkSize)).toEqual([10 * MiB, 2 * MiB + 3]);
      const list = await putParts(begun, bytes, 10 * MiB);
      const done = await commit(first1, first1.superuser.token, assetId, begun.uuid, list);
      expect(done.status).toBe(200);
      // An upload left open: its parts go when the sandbox closes.
      const open = (await begin(first1, first1.superuser.token, assetId, { filename: 'o', content_type: 'x', size }))
        .begun;
      await putParts(open, bytes, 10 * MiB);
      expect(await readdir(`${file}.webresources-parts`)).toHaveLength(2);
    } finally {
      await first1.close();
    }
    expect(await readdir(`${file}.webresources-parts`).catch(() => [])).toEqual([]);
    const second = await startSandbox({ dataFile: file });
    try {
      const row2 = (await odata(second, `release_asset?$filter=asset_key eq 'r'`, second.superuser.token)).body.d[0];
      href = row2.asset.href;
      expect(href.startsWith(second.url)).toBe(true);
      expect(md5(await download(href))).toBe(md5(bytes));
    } finally {
      await second.close();
    }
  });

  it('replaces an earlier file on commit and deletes its bytes', async () => {
    const id = await createAsset(sandbox, admin.token, release, 'replace.bin');
    const sizes = [6 * MiB, 7 * MiB];
    const hrefs: string[] = [];
    for (const [index, size] of sizes.entries()) {
      const bytes = bytesOf(size, index + 7);
      const { begun } = await begin(sandbox, admin.token, id, {
        filename: `v${index}`,
        content_type: 'application/octet-stream',
        size,
        chunk_size: 5 * MiB,
      });
      const answer = await commit(sandbox, admin.token, id, begun.uuid, await putParts(begun, bytes, 5 * MiB));
      expect(answer.status).toBe(200);
      hrefs.push(answer.body.href);
      expect(md5(await download(answer.body.href))).toBe(md5(bytes));
    }
    expect((await fetch(hrefs[0]!)).status).toBe(403);
    expect(await files('.webresources')).not.toContain(hrefs[0]!.split('/').pop());
  });

  it('keeps the parts and the file in memory without a data file', async () => {
    const memory = await startSandbox();
    try {
      const app = (await memory.seedApplication({ name: 'memory-chunked' })).id;
      const rel = (await memory.seedRelease({ application: app })).id;
      const id = await createAsset(memory, memory.superuser.token, rel, 'm');
      const bytes = bytesOf(5 * MiB + 1, 3);
      const { begun } = await begin(memory, memory.superuser.token, id, {
        filename: 'm.bin',
        content_type: 'application/octet-stream',
        size: bytes.length,
        chunk_size: 5 * MiB,
      });
      const answer = await commit(
        memory,
        memory.superuser.token,
        id,
        begun.uuid,
        await putParts(begun, bytes, 5 * MiB),
      );
      expect(answer.status).toBe(200);
      expect(md5(await download(answer.body.href))).toBe(md5(bytes));
    } finally {
      await memory.close();
    }
  });
});

describe('release_asset chunked upload refusals', () => {
  const valid = { filename: 'f.bin', content_type: 'application/octet-stream', size: 6 * MiB, chunk_size: 5 * MiB };

  it('refuses a begin payload pinejs refuses, a small chunk, and a file above the limit (400)', async () => {
    const id = await createAsset(sandbox, admin.token, release, 'payloads');
    const refusals: [unknown, string][] = [
      [{ asset: valid, other: valid }, 'Invalid begin upload payload'],
      [{ asset: null }, 'Invalid begin upload payload'],
      [{ asset: {} }, 'Invalid begin upload payload'],
      [{ asset: { ...valid, size: '6' } }, 'Invalid begin upload payload'],
      [{ asset: { ...valid, extra: 1 } }, 'Invalid begin upload payload'],
      [{ asset: { ...valid, filename: undefined } }, 'Invalid begin upload payload'],
      [{ asset_key: valid }, "The provided field 'asset_key' is not a valid webresource"],
      [{ asset: { ...valid, chunk_size: 5 * MiB - 1 } }, 'Chunk size is too small'],
      [{ asset: { ...valid, size: LIMIT + 1 } }, `File size exceeded the limit of ${LIMIT} bytes.`],
    ];
    for (const [body, message] of refusals) {
      const answer = await call(sandbox, 'POST', `/v7/release_asset(${id})/beginUpload`, { token: admin.token, body });
      expect([answer.status, answer.body]).toEqual([400, message]);
    }
    const exact = await begin(sandbox, admin.token, id, { ...valid, size: LIMIT });
    expect(exact.status).toBe(200);
    expect((await cancel(sandbox, admin.token, id, exact.begun.uuid)).status).toBe(204);
  });

  it('answers 401 to guests, observers, users outside the fleet and unknown rows', async () => {
    const id = await createAsset(sandbox, admin.token, release, 'who');
    for (const token of [undefined, observer.token, stranger.token]) {
      expect((await begin(sandbox, token, id, valid)).status).toBe(401);
    }
    expect((await begin(sandbox, admin.token, 999_999, valid)).status).toBe(401);
    const { begun } = await begin(sandbox, admin.token, id, valid);
    const bytes = bytesOf(valid.size);
    const Parts = await putParts(begun, bytes, valid.chunk_size);
    for (const token of [undefined, observer.token, stranger.token]) {
      expect((await commit(sandbox, token, id, begun.uuid, Parts)).status).toBe(401);
      expect((await cancel(sandbox, token, id, begun.uuid)).status).toBe(401);
    }
    // Still open for its owner after all of these.
    expect((await commit(sandbox, admin.token, id, begun.uuid, Parts)).status).toBe(200);
  });

  it('refuses a commit or cancel naming a wrong uuid, or an upload of another row', async () => {
    const id = await createAsset(sandbox, admin.token, release, 'uuid-a');
    const other = await createAsset(sandbox, admin.token, release, 'uuid-b');
    const { begun } = await begin(sandbox, admin.token, id, valid);
    const Parts = await putParts(begun, bytesOf(valid.size), valid.chunk_size);
    expect(await commit(sandbox, admin.token, id, 42, Parts)).toMatchObject({ status: 400, body: 'Invalid uuid type' });
    expect(await cancel(sandbox, admin.token, id, undefined)).toMatchObject({ status: 400, body: 'Invalid uuid type' });
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await commit(sandbox, admin.token, id, unknown, Parts)).status).toBe(401);
    expect((await commit(sandbox, admin.token, other, begun.uuid, Parts)).status).toBe(401);
    expect((await cancel(sandbox, admin.token, other, begun.uuid)).status).toBe(401);
    expect((await odata(sandbox, `release_asset(${other})`, admin.token)).body.d[0].asset).toBeNull();
    expect((await commit(sandbox, admin.token, id, begun.uuid, Parts)).status).toBe(200);
  });

  it('refuses a commit whose parts are missing, out of order or of another upload (500, upload kept open)', async () => {
    const id = await createAsset(sandbox, admin.token, release, 'parts');
    const size = 11 * MiB;
    const bytes = bytesOf(size, 5);
    const { begun } = await begin(sandbox, admin.token, id, { ...valid, size });
    const [one, two] = await Promise.all(
      begun.uploadParts.slice(0, 2).map(async (part) => {
        const offset = (part.partNumber - 1) * valid.chunk_size;
        const answer = await putPart(part.url, bytes.slice(offset, offset + part.chunkSize));
        return { PartNumber: part.partNumber, ETag: answer.headers.get('etag')! };
      }),
    );
    const otherUpload = (await begin(sandbox, admin.token, id, valid)).begun;
    const [foreign] = await putParts(otherUpload, bytesOf(valid.size, 9), valid.chunk_size);
    const three = { PartNumber: 3, ETag: md5(bytes.slice(2 * valid.chunk_size)) };
    for (const Parts of [[], [one, two, three], [two, one], [one, { ...two, ETag: foreign!.ETag }], 'x']) {
      const answer = await commit(sandbox, admin.token, id, begun.uuid, Parts);
      expect([answer.status, answer.text]).toEqual([500, '']);
    }
    expect((await odata(sandbox, `release_asset(${id})`, admin.token)).body.d[0].asset).toBeNull();
    const last = begun.uploadParts[2]!;
    expect((await putPart(last.url, bytes.slice(2 * valid.chunk_size))).headers.get('etag')).toBe(`"${three.ETag}"`);
    // Quoted ETags (as S3 answers them) are taken as well.
    const answer = await commit(sandbox, admin.token, id, begun.uuid, [one, two, three]);
    expect(answer.status).toBe(200);
    expect(md5(await download(answer.body.href))).toBe(md5(bytes));
    expect((await cancel(sandbox, admin.token, id, otherUpload.uuid)).status).toBe(204);
  });

  it('refuses a part of the wrong size, without a length, at a URL never issued, or after cancel', async () => {
    const id = await createAsset(sandbox, admin.token, release, 'put');
    const { begun } = await begin(sandbox, admin.token, id, valid);
    const [part1, part2] = begun.uploadParts;
    expect((await putPart(part1!.url, bytesOf(valid.chunk_size + 1))).status).toBe(403);
    expect((await putPart(part2!.url, bytesOf(MiB - 1))).status).toBe(403);
    // Another part's bytes at this part's URL: the sizes differ, so S3's signature (and the sandbox) refuse it.
    expect((await putPart(part2!.url, bytesOf(valid.chunk_size))).status).toBe(403);
    const forged = part1!.url.replace(/[0-9a-f]{8}$/, '00000000');
    expect((await putPart(forged, bytesOf(valid.chunk_size))).status).toBe(403);
    expect((await putPart(`${sandbox.url}/webresources/parts/${begun.uuid}`, bytesOf(MiB))).status).toBe(403);
    const chunkedStatus = await new Promise<number>((resolve, reject) => {
      const outgoing = httpRequest(part1!.url, { method: 'PUT' }, (incoming) => {
        incoming.resume();
        resolve(incoming.statusCode ?? 0);
      });
      outgoing.on('error', reject);
      outgoing.write(Buffer.alloc(10));
      outgoing.end();
    });
    expect(chunkedStatus).toBe(411);
    expect(await files('.webresources-parts')).toEqual([]);
    expect((await cancel(sandbox, admin.token, id, begun.uuid)).status).toBe(204);
    expect((await cancel(sandbox, admin.token, id, begun.uuid)).status).toBe(401);
    expect((await putPart(part1!.url, bytesOf(valid.chunk_size))).status).toBe(404);
    expect((await commit(sandbox, admin.token, id, begun.uuid, [])).status).toBe(401);
  });
  it('stores only the listed parts when a commit lists fewer, as S3 completes an upload', async () => {
    const id = await createAsset(sandbox, admin.token, release, 'subset');
    const bytes = bytesOf(11 * MiB, 11);
    const { begun } = await begin(sandbox, admin.token, id, { ...valid, size: bytes.length });
    const Parts = await putParts(begun, bytes, valid.chunk_size);
    const answer = await commit(sandbox, admin.token, id, begun.uuid, [Parts[0], Parts[2]]);
    expect(answer.status).toBe(200);
    const expected = new Uint8Array([...bytes.slice(0, 5 * MiB), ...bytes.slice(10 * MiB)]);
    expect(answer.body.size).toBe(expected.length);
    expect(md5(await download(answer.body.href))).toBe(md5(expected));
  });

  it('keeps nothing of a part whose connection closes before all its bytes arrived', async () => {
    const id = await createAsset(sandbox, admin.token, release, 'truncated');
    const { begun } = await begin(sandbox, admin.token, id, valid);
    const part = begun.uploadParts[0]!;
    const half = bytesOf(part.chunkSize).slice(0, part.chunkSize / 2);
    await new Promise<void>((resolve) => {
      const outgoing = httpRequest(part.url, { method: 'PUT', headers: { 'Content-Length': part.chunkSize } });
      outgoing.on('error', () => resolve());
      outgoing.write(half, () => setTimeout(() => outgoing.destroy(), 100));
      outgoing.on('close', () => resolve());
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await files('.webresources-parts')).toEqual([]);
    const answer = await commit(sandbox, admin.token, id, begun.uuid, [{ PartNumber: 1, ETag: md5(half) }]);
    expect(answer.status).toBe(500);
    expect((await cancel(sandbox, admin.token, id, begun.uuid)).status).toBe(204);
  });
});
