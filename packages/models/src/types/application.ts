import type { DeviceType } from './device-type.js';
import type { Navigation, OptionalNavigation, ReverseNavigation } from './navigation.js';
import type { Organization } from './organization.js';
import type { ReleaseReference } from './release-reference.js';

/** The class of an application: a fleet of devices, a block, or an app. */
export type ApplicationClass = 'fleet' | 'block' | 'app';

/** An application, a.k.a. fleet (v7 `application`). */
export interface Application {
  readonly id: number;
  readonly created_at: string;
  readonly app_name: string;
  /** `<organization handle>/<app name>`, lowercase. */
  readonly slug: string;
  readonly uuid: string;
  readonly actor: number | { readonly __id: number };
  readonly is_of__class: ApplicationClass;
  readonly is_host: boolean;
  readonly is_archived: boolean;
  readonly is_public: boolean;
  readonly should_track_latest_release: boolean;
  /** Cloud-only field; open-balena does not store it. */
  readonly is_accessible_by_support_until__date?: string | null;
  readonly organization: Navigation<Organization>;
  readonly is_for__device_type: Navigation<DeviceType>;
  readonly should_be_running__release: OptionalNavigation<ReleaseReference>;
  readonly application_type: Navigation<{ id: number; slug: string; name: string }>;
  readonly owns__release?: ReverseNavigation<ReleaseReference>;
  readonly owns__device?: ReverseNavigation<{ id: number; uuid: string; device_name: string }>;
}
