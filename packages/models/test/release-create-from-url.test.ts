import { gzipSync } from 'node:zlib';
import { ApplicationNotFound, InvalidParameter, RequestError } from '@balena-ts/core';
import * as release from '@balena-ts/models/release';
import * as releaseAsset from '@balena-ts/models/release-asset';
import { beforeAll, describe, expect, it } from 'vitest';
import { uniqueName, useTestContext } from './helpers/sandbox.js';

const context = useTestContext();
let application: { id: number; slug: string };
let holder: { id: number };

/** A ustar archive of `files` (enough for the simulated builder). */
function tarball(files: Record<string, string>): Uint8Array<ArrayBuffer> {
  const blocks: Buffer[] = [];
  for (const [name, content] of Object.entries(files)) {
    const body = Buffer.from(content);
    const header = Buffer.alloc(512);
    header.write(name, 0);
    header.write('0000644\0', 100);
    header.write('0000000\0', 108);
    header.write('0000000\0', 116);
    header.write(`${body.length.toString(8).padStart(11, '0')}\0`, 124);
    header.write('00000000000\0', 136);
    header.write('0', 156);
    header.write('ustar\0', 257);
    header.write('00', 263);
    header.write('        ', 148);
    const sum = header.reduce((total, byte) => total + byte, 0);
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    blocks.push(header, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return new Uint8Array(gzipSync(Buffer.concat(blocks)));
}

/** Serves bytes from the sandbox itself (as a release asset) and returns their URL. */
async function hosted(key: string, bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const asset = await releaseAsset.upload(context.client, { release: holder.id, asset_key: key, asset: bytes });
  return asset.asset!.href;
}

beforeAll(async () => {
  application = await context.sandbox.seedApplication({ name: uniqueName('from-url') });
  holder = await context.sandbox.seedRelease({ application: application.id });
});

describe('release.createFromUrl', () => {
  it('builds a release with a service per docker-compose service from a tarball on the sandbox', async () => {
    const url = await hosted(
      'multi.tar.gz',
      tarball({
        'project-main/docker-compose.yml':
          "version: '2.1'\nservices:\n  frontend:\n    build: ./frontend\n  api:\n    image: alpine\n",
        'project-main/frontend/Dockerfile': 'FROM alpine\n',
      }),
    );
    const releaseId = await release.createFromUrl(context.client, application.slug, { url });
    const built = await release.getWithImageDetails(context.client, releaseId);
    expect(built.status).toBe('success');
    expect(built.images.map((image) => image.service_name).sort()).toEqual(['api', 'frontend']);
  });

  it('builds one main service from a Dockerfile project, without flattening when asked', async () => {
    const url = await hosted('single.tar', tarball({ Dockerfile: 'FROM alpine\n' }));
    const releaseId = await release.createFromUrl(context.client, application.id, { url, shouldFlatten: false });
    const built = await release.getWithImageDetails(context.client, releaseId);
    expect(built.images.map((image) => image.service_name)).toEqual(['main']);
  });

  it('refuses a tarball on another host, and a project without a Dockerfile or compose file', async () => {
    const foreign = await release
      .createFromUrl(context.client, application.id, { url: 'https://github.com/balena-io/x/archive/v1.tar.gz' })
      .catch((error: unknown) => error);
    expect(foreign).toBeInstanceOf(RequestError);
    expect((foreign as RequestError).status).toBe(400);
    expect((foreign as RequestError).serverMessage).toContain('only fetches tarballs from');
    const url = await hosted('empty.tar', tarball({ 'README.md': '# nothing to build' }));
    const empty = await release
      .createFromUrl(context.client, application.id, { url, shouldFlatten: false })
      .catch((error: unknown) => error);
    expect((empty as RequestError).status).toBe(400);
  });

  it('throws ApplicationNotFound and InvalidParameter', async () => {
    await expect(
      release.createFromUrl(context.client, 999_999, { url: `${context.sandbox.url}/x.tar` }),
    ).rejects.toBeInstanceOf(ApplicationNotFound);
    context.recorder.reset();
    for (const options of [
      null,
      {},
      { url: 'ftp://x/y.tar' },
      { url: `${context.sandbox.url}/x`, shouldFlatten: 'yes' },
    ]) {
      await expect(release.createFromUrl(context.client, application.id, options as never)).rejects.toBeInstanceOf(
        InvalidParameter,
      );
    }
    await expect(release.createFromUrl(context.client, '', { url: 'http://x/y' })).rejects.toBeInstanceOf(
      InvalidParameter,
    );
    expect(context.recorder.requests).toHaveLength(0);
  });
});
