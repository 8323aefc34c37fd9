import {
  createClient,
  InvalidParameter,
  ReleaseAssetAlreadyExists,
  ReleaseAssetNotFound,
  ReleaseNotFound,
  RequestError,
} from '@balena-ts/core';
import * as releaseAsset from '@balena-ts/models/release-asset';
import { startSandbox } from '@balena-ts/sandbox';
import { beforeAll, describe, expect, it } from 'vitest';
import { uniqueName, useTestContext } from './helpers/sandbox.js';

const context = useTestContext();
let application: { id: number; slug: string };
let release: { id: number; commit: string };

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function clientFor(token: string) {
  const client = createClient({ apiUrl: context.sandbox.url, retry: false });
  return client.tokens.set(token).then(() => client);
}

beforeAll(async () => {
  application = await context.sandbox.seedApplication({ name: uniqueName('assets') });
  release = await context.sandbox.seedRelease({ application: application.id });
});

describe('release.asset.upload and download', () => {
  it('uploads a File with progress and downloads the same bytes as a stream with progress', async () => {
    const bytes = new Uint8Array(200_000).map((_, index) => index % 251);
    const progress: { uploaded: number; total: number }[] = [];
    const asset = await releaseAsset.upload(
      context.client,
      {
        release: release.id,
        asset_key: 'firmware.bin',
        asset: new File([bytes], 'fw.bin', { type: 'application/x-fw' }),
      },
      { onUploadProgress: (event) => void progress.push(event) },
    );
    expect(progress).toEqual([
      { total: bytes.length, uploaded: 0 },
      { total: bytes.length, uploaded: bytes.length },
    ]);
    expect(asset.asset_key).toBe('firmware.bin');
    expect(asset.asset).toMatchObject({ filename: 'fw.bin', content_type: 'application/x-fw', size: bytes.length });
    const seen: number[] = [];
    const download = await releaseAsset.download(
      context.client,
      { release: release.commit, asset_key: 'firmware.bin' },
      { onProgress: ({ bytes: read }) => void seen.push(read) },
    );
    expect(download).toMatchObject({ total: bytes.length, mimeType: 'application/x-fw', fileName: 'fw.bin' });
    expect(await readAll(download.stream)).toEqual(bytes);
    expect(seen.at(-1)).toBe(bytes.length);
  });

  it('uploads a Uint8Array named after its key, and refuses a taken key unless overwriting', async () => {
    const first = await releaseAsset.upload(context.client, {
      release: release.id,
      asset_key: 'notes.txt',
      asset: new TextEncoder().encode('one'),
    });
    expect(first.asset?.filename).toBe('notes.txt');
    await expect(
      releaseAsset.upload(context.client, { release: release.id, asset_key: 'notes.txt', asset: new Uint8Array(1) }),
    ).rejects.toBeInstanceOf(ReleaseAssetAlreadyExists);
    const replaced = await releaseAsset.upload(
      context.client,
      { release: release.id, asset_key: 'notes.txt', asset: new Blob(['two!']) },
      { overwrite: true },
    );
    expect(replaced.id).toBe(first.id);
    expect(replaced.asset?.size).toBe(4);
    // The first file is gone with its replacement.
    expect((await fetch(first.asset!.href)).status).toBe(403);
    const { stream } = await releaseAsset.download(context.client, first.id);
    expect(new TextDecoder().decode(await readAll(stream))).toBe('two!');
  });

  it('refuses bad arguments before any request', async () => {
    context.recorder.reset();
    const hostile: unknown[] = [
      [null],
      [{ release: release.id, asset_key: '', asset: new Uint8Array(1) }],
      [{ release: 0, asset_key: 'k', asset: new Uint8Array(1) }],
      [{ release: release.id, asset_key: 'k', asset: 'text' }],
      [{ release: release.id, asset_key: 'k', asset: new Uint8Array(1) }, { onUploadProgress: 3 }],
    ];
    for (const args of hostile as [never, never][]) {
      await expect(releaseAsset.upload(context.client, ...args)).rejects.toBeInstanceOf(InvalidParameter);
    }
    await expect(releaseAsset.get(context.client, -1)).rejects.toBeInstanceOf(InvalidParameter);
    await expect(releaseAsset.get(context.client, { release: release.id, asset_key: '' })).rejects.toBeInstanceOf(
      InvalidParameter,
    );
    await expect(releaseAsset.download(context.client, 1, null as never)).rejects.toBeInstanceOf(InvalidParameter);
    await expect(releaseAsset.getAllByRelease(context.client, '')).rejects.toBeInstanceOf(InvalidParameter);
    await expect(releaseAsset.remove(context.client, 1.5)).rejects.toBeInstanceOf(InvalidParameter);
    expect(context.recorder.requests).toHaveLength(0);
  });
});

describe('release.asset.get, getAllByRelease and remove', () => {
  it('gets by id and by release and key, lists oldest first, and removes with the file', async () => {
    const other = await context.sandbox.seedRelease({ application: application.id });
    const a = await releaseAsset.upload(context.client, { release: other.id, asset_key: 'a', asset: new Blob(['a']) });
    const b = await releaseAsset.upload(context.client, { release: other.id, asset_key: 'b', asset: new Blob(['bb']) });
    expect((await releaseAsset.get(context.client, a.id)).asset_key).toBe('a');
    expect(
      await releaseAsset.get(context.client, { release: other.commit, asset_key: 'b' }, { $select: 'id' }),
    ).toEqual({
      id: b.id,
    });
    const listed = await releaseAsset.getAllByRelease(context.client, other.id, { $select: ['id', 'asset_key'] });
    expect(listed).toEqual([
      { id: a.id, asset_key: 'a' },
      { id: b.id, asset_key: 'b' },
    ]);
    await releaseAsset.remove(context.client, { release: other.id, asset_key: 'a' });
    await releaseAsset.remove(context.client, b.id);
    expect(await releaseAsset.getAllByRelease(context.client, other.commit)).toEqual([]);
    expect((await fetch(a.asset!.href)).status).toBe(403);
    expect((await fetch(b.asset!.href)).status).toBe(403);
  });

  it('throws ReleaseAssetNotFound and ReleaseNotFound for what does not exist', async () => {
    await expect(releaseAsset.get(context.client, 999_999)).rejects.toBeInstanceOf(ReleaseAssetNotFound);
    await expect(
      releaseAsset.get(context.client, { release: release.id, asset_key: 'missing' }),
    ).rejects.toBeInstanceOf(ReleaseAssetNotFound);
    await expect(releaseAsset.download(context.client, 999_999)).rejects.toBeInstanceOf(ReleaseAssetNotFound);
    await expect(
      releaseAsset.remove(context.client, { release: release.id, asset_key: 'missing' }),
    ).rejects.toBeInstanceOf(ReleaseAssetNotFound);
    await expect(releaseAsset.getAllByRelease(context.client, 999_999)).rejects.toBeInstanceOf(ReleaseNotFound);
    await expect(
      releaseAsset.upload(context.client, { release: 999_999, asset_key: 'k', asset: new Blob(['x']) }),
    ).rejects.toBeInstanceOf(ReleaseNotFound);
  });
});

describe('release.asset access', () => {
  it('refuses an observer’s upload and hides assets from a user outside the fleet', async () => {
    const sandbox = context.sandbox;
    const [observerRole] = await context.client.pine.get<{ id: number }>({
      resource: 'application_membership_role',
      options: { $select: 'id', $filter: { name: 'observer' } },
    });
    const observer = await sandbox.createUser();
    await sandbox.addMembership({ user: observer.id, organization: sandbox.superuser.organizationId });
    await context.client.pine.post({
      resource: 'user_application_membership',
      body: {
        user: observer.id,
        is_member_of__application: application.id,
        application_membership_role: observerRole!.id,
      },
    });
    const observerClient = await clientFor(observer.token);
    const error = await releaseAsset
      .upload(observerClient, { release: release.id, asset_key: 'observer', asset: new Blob(['o']) })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).status).toBe(401);
    expect((await releaseAsset.getAllByRelease(observerClient, release.id)).length).toBeGreaterThan(0);

    const stranger = await clientFor((await sandbox.createUser()).token);
    await expect(releaseAsset.getAllByRelease(stranger, release.id)).rejects.toBeInstanceOf(ReleaseNotFound);
    const [visible] = await releaseAsset.getAllByRelease(context.client, release.id);
    await expect(releaseAsset.get(stranger, visible!.id)).rejects.toBeInstanceOf(ReleaseAssetNotFound);
    await expect(releaseAsset.download(stranger, visible!.id)).rejects.toBeInstanceOf(ReleaseAssetNotFound);
  });
});

describe('release.asset size limit', () => {
  it('refuses a file above the sandbox’s limit with balena’s 400 and message', async () => {
    const small = await startSandbox({ port: 0, releaseAssetMaxBytes: 1024 });
    try {
      const app = await small.seedApplication({ name: uniqueName('limit') });
      const rel = await small.seedRelease({ application: app.id });
      const client = createClient({ apiUrl: small.url, retry: false });
      await client.tokens.set(small.superuser.token);
      const error = await releaseAsset
        .upload(client, { release: rel.id, asset_key: 'big', asset: new Uint8Array(1025) })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RequestError);
      expect((error as RequestError).status).toBe(400);
      expect(String((error as RequestError).message)).toContain('File size exceeded the limit of 1024 bytes.');
      expect(await releaseAsset.getAllByRelease(client, rel.id)).toEqual([]);
      const fits = await releaseAsset.upload(client, {
        release: rel.id,
        asset_key: 'fits',
        asset: new Uint8Array(1024),
      });
      expect(fits.asset?.size).toBe(1024);
    } finally {
      await small.close();
    }
  });
});
