// Releases (balena Python SDK `balena.models.release`), plus today's `getLatestByApplication`, `finalize`,
// `setIsInvalidated`, `setNote` and `setKnownIssueList`.

export type { ApplicationIdentifier } from './internal/application.js';
export { createFromUrl, type UrlDeployOptions } from './release/create-from-url.js';
export type { ImageDetailsOptions } from './release/get-with-image-details.js';
export { get, getAllByApplication, getLatestByApplication, getWithImageDetails } from './release/reads.js';
export { finalize, setIsInvalidated, setKnownIssueList, setNote } from './release/writes.js';
export type { Image, ImageStatus } from './types/image.js';
export type { Deferred, Navigation, OptionalNavigation, ReverseNavigation } from './types/navigation.js';
export type { FieldOf, Selected, TypedFilter, TypedOptions, TypedOrderBy } from './types/options.js';
export type { ApplicationReference } from './types/parent-reference.js';
export type {
  Release,
  ReleaseIdentifier,
  ReleaseImage,
  ReleaseImageDetails,
  ReleaseStatus,
  ReleaseWithImageDetails,
} from './types/release.js';
export type { ReleaseReference } from './types/release-reference.js';
export type { Service } from './types/service.js';
export type { ReleaseTag, TagFields } from './types/tag.js';
