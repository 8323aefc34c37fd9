import type { Application } from './application.js';
import type { Device } from './device.js';
import type { Navigation } from './navigation.js';
import type { Release } from './release.js';

/** The fields every tag row has. */
export interface TagFields {
  readonly id: number;
  readonly created_at: string;
  readonly modified_at: string;
  /** The tag's key, unique within its parent. */
  readonly tag_key: string;
  /** The tag's value. */
  readonly value: string;
}

/** A device tag (v7 `device_tag`). */
export interface DeviceTag extends TagFields {
  readonly device: Navigation<Device>;
}

/** An application tag (v7 `application_tag`). */
export interface ApplicationTag extends TagFields {
  readonly application: Navigation<Application>;
}

/** A release tag (v7 `release_tag`). */
export interface ReleaseTag extends TagFields {
  readonly release: Navigation<Release>;
}
