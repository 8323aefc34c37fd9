import type { Application } from './application.js';
import type { Image } from './image.js';
import type { Navigation, OptionalNavigation, ReverseNavigation } from './navigation.js';
import type { ReleaseTag } from './tag.js';

/** The build state of a release. */
export type ReleaseStatus = 'running' | 'success' | 'failed' | 'error' | 'cancelled' | 'interrupted' | (string & {});

/** How a caller may name a release: its id, its full commit hash, or an application and a raw version. */
export type ReleaseIdentifier = number | string | { readonly application: string | number; readonly rawVersion: string };

/** The link between a release and one of its images (v7 `image__is_part_of__release`, alias `release_image`). */
export interface ReleaseImage {
  readonly id: number;
  readonly image: Navigation<Image>;
  readonly is_part_of__release: Navigation<Release>;
}

/** A release of an application (v7 `release`). */
export interface Release {
  readonly id: number;
  readonly created_at: string;
  readonly commit: string;
  readonly composition: unknown | null;
  readonly status: ReleaseStatus;
  readonly source: string;
  readonly build_log: string | null;
  readonly start_timestamp: string;
  readonly end_timestamp: string | null;
  readonly update_timestamp: string | null;
  readonly semver: string;
  readonly semver_major: number;
  readonly semver_minor: number;
  readonly semver_patch: number;
  readonly semver_prerelease: string;
  readonly semver_build: string;
  readonly variant: string;
  readonly revision: number | null;
  readonly release_version: string | null;
  readonly raw_version: string;
  readonly version: unknown;
  readonly is_final: boolean;
  readonly is_finalized_at__date: string | null;
  readonly is_invalidated: boolean;
  readonly invalidation_reason: string | null;
  readonly is_passing_tests: boolean;
  readonly phase: string | null;
  readonly known_issue_list: string | null;
  readonly note: string | null;
  readonly contract: unknown | null;
  readonly belongs_to__application: Navigation<Application>;
  readonly is_created_by__user: OptionalNavigation<{ id: number; username: string }>;
  readonly release_image?: ReverseNavigation<ReleaseImage>;
  readonly release_tag?: ReverseNavigation<ReleaseTag>;
}

/** One image of a release as `getWithImageDetails` returns it: the image fields plus its service's name. */
export type ReleaseImageDetails = Partial<Omit<Image, 'is_a_build_of__service'>> & {
  readonly id: number;
  readonly service_name: string;
};

/** A release with its images (sorted by service name) and its creator, as `getWithImageDetails` returns it. */
export type ReleaseWithImageDetails = Omit<Release, 'release_image' | 'is_created_by__user'> & {
  readonly images: ReleaseImageDetails[];
  readonly user: { readonly id: number; readonly username: string } | undefined;
};
