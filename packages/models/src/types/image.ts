import type { Navigation } from './navigation.js';
import type { Service } from './service.js';

/** The build state of an image. */
export type ImageStatus = 'running' | 'success' | 'failed' | 'cancelled' | 'interrupted' | (string & {});

/** A container image built for a service of a release (v7 `image`). */
export interface Image {
  /** The row id. */
  readonly id: number;
  /** When the row was created (ISO 8601). */
  readonly created_at: string;
  /** The image digest, `sha256:…`. */
  readonly content_hash: string | null;
  /** The Dockerfile the image was built from, when built from one. */
  readonly dockerfile: string | null;
  /** How the builder recognised the project (e.g. `Dockerfile`). */
  readonly project_type: string | null;
  /** The build state. */
  readonly status: ImageStatus;
  /** Why the build failed, when it did. */
  readonly error_message: string | null;
  /** The image size in bytes. */
  readonly image_size: number | null;
  /** The build output (large: select it only when needed). */
  readonly build_log: string | null;
  /** When the image was pushed to the registry. */
  readonly push_timestamp: string | null;
  /** When the build started. */
  readonly start_timestamp: string | null;
  /** When the build ended. */
  readonly end_timestamp: string | null;
  /** Where the registry stores the image. */
  readonly is_stored_at__image_location: string;
  /** The balena contract the build declared, if any. */
  readonly contract: unknown | null;
  /** The service this image is a build of. */
  readonly is_a_build_of__service: Navigation<Service>;
}
