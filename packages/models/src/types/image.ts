import type { Navigation } from './navigation.js';
import type { Service } from './service.js';

/** The build state of an image. */
export type ImageStatus = 'running' | 'success' | 'failed' | 'cancelled' | 'interrupted' | (string & {});

/** A container image built for a service of a release (v7 `image`). */
export interface Image {
  readonly id: number;
  readonly created_at: string;
  readonly content_hash: string | null;
  readonly dockerfile: string | null;
  readonly project_type: string | null;
  readonly status: ImageStatus;
  readonly error_message: string | null;
  readonly image_size: number | null;
  readonly build_log: string | null;
  readonly push_timestamp: string | null;
  readonly start_timestamp: string | null;
  readonly end_timestamp: string | null;
  readonly is_stored_at__image_location: string;
  readonly contract: unknown | null;
  readonly is_a_build_of__service: Navigation<Service>;
}
