import type { DeviceType } from './device-type.js';
import type { Navigation, OptionalNavigation, ReverseNavigation } from './navigation.js';
import type { Organization } from './organization.js';
import type { ReleaseReference } from './release-reference.js';

/** The class of an application: a fleet of devices, a block, or an app. */
export type ApplicationClass = 'fleet' | 'block' | 'app';

/** An application, a.k.a. fleet (v7 `application`). */
export interface Application {
  /** The row id. */
  readonly id: number;
  /** When the row was created (ISO 8601). */
  readonly created_at: string;
  /** The application name, unique within its organization. */
  readonly app_name: string;
  /** `<organization handle>/<app name>`, lowercase. */
  readonly slug: string;
  /** The unique identifier (32 lowercase hex characters for applications, 32 or 62 for devices). */
  readonly uuid: string;
  /** The actor that stands for this row in permissions. */
  readonly actor: number | { readonly __id: number };
  /** Fleet, block or app. */
  readonly is_of__class: ApplicationClass;
  /** True for the balenaOS host applications. */
  readonly is_host: boolean;
  /** True for archived applications. */
  readonly is_archived: boolean;
  /** True when anyone may read the application. */
  readonly is_public: boolean;
  /** True when new successful releases become the target automatically. */
  readonly should_track_latest_release: boolean;
  /** Cloud-only field; open-balena does not store it. */
  readonly is_accessible_by_support_until__date?: string | null;
  /** The organization that owns the application. */
  readonly organization: Navigation<Organization>;
  /** The device type the application is built for. */
  readonly is_for__device_type: Navigation<DeviceType>;
  /** The release the devices should run (for a device: computed from its pin and its application). */
  readonly should_be_running__release: OptionalNavigation<ReleaseReference>;
  /** The legacy application type. */
  readonly application_type: Navigation<{ id: number; slug: string; name: string }>;
  /** The releases of the application (only when expanded). */
  readonly owns__release?: ReverseNavigation<ReleaseReference>;
  /** The devices of the application (only when expanded). */
  readonly owns__device?: ReverseNavigation<{ id: number; uuid: string; device_name: string }>;
}
