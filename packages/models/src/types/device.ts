import type { Application } from './application.js';
import type { DeviceType } from './device-type.js';
import type { Navigation, OptionalNavigation, ReverseNavigation } from './navigation.js';
import type { ReleaseReference } from './release-reference.js';

/** The server-computed summary of a device's state (api-map 1.6). */
export type DeviceOverallStatus =
  | 'configuring'
  | 'inactive'
  | 'post-provisioning'
  | 'updating'
  | 'operational'
  | 'disconnected'
  | 'reduced-functionality';

/** The API's view of the device's heartbeat. */
export type ApiHeartbeatState = 'online' | 'offline' | 'timeout' | 'unknown';

/** One image install of a device (v7 `image_install`), as `getWithServiceDetails` expands it. */
export interface ImageInstall {
  readonly id: number;
  readonly download_progress: number | null;
  readonly status: string;
  readonly install_date: string;
  readonly installs__image: Navigation<{
    id: number;
    is_a_build_of__service: Navigation<{ id: number; service_name: string }>;
  }>;
  readonly is_provided_by__release: Navigation<ReleaseReference>;
}

/** A device (v7 `device`). Computed fields (`overall_status`, `overall_progress`, `should_be_running__release`) are only sent when selected. */
export interface Device {
  readonly id: number;
  readonly uuid: string;
  readonly device_name: string;
  readonly note: string | null;
  readonly created_at: string;
  readonly modified_at: string;
  readonly local_id: string | null;
  readonly status: string | null;
  readonly is_online: boolean;
  readonly is_connected_to_vpn: boolean;
  readonly last_connectivity_event: string | null;
  readonly last_vpn_event: string | null;
  readonly api_heartbeat_state: ApiHeartbeatState;
  readonly is_web_accessible: boolean;
  readonly is_frozen: boolean;
  readonly ip_address: string | null;
  readonly public_address: string | null;
  readonly mac_address: string | null;
  readonly os_version: string | null;
  readonly os_variant: string | null;
  readonly supervisor_version: string | null;
  readonly provisioning_state: string | null;
  readonly provisioning_progress: number | null;
  readonly download_progress: number | null;
  readonly is_locked_until__date: string | null;
  readonly update_status: string | null;
  readonly memory_usage: number | null;
  readonly memory_total: number | null;
  readonly storage_block_device: string | null;
  readonly storage_usage: number | null;
  readonly storage_total: number | null;
  readonly cpu_usage: number | null;
  readonly cpu_temp: number | null;
  readonly cpu_id: string | null;
  readonly is_undervolted: boolean;
  readonly overall_status: DeviceOverallStatus;
  readonly overall_progress: number | null;
  /** Cloud-only fields: sent to balena-cloud, absent on open-balena. */
  readonly custom_latitude?: string;
  readonly custom_longitude?: string;
  readonly latitude?: string;
  readonly longitude?: string;
  readonly location?: string;
  readonly is_active?: boolean;
  readonly is_accessible_by_support_until__date?: string | null;
  readonly belongs_to__application: Navigation<Application>;
  readonly is_of__device_type: Navigation<DeviceType>;
  readonly is_running__release: OptionalNavigation<ReleaseReference>;
  readonly is_pinned_on__release: OptionalNavigation<ReleaseReference>;
  readonly should_be_running__release: OptionalNavigation<ReleaseReference>;
  readonly should_be_operated_by__release: OptionalNavigation<ReleaseReference>;
  readonly should_be_managed_by__release: OptionalNavigation<ReleaseReference>;
  readonly image_install?: ReverseNavigation<ImageInstall>;
}
