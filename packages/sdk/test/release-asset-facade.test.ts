import { type Sandbox, startSandbox } from '@balena-ts/sandbox';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Balena } from '../src/index.js';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});

afterAll(async () => {
  await sandbox?.close();
});

describe('balena.models.release.asset on the facade', () => {
  test('uploads, lists, downloads and removes an asset through the nested path', async () => {
    const balena = new Balena({ apiUrl: sandbox.url, retry: false });
    await balena.auth.loginWithToken(sandbox.superuser.token);
    const fleet = await sandbox.seedApplication({ name: `asset-facade-${process.pid}` });
    const release = await sandbox.seedRelease({ application: fleet.id });
    const asset = await balena.models.release.asset.upload({
      release: release.id,
      asset_key: 'readme.md',
      asset: new File(['# hello'], 'readme.md', { type: 'text/markdown' }),
    });
    expect(
      (await balena.models.release.asset.getAllByRelease(release.commit, { $select: 'id' })).map((row) => row.id),
    ).toEqual([asset.id]);
    const { stream, mimeType } = await balena.models.release.asset.download(asset.id);
    expect(mimeType).toBe('text/markdown');
    expect(await new Response(stream).text()).toBe('# hello');
    await balena.models.release.asset.remove({ release: release.id, asset_key: 'readme.md' });
    expect(await balena.models.release.asset.getAllByRelease(release.id)).toEqual([]);
  });
});
