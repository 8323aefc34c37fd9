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
import { rejectionOf } from './helpers/refusal.js';
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

/** Checks that `work` is refused before any request, naming `parameter`, the value given and `reason`. */
async function expectRefused(work: () => Promise<unknown>, parameter: string, value: unknown, reason: string) {
  context.recorder.reset();
  const error = await rejectionOf(work);
  expect(error).toBeInstanceOf(InvalidParameter);
  expect((error as InvalidParameter).parameter).toBe(parameter);
  expect((error as InvalidParameter).value).toBe(value);
  const { message } = error as InvalidParameter;
  expect(message.slice(message.indexOf(' for parameter '))).toBe(` for parameter "${parameter}": ${reason}`);
  expect(context.recorder.requests).toEqual([]);
}

/** The path and decoded query of each request since the last reset. */
function sent(): string[] {
  return context.recorder.requests.map((request) => {
    const url = new URL(request.url);
    return `${request.method} ${decodeURIComponent(url.pathname + url.search)}`;
  });
}

describe('release.asset refusals name the parameter and say what was expected', () => {
  it('an id object missing its release or its key, an array, null', async () => {
    const ID_REASON = 'expected an asset id or { release, asset_key }';
    const noKey = { release: release.id };
    const noRelease = { asset_key: 'k' };
    // An array carrying both names is still not an identifier.
    const array = Object.assign([], { release: release.id, asset_key: 'k' });
    for (const id of [noKey, noRelease, array]) {
      await expectRefused(() => releaseAsset.get(context.client, id as never), 'id', id, ID_REASON);
      await expectRefused(() => releaseAsset.remove(context.client, id as never), 'id', id, ID_REASON);
      await expectRefused(() => releaseAsset.download(context.client, id as never), 'id', id, ID_REASON);
    }
    const emptyKey = { release: release.id, asset_key: '' };
    await expectRefused(
      () => releaseAsset.get(context.client, emptyKey),
      'id.asset_key',
      '',
      'expected a non-empty key',
    );
    context.recorder.reset();
    const error = await rejectionOf(() => releaseAsset.get(context.client, null as never));
    expect(error).toBeInstanceOf(InvalidParameter);
    expect((error as InvalidParameter).parameter).toBe('id');
  });

  it('upload’s parameters and options', async () => {
    const asset = new Uint8Array(1);
    const params = { release: release.id, asset_key: 'k', asset };
    await expectRefused(
      () => releaseAsset.upload(context.client, null as never),
      'uploadParams',
      null,
      'expected { asset, asset_key, release }',
    );
    await expectRefused(
      () => releaseAsset.upload(context.client, { ...params, asset_key: '' }),
      'uploadParams.asset_key',
      '',
      'expected a non-empty key',
    );
    await expectRefused(
      () => releaseAsset.upload(context.client, { ...params, asset: 'text' as never }),
      'uploadParams.asset',
      'text',
      'expected a Blob, a File, a Uint8Array or an ArrayBuffer',
    );
    await expectRefused(
      () => releaseAsset.upload(context.client, params, null as never),
      'options',
      null,
      'expected { overwrite, onUploadProgress, signal }',
    );
    await expectRefused(
      () => releaseAsset.upload(context.client, params, { overwrite: 'yes' as never }),
      'options.overwrite',
      'yes',
      'expected a boolean',
    );
    await expectRefused(
      () => releaseAsset.upload(context.client, params, { onUploadProgress: 3 as never }),
      'options.onUploadProgress',
      3,
      'expected a function',
    );
  });
});

describe('release.asset errors name the asset looked up', () => {
  it('by id, by release id and key, and by release version and key', async () => {
    const { raw_version: rawVersion } = await context.client.pine
      .get<{ raw_version: string }>({
        resource: 'release',
        id: release.id,
        options: { $select: 'raw_version' },
      })
      .then((row) => row!);
    const byPair = { release: { application: application.slug, rawVersion }, asset_key: 'missing' };
    const missing = [
      [999_999, 'Release asset not found: 999999'],
      [{ release: release.id, asset_key: 'missing' }, `Release asset not found: missing of release ${release.id}`],
      [byPair, `Release asset not found: missing of release ${rawVersion} of ${application.slug}`],
    ] as const;
    for (const [id, message] of missing) {
      for (const work of [releaseAsset.get, releaseAsset.download, releaseAsset.remove]) {
        if (work === releaseAsset.remove && typeof id === 'number') continue;
        const error = await rejectionOf(() => work(context.client, id));
        expect(error).toBeInstanceOf(ReleaseAssetNotFound);
        expect((error as Error).message).toBe(message);
      }
    }
    await releaseAsset.upload(context.client, { release: release.id, asset_key: 'taken', asset: new Blob(['t']) });
    const taken = await rejectionOf(() =>
      releaseAsset.upload(context.client, { release: release.id, asset_key: 'taken', asset: new Blob(['u']) }),
    );
    expect(taken).toBeInstanceOf(ReleaseAssetAlreadyExists);
    expect((taken as Error).message).toBe(`Release asset already exists: taken of release ${release.id}`);
  });

  it('download of an asset whose file was never uploaded (a row made without one, as a chunked upload starts)', async () => {
    const row = await context.client.pine.post<{ id: number }>({
      resource: 'release_asset',
      body: { release: release.id, asset_key: 'no-file' },
    });
    const byId = await rejectionOf(() => releaseAsset.download(context.client, row.id));
    expect(byId).toBeInstanceOf(ReleaseAssetNotFound);
    expect((byId as Error).message).toBe(`Release asset not found: ${row.id} (no file uploaded)`);
    const byKey = await rejectionOf(() =>
      releaseAsset.download(context.client, { release: release.id, asset_key: 'no-file' }),
    );
    expect((byKey as Error).message).toBe(
      `Release asset not found: no-file of release ${release.id} (no file uploaded)`,
    );
  });
});

describe('release.asset requests', () => {
  it('looks a release’s asset up by key selecting ids only, and passes options of a get by id', async () => {
    const own = await context.sandbox.seedRelease({ application: application.id });
    context.recorder.reset();
    const stored = await releaseAsset.upload(context.client, {
      release: own.id,
      asset_key: 'k',
      asset: new Blob(['k']),
    });
    expect(sent()).toEqual([
      `GET /v7/release(${own.id})?$select=id&$expand=release_asset($select=id;$filter=asset_key eq 'k')`,
      'POST /v7/release_asset',
    ]);
    context.recorder.reset();
    expect(
      await releaseAsset.get(context.client, { release: own.id, asset_key: 'k' }, { $select: 'asset_key' }),
    ).toEqual({ asset_key: 'k' });
    expect(await releaseAsset.get(context.client, stored.id, { $select: 'asset_key' })).toEqual({ asset_key: 'k' });
    await releaseAsset.download(context.client, stored.id);
    expect(sent()).toEqual([
      `GET /v7/release(${own.id})?$select=id&$expand=release_asset($select=asset_key;$filter=asset_key eq 'k')`,
      `GET /v7/release_asset(${stored.id})?$select=asset_key`,
      `GET /v7/release_asset(${stored.id})?$select=id,asset`,
      `GET ${new URL(stored.asset!.href).pathname}`,
    ]);
  });

  it('fetches the file without the client’s credentials (a pre-signed URL is its own permission)', async () => {
    const authorization: [string, string | null][] = [];
    const client = createClient({
      apiUrl: context.sandbox.url,
      retry: false,
      fetch: (input, init) => {
        const request = new Request(input, init);
        authorization.push([new URL(request.url).pathname, request.headers.get('authorization')]);
        return fetch(input, init);
      },
    });
    await client.tokens.set(context.sandbox.superuser.token);
    const stored = await releaseAsset.upload(context.client, {
      release: release.id,
      asset_key: 'unsigned',
      asset: new Blob(['u']),
    });
    const { stream } = await releaseAsset.download(client, stored.id);
    await readAll(stream);
    expect(authorization).toEqual([
      [`/v7/release_asset(${stored.id})`, `Bearer ${context.sandbox.superuser.token}`],
      [new URL(stored.asset!.href).pathname, null],
    ]);
  });

  it('upload with an aborted signal sends nothing and stores nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    context.recorder.reset();
    const error = await rejectionOf(() =>
      releaseAsset.upload(
        context.client,
        { release: release.id, asset_key: 'aborted', asset: new Blob(['a']) },
        { signal: controller.signal },
      ),
    );
    expect((error as Error).name).toBe('AbortError');
    expect(context.recorder.requests).toEqual([]);
    await expect(
      releaseAsset.get(context.client, { release: release.id, asset_key: 'aborted' }),
    ).rejects.toBeInstanceOf(ReleaseAssetNotFound);
  });
});
