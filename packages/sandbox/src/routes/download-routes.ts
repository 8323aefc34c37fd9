import { Readable } from 'node:stream';
import type { SandboxContext } from '../context.js';
import { IMAGE_CHUNK_BYTES, IMAGE_SIZE_BYTES, imageChunk, resolveOsVersion } from '../domain/os-images.js';
import { messageError } from '../http/http-error.js';
import { sendJson } from '../http/respond.js';
import type { Router } from '../http/router.js';

/** OS image downloads: a generated image streamed in chunks, and its size. */
export function registerDownloadRoutes(context: SandboxContext, router: Router): void {
  const { store } = context;

  const resolve = (slug: string, version: string) => {
    const alias = store.findUnique('device_type_alias', ['is_referenced_by__alias'], [slug]);
    if (!alias) throw messageError(404, `Unknown device type ${slug}`);
    const resolved = resolveOsVersion(store, slug, version);
    if (!resolved) throw messageError(404, `No such version for the device type: ${version}`);
    return resolved;
  };

  router.add('GET', '/device-types/v1/:slug/images/:version/download-size', (request, response) => {
    resolve(String(request.params.slug), String(request.params.version));
    sendJson(response, 200, { size: IMAGE_SIZE_BYTES });
  });

  router.add('GET', '/download', (request, response) => {
    const slug = request.query.get('deviceType') ?? '';
    const { version } = resolve(slug, request.query.get('version') ?? 'latest');
    const chunks = Math.ceil(IMAGE_SIZE_BYTES / IMAGE_CHUNK_BYTES);
    const stream = Readable.from(
      (function* () {
        for (let index = 0; index < chunks; index++) yield imageChunk(slug, version, index);
      })(),
    );
    response.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Content-Length': IMAGE_SIZE_BYTES,
      'Content-Disposition': `attachment; filename="balena-${slug}-${version}.img"`,
      'X-Balena-OS-Version': version,
    });
    stream.pipe(response);
    response.on('close', () => stream.destroy());
  });
}
