import type { Navigation } from './navigation.js';

/**
 * The application fields that variables, tags, services and releases link to. The models'
 * `Application` type (from `@balena-ts/models/application`) has every field; this minimal one keeps
 * these subpaths' types self-contained.
 */
export interface ApplicationReference {
  /** The application id. */
  readonly id: number;
  /** The application name. */
  readonly app_name: string;
  /** `<organization handle>/<app name>`, lowercase. */
  readonly slug: string;
  /** The application uuid. */
  readonly uuid: string;
}

/**
 * The device fields that variables, tags and service installs link to. The models' `Device` type
 * (from `@balena-ts/models/device`) has every field.
 */
export interface DeviceReference {
  /** The device id. */
  readonly id: number;
  /** The device uuid (32 or 62 hex characters). */
  readonly uuid: string;
  /** The device name. */
  readonly device_name: string;
  /** The application the device belongs to. */
  readonly belongs_to__application: Navigation<ApplicationReference>;
}
