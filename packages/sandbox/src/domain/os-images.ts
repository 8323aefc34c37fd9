import { createHash } from 'node:crypto';
import type { Store } from '../store/store.js';
import { rawVersion } from './release-version.js';

/** Size of every generated OS image. */
export const IMAGE_SIZE_BYTES: number = 4 * 1024 * 1024;
/** Size of each streamed chunk. */
export const IMAGE_CHUNK_BYTES: number = 64 * 1024;

/**
 * The balenaOS version a request names for a device type ('latest', '6.0.13', 'v6.0.13' or a raw
 * version), or undefined when the device type or the version does not exist.
 */
export function resolveOsVersion(
  store: Store,
  slug: string,
  version: string,
): { deviceTypeId: number; version: string } | undefined {
  const alias = store.findUnique('device_type_alias', ['is_referenced_by__alias'], [slug]);
  const deviceType = alias ? store.get('device_type', alias.device_type as number) : undefined;
  if (!deviceType) return undefined;
  // The default line's host application comes first; ESR host applications follow it.
  const hosts = store
    .referencing('application', 'is_for__device_type', deviceType.id)
    .filter((application) => application.is_host === true);
  if (hosts.length === 0) return undefined;
  const usable = (hostId: number) =>
    store
      .referencing('release', 'belongs_to__application', hostId)
      .filter(
        (release) => release.status === 'success' && release.is_final === true && release.is_invalidated !== true,
      );
  const wanted = version.replace(/^v/, '').replace(/\.(prod|dev)$/, '');
  if (wanted === 'latest' || wanted === 'recommended' || wanted === 'default') {
    const newest = usable(hosts[0]!.id).at(-1);
    return newest ? { deviceTypeId: deviceType.id, version: rawVersion(newest) } : undefined;
  }
  const versions = hosts.flatMap((host) => usable(host.id).map((release) => rawVersion(release)));
  const exact = version.replace(/^v/, '');
  const found = versions.find(
    (candidate) => candidate === exact || candidate === wanted || candidate.split('+')[0] === wanted,
  );
  return found ? { deviceTypeId: deviceType.id, version: found } : undefined;
}

/** Chunk `index` of the generated image: deterministic bytes derived from device type and version. */
export function imageChunk(slug: string, version: string, index: number): Buffer {
  const digest = createHash('sha256').update(`${slug}\u0000${version}\u0000${index}`).digest();
  const chunk = Buffer.allocUnsafe(Math.min(IMAGE_CHUNK_BYTES, IMAGE_SIZE_BYTES - index * IMAGE_CHUNK_BYTES));
  for (let offset = 0; offset < chunk.length; offset += digest.length) digest.copy(chunk, offset);
  return chunk;
}
