// @balena-ts/models/release-asset: files kept with a release under a key (balena-sdk `models.release.asset`).
export type { DownloadOptions, DownloadProgress } from './internal/download-progress.js';
export { download, get, getAllByRelease, remove, upload } from './release-asset/release-asset.js';
export type { Deferred, Navigation } from './types/navigation.js';
export type { FieldOf, Selected, TypedFilter, TypedOptions, TypedOrderBy } from './types/options.js';
export type { ReleaseIdentifier } from './types/release.js';
export type {
  ReleaseAsset,
  ReleaseAssetContent,
  ReleaseAssetDownload,
  ReleaseAssetIdentifier,
  ReleaseAssetUploadOptions,
  UploadProgress,
  WebResourceFile,
} from './types/release-asset.js';
export type { ReleaseReference } from './types/release-reference.js';
