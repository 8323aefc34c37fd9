import type { Image } from './image.js';
import type { Navigation, OptionalNavigation, ReverseNavigation } from './navigation.js';
import type { ApplicationReference } from './parent-reference.js';
import type { ReleaseTag } from './tag.js';

/** The build state of a release. */
export type ReleaseStatus = 'running' | 'success' | 'failed' | 'error' | 'cancelled' | 'interrupted' | (string & {});

/** How a caller may name a release: its id, its full commit hash, or an application and a raw version. */
export type ReleaseIdentifier =
  | number
  | string
  | { readonly application: string | number; readonly rawVersion: string };

/** The link between a release and one of its images (v7 `image__is_part_of__release`, alias `release_image`). */
export interface ReleaseImage {
  /** The row id. */
  readonly id: number;
  /** The image. */
  readonly image: Navigation<Image>;
  /** The release. */
  readonly is_part_of__release: Navigation<Release>;
}

/** A release of an application (v7 `release`). */
export interface Release {
  /** The row id. */
  readonly id: number;
  /** When the row was created (ISO 8601). */
  readonly created_at: string;
  /** The release hash (32 hex characters on balena). */
  readonly commit: string;
  /** The docker-compose document of the release. */
  readonly composition: unknown | null;
  /** The build state. */
  readonly status: ReleaseStatus;
  /** How the release was made (`cloud`, `local`...). */
  readonly source: string;
  /** The build output (large: select it only when needed). */
  readonly build_log: string | null;
  /** When the build started. */
  readonly start_timestamp: string;
  /** When the build ended. */
  readonly end_timestamp: string | null;
  /** When the release was last updated. */
  readonly update_timestamp: string | null;
  /** The semantic version `major.minor.patch[-prerelease][+build]`. */
  readonly semver: string;
  /** The major version. */
  readonly semver_major: number;
  /** The minor version. */
  readonly semver_minor: number;
  /** The patch version. */
  readonly semver_patch: number;
  /** The pre-release part of the version. */
  readonly semver_prerelease: string;
  /** The build part of the version. */
  readonly semver_build: string;
  /** The OS variant of a host release (`dev`, `prod`), empty otherwise. */
  readonly variant: string;
  /** The revision of this semver within the application. */
  readonly revision: number | null;
  /** The legacy free-form version, if any. */
  readonly release_version: string | null;
  /** The version as balena shows it (semver plus revision), unique within the application. */
  readonly raw_version: string;
  /** The version as a structured object (computed by the API). */
  readonly version: unknown;
  /** Whether the release is final (not a draft). */
  readonly is_final: boolean;
  /** When the release was finalised. */
  readonly is_finalized_at__date: string | null;
  /** Whether the release was invalidated (devices must not run it). */
  readonly is_invalidated: boolean;
  /** Why it was invalidated. */
  readonly invalidation_reason: string | null;
  /** Whether the release passed its tests. */
  readonly is_passing_tests: boolean;
  /** The support phase of a host OS release. */
  readonly phase: string | null;
  /** Known issues of the release. */
  readonly known_issue_list: string | null;
  /** A free-form note. */
  readonly note: string | null;
  /** The balena contract the build declared, if any. */
  readonly contract: unknown | null;
  /** The application of the release. */
  readonly belongs_to__application: Navigation<ApplicationReference>;
  /** The user who created the release, if known. */
  readonly is_created_by__user: OptionalNavigation<{ id: number; username: string }>;
  /** The images of the release (when expanded). */
  readonly release_image?: ReverseNavigation<ReleaseImage>;
  /** The tags of the release (when expanded). */
  readonly release_tag?: ReverseNavigation<ReleaseTag>;
}

/** One image of a release as `getWithImageDetails` returns it: the image fields plus its service's name. */
export type ReleaseImageDetails = Partial<Omit<Image, 'is_a_build_of__service'>> & {
  /** The row id. */
  readonly id: number;
  /** The service name, as in the compose file. */
  readonly service_name: string;
};

/** A release with its images (sorted by service name) and its creator, as `getWithImageDetails` returns it. */
export type ReleaseWithImageDetails = Omit<Release, 'release_image' | 'is_created_by__user'> & {
  readonly images: ReleaseImageDetails[];
  readonly user: { readonly id: number; readonly username: string } | undefined;
};
