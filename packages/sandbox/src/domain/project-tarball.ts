import { gunzipSync } from 'node:zlib';

/** The largest project tarball the simulated builder reads (compressed or not). */
export const MAX_TARBALL_BYTES: number = 50 * 1024 * 1024;

/** The files of a tar archive (gzipped or not), by path; directories and metadata entries are left out. */
export function readTarball(bytes: Uint8Array): Map<string, Buffer> {
  let data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (data[0] === 0x1f && data[1] === 0x8b) data = gunzipSync(data, { maxOutputLength: MAX_TARBALL_BYTES });
  const files = new Map<string, Buffer>();
  let offset = 0;
  let longName: string | undefined;
  while (offset + 512 <= data.length) {
    const header = data.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const text = (start: number, length: number) =>
      header
        .subarray(start, start + length)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    const size = Number.parseInt(text(124, 12).trim() || '0', 8);
    if (!Number.isFinite(size) || size < 0) throw new Error('not a tar archive');
    const type = text(156, 1) || '0';
    const prefix = text(257, 6).startsWith('ustar') ? text(345, 155) : '';
    const name = longName ?? (prefix ? `${prefix}/${text(0, 100)}` : text(0, 100));
    longName = undefined;
    const body = data.subarray(offset + 512, offset + 512 + size);
    if (type === 'L') longName = body.toString('utf8').replace(/\0.*$/s, '');
    else if (type === '0' || type === '7') files.set(name.replace(/^\.\//, ''), Buffer.from(body));
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

/** The files with their first path segment removed (a tarball whose content sits in one root folder). */
export function flattenTarball(files: Map<string, Buffer>): Map<string, Buffer> {
  return new Map([...files].map(([path, body]) => [path.split('/').slice(1).join('/'), body] as const));
}

/**
 * The service names of a project: the keys under `services:` of its docker-compose.yml (a simple
 * block-style file), or `main` for a single-container project (a Dockerfile at the root).
 */
export function projectServices(files: Map<string, Buffer>): string[] | undefined {
  const compose = files.get('docker-compose.yml') ?? files.get('docker-compose.yaml');
  if (compose) {
    const names: string[] = [];
    let inServices = false;
    let indent: number | undefined;
    for (const line of compose.toString('utf8').split(/\r?\n/)) {
      if (/^\s*(#|$)/.test(line)) continue;
      const depth = line.length - line.trimStart().length;
      if (depth === 0) {
        inServices = /^services:\s*$/.test(line);
        continue;
      }
      if (!inServices) continue;
      indent ??= depth;
      const found = depth === indent ? /^\s+['"]?([A-Za-z0-9][A-Za-z0-9_.-]*)['"]?:\s*$/.exec(line) : null;
      if (found) names.push(found[1]!);
    }
    return names.length > 0 ? names : undefined;
  }
  if (files.has('Dockerfile') || files.has('Dockerfile.template')) return ['main'];
  return undefined;
}
