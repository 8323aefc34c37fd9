// balena.models.release.asset: the official SDK's nesting of release assets.
import type * as releaseAssetModule from '@balena-ts/models/release-asset';
import { describe, expectTypeOf, test } from 'vitest';
import type { BalenaSdk } from '../src/index.js';

declare const balena: BalenaSdk;

describe('balena.models.release.asset', () => {
  test('takes the module functions’ arguments after the client', () => {
    expectTypeOf(balena.models.release.asset.upload).toEqualTypeOf<
      (
        uploadParams: {
          readonly asset: releaseAssetModule.ReleaseAssetContent;
          readonly asset_key: string;
          readonly release: releaseAssetModule.ReleaseIdentifier;
        },
        options?: releaseAssetModule.ReleaseAssetUploadOptions,
      ) => Promise<releaseAssetModule.ReleaseAsset>
    >();
    expectTypeOf(balena.models.release.asset.download).toEqualTypeOf<
      (
        id: releaseAssetModule.ReleaseAssetIdentifier,
        options?: releaseAssetModule.DownloadOptions,
      ) => Promise<releaseAssetModule.ReleaseAssetDownload>
    >();
    expectTypeOf(balena.models.release.asset.remove).toEqualTypeOf<
      (id: releaseAssetModule.ReleaseAssetIdentifier) => Promise<void>
    >();
    expectTypeOf(balena.models.release.asset.getAllByRelease(1)).resolves.toEqualTypeOf<
      releaseAssetModule.ReleaseAsset[]
    >();
    expectTypeOf(balena.models.release.asset.get(1, { $select: ['id', 'asset'] })).resolves.toEqualTypeOf<
      Pick<releaseAssetModule.ReleaseAsset, 'id' | 'asset'>
    >();
  });
  test('the release functions stay where they were', () => {
    expectTypeOf(balena.models.release.finalize).toBeFunction();
  });
});
