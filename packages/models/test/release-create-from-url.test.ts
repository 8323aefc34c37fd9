import { gzipSync } from 'node:zlib';
import { ApplicationNotFound, createClient, InvalidParameter, RequestError } from '@balena-ts/core';
import * as release from '@balena-ts/models/release';
import * as releaseAsset from '@balena-ts/models/release-asset';
import { beforeAll, describe, expect, it } from 'vitest';
import { rejectionOf } from './helpers/refusal.js';
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

/**
 * A client whose API is `http://api.balena.test` (so the builder's default URL is
 * `http://builder.balena.test`), every request sent on to the sandbox and its URL recorded as sent.
 */
async function balenaLikeClient(): Promise<{ client: ReturnType<typeof createClient>; sent: string[] }> {
  const sandbox = new URL(context.sandbox.url);
  const sent: string[] = [];
  const client = createClient({
    apiUrl: 'http://api.balena.test',
    retry: false,
    fetch: (input, init) => {
      const request = new Request(input, init);
      const url = new URL(request.url);
      sent.push(`${request.method} ${decodeURIComponent(url.href)}`);
      url.host = sandbox.host;
      return fetch(new Request(url, request));
    },
  });
  await client.tokens.set(context.sandbox.superuser.token);
  return { client, sent };
}

describe('release.createFromUrl refusals name the option and say what was expected', () => {
  it.each([
    ['urlDeployOptions', null, 'expected { url, shouldFlatten }'],
    ['urlDeployOptions.url', undefined, 'expected an http(s) URL'],
    ['urlDeployOptions.url', 'not a url', 'expected an http(s) URL'],
    ['urlDeployOptions.url', 'ftp://host/x.tar', 'expected an http(s) URL'],
    ['urlDeployOptions.url', 'xhttp://host/x.tar', 'expected an http(s) URL'],
    ['urlDeployOptions.url', 'https://user@host/x.tar', 'expected a URL without credentials'],
    ['urlDeployOptions.url', 'https://user:secret@host/x.tar', 'expected a URL without credentials'],
    ['urlDeployOptions.url', 'https://:secret@host/x.tar', 'expected a URL without credentials'],
    ['urlDeployOptions.builderUrl', 'ftp://builder', 'expected an http(s) URL'],
    ['urlDeployOptions.builderUrl', 5, 'expected an http(s) URL'],
    ['urlDeployOptions.builderUrl', 'http://user:secret@builder', 'expected a URL without credentials'],
    ['urlDeployOptions.shouldFlatten', 'yes', 'expected a boolean'],
  ] as const)('%s = %j: %s', async (parameter, value, reason) => {
    const name = parameter.split('.')[1];
    const options = name === undefined ? value : { url: 'https://host/x.tar', [name]: value };
    context.recorder.reset();
    const error = await rejectionOf(() => release.createFromUrl(context.client, application.id, options as never));
    expect(error).toBeInstanceOf(InvalidParameter);
    const { message } = error as InvalidParameter;
    expect((error as InvalidParameter).parameter).toBe(parameter);
    expect(message.slice(message.indexOf(' for parameter '))).toBe(` for parameter "${parameter}": ${reason}`);
    // The error's message never shows a password.
    expect(message).not.toContain('secret');
    expect(context.recorder.requests).toEqual([]);
  });
});

describe('release.createFromUrl requests', () => {
  it('asks the builder next to the API (api. -> builder.), headless, for the fleet’s owner and name', async () => {
    const { client, sent } = await balenaLikeClient();
    const url = await hosted('derived.tar', tarball({ Dockerfile: 'FROM alpine\n' }));
    const releaseId = await release.createFromUrl(client, application.id, { url, shouldFlatten: false });
    const { app_name: name } = (await context.client.pine.get<{ app_name: string }>({
      resource: 'application',
      id: application.id,
      options: { $select: 'app_name' },
    }))!;
    expect(sent).toEqual([
      `GET http://api.balena.test/v7/application(${application.id})?$select=app_name&$expand=organization($select=handle)`,
      `POST http://builder.balena.test/v3/buildFromUrl?headless=true&owner=${context.sandbox.superuser.username}&app=${name}`,
    ]);
    expect((await release.getWithImageDetails(context.client, releaseId)).images).toHaveLength(1);
  });

  it('asks the builder at builderUrl when given', async () => {
    const { client, sent } = await balenaLikeClient();
    const url = await hosted('given.tar', tarball({ Dockerfile: 'FROM alpine\n' }));
    await release.createFromUrl(client, application.id, { url, shouldFlatten: false, builderUrl: 'http://b.test' });
    expect(sent[1]).toMatch(/^POST http:\/\/b\.test\/v3\/buildFromUrl\?/);
  });
});

describe('release.createFromUrl when the builder answers without starting', () => {
  // balena's builder answers `{ started: false, error, message }` when it does not start a build
  // (balena-sdk and the Python SDK raise its message); the sandbox's builder only answers so with an
  // error status, so a fault gives the answer with 200.
  it.each([
    ['its message', { started: false, error: 'Invalid tarball', message: 'Invalid tarball' }, 'Invalid tarball'],
    ['no message', { started: false }, 'The build did not start'],
    ['started but no release', { started: true }, 'The build did not start'],
    ['an empty body', undefined, 'The build did not start'],
  ])('a RequestError with %s', async (_, body, message) => {
    const fault = context.sandbox.faults.add({
      method: 'POST',
      path: '/v3/buildFromUrl',
      kind: 'status',
      status: 200,
      body,
    });
    const error = await rejectionOf(() =>
      release.createFromUrl(context.client, application.id, { url: `${context.sandbox.url}/x.tar` }),
    ).finally(() => fault.remove());
    expect(fault.fired).toBe(1);
    expect(error).toBeInstanceOf(RequestError);
    expect(error).toMatchObject({ status: 200, method: 'POST', url: '/v3/buildFromUrl', body: message });
  });
});
