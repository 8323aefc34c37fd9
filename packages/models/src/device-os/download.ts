import { type Client, InvalidDeviceType } from '@balena-ts/core';
import { getApplication } from '../internal/application.js';
import { findDeviceType } from '../internal/device-type.js';
import { type DownloadOptions, downloadClient, startedDownload } from '../internal/download-progress.js';
import { type DeviceTypeWithOsReleases, HOST_OS_RELEASES_EXPAND, newestOsVersionOf } from '../internal/os-version.js';
import { type OsParams, parseParams } from './parse-params.js';

/** A started OS image download. */
export interface OsImageDownload {
  /** The image bytes; read it (or `pipeTo` a file) to download, `cancel()` it to stop. */
  readonly stream: ReadableStream<Uint8Array>;
  /** The image size in bytes, when known. */
  readonly total: number | undefined;
  /** The device type slug the image is for. */
  readonly deviceType: string;
  /** The OS version downloaded (`latest` resolved). */
  readonly version: string;
  /** The file name the server suggests, if any. */
  readonly fileName: string | undefined;
}

const QUERY_PARAMETER_TYPES = new Set(['string', 'number', 'boolean']);

async function resolveTarget(client: Client, deviceType: string | undefined, appId: number | undefined) {
  const expand = { $select: 'slug', $expand: HOST_OS_RELEASES_EXPAND };
  if (deviceType !== undefined) return findDeviceType<DeviceTypeWithOsReleases>(client, deviceType, expand);
  const application = await getApplication<{ is_for__device_type: DeviceTypeWithOsReleases[] }>(client, appId ?? 0, {
    $select: 'id',
    $expand: { is_for__device_type: expand },
  });
  const [type] = application.is_for__device_type;
  if (type === undefined) throw new InvalidDeviceType(`The application ${String(appId)} has no device type`);
  return type;
}

/**
 * Starts downloading a balenaOS image as a web stream (`GET /download`), reporting progress as the
 * consumer reads it.
 *
 * @param client - the client
 * @param params - `deviceType` (or `appId`), `version` (`'latest'` by default), network and image options
 * @param options - `onProgress` and `signal`
 * @returns the stream, its total size and the resolved device type and version
 * @throws {@link @balena-ts/core#MissingOption} / {@link @balena-ts/core#InvalidOption} for invalid parameters (see {@link parseParams})
 * @throws {@link @balena-ts/core#InvalidDeviceType} when the device type is unknown or has no OS release
 * @throws {@link @balena-ts/core#ApplicationNotFound} when `appId` does not match an application
 * @throws {@link @balena-ts/core#RequestError} when the server refuses (404 for an unknown version)
 * @example
 * ```ts
 * const image = await download(client, { deviceType: 'raspberrypi4-64' }, {
 *   onProgress: ({ bytes, total }) => console.log(`${bytes} / ${total ?? '?'} bytes`),
 * });
 * await image.stream.pipeTo(Writable.toWeb(createWriteStream('balena.img')));
 * ```
 */
export async function download(
  client: Client,
  params: OsParams,
  options: DownloadOptions = {},
): Promise<OsImageDownload> {
  const parsed = parseParams(params);
  // The lookups before the download carry the caller's signal too.
  const scoped = downloadClient(client, options);
  const target = await resolveTarget(scoped, parsed.deviceType, parsed.appId);
  const version = parsed.version === 'latest' ? newestOsVersionOf(target) : parsed.version;
  if (version === undefined) throw new InvalidDeviceType(`No OS release for device type ${target.slug}`);
  const query: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(parsed)) {
    if (QUERY_PARAMETER_TYPES.has(typeof value)) query[name] = value as string | number | boolean;
  }
  Object.assign(query, { deviceType: target.slug, version });
  const { stream, total, fileName } = startedDownload(
    await scoped.request.stream('/download', { query }),
    options,
    scoped.signal,
  );
  return { stream, total, deviceType: target.slug, version, fileName };
}
