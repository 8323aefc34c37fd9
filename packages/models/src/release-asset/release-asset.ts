// Release assets: files kept with a release under a key (balena-sdk `models.release.asset`).
import {
  type Client,
  InvalidParameter,
  mergeOptions,
  type ODataOptions,
  parseRowId,
  ReleaseAssetAlreadyExists,
  ReleaseAssetNotFound,
  withOptions,
} from '@balena-ts/core';
import { checkObjectArgument } from '../internal/argument-checks.js';
import {
  checkDownloadOptions,
  type DownloadOptions,
  downloadClient,
  startedDownload,
} from '../internal/download-progress.js';
import { checkODataOptions } from '../internal/odata-options.js';
import { checkReleaseIdentifier, getRelease } from '../internal/release.js';
import type { Selected, TypedOptions } from '../types/options.js';
import type { ReleaseIdentifier } from '../types/release.js';
import type {
  ReleaseAsset,
  ReleaseAssetContent,
  ReleaseAssetDownload,
  ReleaseAssetIdentifier,
  ReleaseAssetUploadOptions,
} from '../types/release-asset.js';

const ID_PARAMETER = 'id';

type CheckedIdentifier = number | { release: ReleaseIdentifier; asset_key: string };

function checkAssetKey(value: unknown, parameterName: string): string {
  if (typeof value !== 'string' || value === '')
    throw new InvalidParameter(parameterName, value, 'expected a non-empty key');
  return value;
}

function checkIdentifier(id: ReleaseAssetIdentifier): CheckedIdentifier {
  const value: unknown = id;
  if (typeof value !== 'object' || value === null) return parseRowId(value, ID_PARAMETER);
  const { release, asset_key } = value as { release?: unknown; asset_key?: unknown };
  if (Array.isArray(value) || release === undefined || asset_key === undefined) {
    throw new InvalidParameter(ID_PARAMETER, value, 'expected an asset id or { release, asset_key }');
  }
  return {
    release: checkReleaseIdentifier(release as ReleaseIdentifier),
    asset_key: checkAssetKey(asset_key, `${ID_PARAMETER}.asset_key`),
  };
}

function describe(id: CheckedIdentifier): string | number {
  if (typeof id === 'number') return id;
  const release = typeof id.release === 'object' ? `${id.release.rawVersion} of ${id.release.application}` : id.release;
  return `${id.asset_key} of release ${release}`;
}

function checkUploadOptions(options: ReleaseAssetUploadOptions): ReleaseAssetUploadOptions {
  checkObjectArgument('options', options, 'expected { overwrite, onUploadProgress, signal }');
  if (options.overwrite !== undefined && typeof options.overwrite !== 'boolean') {
    throw new InvalidParameter('options.overwrite', options.overwrite, 'expected a boolean');
  }
  if (options.onUploadProgress !== undefined && typeof options.onUploadProgress !== 'function') {
    throw new InvalidParameter('options.onUploadProgress', options.onUploadProgress, 'expected a function');
  }
  return options;
}

/** The file to send, named: a File keeps its name and type, other bytes take the key as name. */
function fileOf(asset: unknown, assetKey: string): { blob: Blob; name: string } {
  if (typeof File !== 'undefined' && asset instanceof File) return { blob: asset, name: asset.name || assetKey };
  if (asset instanceof Blob) return { blob: asset, name: assetKey };
  if (asset instanceof ArrayBuffer || (asset instanceof Uint8Array && asset.buffer instanceof ArrayBuffer)) {
    return { blob: new Blob([asset as ArrayBuffer]), name: assetKey };
  }
  throw new InvalidParameter('uploadParams.asset', asset, 'expected a Blob, a File, a Uint8Array or an ArrayBuffer');
}

/** The release's id and the id of its asset under `assetKey`, if any, in one request. */
async function releaseAndAsset(
  client: Client,
  release: ReleaseIdentifier,
  assetKey: string,
): Promise<{ releaseId: number; assetId: number | undefined }> {
  const row = await getRelease<{ id: number; release_asset: { id: number }[] }>(client, release, {
    $select: 'id',
    $expand: { release_asset: { $select: 'id', $filter: { asset_key: assetKey } } },
  });
  return { releaseId: row.id, assetId: row.release_asset[0]?.id };
}

/** The asset's id: given, or found by its release and key (ReleaseNotFound, ReleaseAssetNotFound). */
async function assetId(client: Client, id: CheckedIdentifier): Promise<number> {
  if (typeof id === 'number') return id;
  const { assetId: found } = await releaseAndAsset(client, id.release, id.asset_key);
  if (found === undefined) throw new ReleaseAssetNotFound(describe(id));
  return found;
}

/**
 * Lists a release's assets, oldest first.
 *
 * @param client - the client
 * @param commitOrIdOrRawVersion - the release: an id, a full commit, or `{ application, rawVersion }`
 * @param options - OData options merged into the query; a literal `$select` narrows the result type
 * @returns the assets (none when the release has none)
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed release or options, before any request
 * @throws {@link @balena-ts/core#ReleaseNotFound} when no visible release matches
 * @example
 * ```ts
 * for (const asset of await getAllByRelease(client, releaseId)) console.log(asset.asset_key, asset.asset?.size);
 * ```
 */
export async function getAllByRelease<const O extends TypedOptions<ReleaseAsset> = {}>(
  client: Client,
  commitOrIdOrRawVersion: ReleaseIdentifier,
  options?: O,
): Promise<Selected<ReleaseAsset, O>[]> {
  checkReleaseIdentifier(commitOrIdOrRawVersion);
  const callerOptions = checkODataOptions(options as ODataOptions | undefined);
  const release = await getRelease<{ release_asset: Selected<ReleaseAsset, O>[] }>(client, commitOrIdOrRawVersion, {
    $select: 'id',
    $expand: { release_asset: mergeOptions({ $orderby: 'id asc' }, callerOptions) },
  });
  return release.release_asset;
}

/**
 * Gets one release asset, by id or by its release and key.
 *
 * @param client - the client
 * @param id - the asset's id, or `{ release, asset_key }` (release: an id, a full commit or `{ application, rawVersion }`)
 * @param options - OData options merged into the query; a literal `$select` narrows the result type
 * @returns the asset
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed id, key or options, before any request
 * @throws {@link @balena-ts/core#ReleaseAssetNotFound} when no visible asset matches; {@link @balena-ts/core#ReleaseNotFound} for an unknown release
 * @example
 * ```ts
 * const asset = await get(client, { release: releaseId, asset_key: 'logo.png' }, { $select: ['id', 'asset'] });
 * ```
 */
export async function get<const O extends TypedOptions<ReleaseAsset> = {}>(
  client: Client,
  id: ReleaseAssetIdentifier,
  options?: O,
): Promise<Selected<ReleaseAsset, O>> {
  const checked = checkIdentifier(id);
  const callerOptions = checkODataOptions(options as ODataOptions | undefined);
  if (typeof checked === 'number') {
    const row = await client.pine.get<Selected<ReleaseAsset, O>>({
      resource: 'release_asset',
      id: checked,
      ...(callerOptions ? { options: callerOptions } : {}),
    });
    if (row === undefined) throw new ReleaseAssetNotFound(checked);
    return row;
  }
  const release = await getRelease<{ release_asset: Selected<ReleaseAsset, O>[] }>(client, checked.release, {
    $select: 'id',
    $expand: { release_asset: mergeOptions({ $filter: { asset_key: checked.asset_key } }, callerOptions) },
  });
  const row = release.release_asset[0];
  if (row === undefined) throw new ReleaseAssetNotFound(describe(checked));
  return row;
}

/**
 * Uploads a file as a release asset in one multipart/form-data request (as balena-sdk does for
 * files up to 5 MiB; balena refuses files above its limit, 500 MB by default, with a 400).
 *
 * @param client - the client (a developer of the release's fleet)
 * @param uploadParams - `asset` (a File, Blob, Uint8Array or ArrayBuffer), `asset_key` and `release` (an id, a full commit or `{ application, rawVersion }`)
 * @param options - `overwrite` to replace an existing asset's file, `onUploadProgress`, `signal`
 * @returns the stored asset, with its file's `href`, name, type and size
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed asset, key, release or options, before any request
 * @throws {@link @balena-ts/core#ReleaseNotFound} when no visible release matches
 * @throws {@link @balena-ts/core#ReleaseAssetAlreadyExists} when the key is taken and `overwrite` is not set
 * @throws {@link @balena-ts/core#RequestError} 401 without the developer role, 400 for a file above the limit
 * @example
 * ```ts
 * const asset = await upload(
 *   client,
 *   { release: releaseId, asset_key: 'firmware.bin', asset: new File([bytes], 'firmware.bin') },
 *   { onUploadProgress: ({ uploaded, total }) => console.log(`${uploaded} / ${total}`) },
 * );
 * ```
 */
export async function upload(
  client: Client,
  uploadParams: {
    readonly asset: ReleaseAssetContent;
    readonly asset_key: string;
    readonly release: ReleaseIdentifier;
  },
  options: ReleaseAssetUploadOptions = {},
): Promise<ReleaseAsset> {
  checkObjectArgument('uploadParams', uploadParams, 'expected { asset, asset_key, release }');
  const assetKey = checkAssetKey(uploadParams.asset_key, 'uploadParams.asset_key');
  const release = checkReleaseIdentifier(uploadParams.release);
  const file = fileOf(uploadParams.asset, assetKey);
  const { overwrite = false, onUploadProgress, signal } = checkUploadOptions(options);
  const scoped = signal === undefined ? client : withOptions(client, { signal });
  const { releaseId, assetId: existing } = await releaseAndAsset(scoped, release, assetKey);
  if (existing !== undefined && !overwrite)
    throw new ReleaseAssetAlreadyExists(describe({ release, asset_key: assetKey }));
  const total = file.blob.size;
  await onUploadProgress?.({ total, uploaded: 0 });
  const form = new FormData();
  let stored: ReleaseAsset;
  if (existing === undefined) {
    form.append('release', String(releaseId));
    form.append('asset_key', assetKey);
    form.append('asset', file.blob, file.name);
    stored = await scoped.request<ReleaseAsset>('/v7/release_asset', { method: 'POST', body: form });
  } else {
    form.append('asset', file.blob, file.name);
    await scoped.request(`/v7/release_asset(${existing})`, { method: 'PATCH', body: form });
    stored = await get(scoped, existing);
  }
  await onUploadProgress?.({ total, uploaded: total });
  return stored;
}

/**
 * Starts downloading a release asset's file as a web stream, reporting progress as the consumer
 * reads it. The file's `href` is fetched without the client's credentials (balena: a pre-signed URL).
 *
 * @param client - the client
 * @param id - the asset's id, or `{ release, asset_key }`
 * @param options - `onProgress` and `signal`
 * @returns the stream, its size, media type and file name
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed id or options, before any request
 * @throws {@link @balena-ts/core#ReleaseAssetNotFound} when no visible asset matches, or it has no file
 * @throws {@link @balena-ts/core#RequestError} when the file cannot be fetched
 * @example
 * ```ts
 * const { stream } = await download(client, { release: releaseId, asset_key: 'firmware.bin' }, {
 *   onProgress: ({ bytes, total }) => console.log(`${bytes} / ${total ?? '?'} bytes`),
 * });
 * await stream.pipeTo(Writable.toWeb(createWriteStream('firmware.bin')));
 * ```
 */
export async function download(
  client: Client,
  id: ReleaseAssetIdentifier,
  options: DownloadOptions = {},
): Promise<ReleaseAssetDownload> {
  const checked = checkIdentifier(id);
  checkDownloadOptions(options);
  const scoped = downloadClient(client, options);
  const { asset } = await get(scoped, checked, { $select: ['id', 'asset'] });
  if (asset === null || asset === undefined) throw new ReleaseAssetNotFound(`${describe(checked)} (no file uploaded)`);
  const started = startedDownload(await scoped.request.stream(asset.href, { auth: false }), options, scoped.signal);
  return {
    ...started,
    mimeType: started.mimeType || asset.content_type,
    fileName: started.fileName ?? asset.filename,
  };
}

/**
 * Deletes a release asset and its file.
 *
 * @param client - the client (a developer of the release's fleet)
 * @param id - the asset's id, or `{ release, asset_key }`
 * @returns nothing once deleted (an id no visible asset has deletes nothing, as balena)
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed id, before any request
 * @throws {@link @balena-ts/core#ReleaseAssetNotFound} for an unknown key; {@link @balena-ts/core#ReleaseNotFound} for an unknown release
 * @example
 * ```ts
 * await remove(client, { release: releaseId, asset_key: 'firmware.bin' });
 * ```
 */
export async function remove(client: Client, id: ReleaseAssetIdentifier): Promise<void> {
  const checked = checkIdentifier(id);
  await client.pine.delete({ resource: 'release_asset', id: await assetId(client, checked) });
}
