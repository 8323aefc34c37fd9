import type { Application } from './application.js';
import type { DeviceType } from './device-type.js';
import type { Navigation, OptionalNavigation, ReverseNavigation } from './navigation.js';
import type { ReleaseReference } from './release-reference.js';

/** The summary of a device's state that the API computes (`overall_status`); the SDK never derives it. */
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
  /** The row id. */
  readonly id: number;
  /** The download progress in percent, or null. */
  readonly download_progress: number | null;
  /** The status, e.g. `success`. */
  readonly status: string;
  /** When the install started (ISO 8601). */
  readonly install_date: string;
  /** The installed image and the service it builds. */
  readonly installs__image: Navigation<{
    id: number;
    is_a_build_of__service: Navigation<{ id: number; service_name: string }>;
  }>;
  /** The release the image belongs to. */
  readonly is_provided_by__release: Navigation<ReleaseReference>;
}

/** A device (v7 `device`). Computed fields (`overall_status`, `overall_progress`, `should_be_running__release`) are only sent when selected. */
export interface Device {
  /** The row id. */
  readonly id: number;
  /** The unique identifier (32 lowercase hex characters for applications, 32 or 62 for devices). */
  readonly uuid: string;
  /** The device name (not unique). */
  readonly device_name: string;
  /** A free-text note. */
  readonly note: string | null;
  /** When the row was created (ISO 8601). */
  readonly created_at: string;
  /** When the row last changed (ISO 8601). */
  readonly modified_at: string;
  /** The id of the device on its gateway, if any. */
  readonly local_id: string | null;
  /** The status, e.g. `success`. */
  readonly status: string | null;
  /** What the device last reported as its online state. */
  readonly is_online: boolean;
  /** True while the device holds a VPN connection. */
  readonly is_connected_to_vpn: boolean;
  /** When the connectivity last changed (ISO 8601). */
  readonly last_connectivity_event: string | null;
  /** When the VPN state last changed (ISO 8601). */
  readonly last_vpn_event: string | null;
  /** The API heartbeat: online, offline, timeout or unknown. */
  readonly api_heartbeat_state: ApiHeartbeatState;
  /** True when the public device URL is enabled. */
  readonly is_web_accessible: boolean;
  /** True when the device is frozen (balena-cloud). */
  readonly is_frozen: boolean;
  /** The local IP addresses, space-separated. */
  readonly ip_address: string | null;
  /** The public IP address. */
  readonly public_address: string | null;
  /** The MAC addresses, space-separated. */
  readonly mac_address: string | null;
  /** The balenaOS version, e.g. `balenaOS 6.0.13`. */
  readonly os_version: string | null;
  /** `prod` or `dev`. */
  readonly os_variant: string | null;
  /** The supervisor version. */
  readonly supervisor_version: string | null;
  /** The provisioning state, if provisioning. */
  readonly provisioning_state: string | null;
  /** The provisioning progress in percent, or null. */
  readonly provisioning_progress: number | null;
  /** The download progress in percent, or null. */
  readonly download_progress: number | null;
  /** Until when an update lock holds, if any. */
  readonly is_locked_until__date: string | null;
  /** The update state the device reports. */
  readonly update_status: string | null;
  /** Memory in use, in MB. */
  readonly memory_usage: number | null;
  /** Total memory, in MB. */
  readonly memory_total: number | null;
  /** The storage block device. */
  readonly storage_block_device: string | null;
  /** Storage in use, in MB. */
  readonly storage_usage: number | null;
  /** Total storage, in MB. */
  readonly storage_total: number | null;
  /** CPU usage in percent. */
  readonly cpu_usage: number | null;
  /** CPU temperature in °C. */
  readonly cpu_temp: number | null;
  /** The CPU id. */
  readonly cpu_id: string | null;
  /** True when the device reported under-voltage. */
  readonly is_undervolted: boolean;
  /** The server-computed status (only when selected). */
  readonly overall_status: DeviceOverallStatus;
  /** The server-computed progress in percent (only when selected). */
  readonly overall_progress: number | null;
  /** Cloud-only fields: sent to balena-cloud, absent on open-balena. */
  readonly custom_latitude?: string;
  /** A longitude set by hand (balena-cloud only). */
  readonly custom_longitude?: string;
  /** The latitude from IP geolocation (balena-cloud only). */
  readonly latitude?: string;
  /** The longitude from IP geolocation (balena-cloud only). */
  readonly longitude?: string;
  /** The place name from IP geolocation (balena-cloud only). */
  readonly location?: string;
  /** False for deactivated devices (balena-cloud only). */
  readonly is_active?: boolean;
  /** Until when balena support may access it (balena-cloud only). */
  readonly is_accessible_by_support_until__date?: string | null;
  /** The application it belongs to. */
  readonly belongs_to__application: Navigation<Application>;
  /** The device type. */
  readonly is_of__device_type: Navigation<DeviceType>;
  /** The release the device reports running. */
  readonly is_running__release: OptionalNavigation<ReleaseReference>;
  /** The release the device is pinned to, or null when it follows its application. */
  readonly is_pinned_on__release: OptionalNavigation<ReleaseReference>;
  /** The release the devices should run (for a device: computed from its pin and its application). */
  readonly should_be_running__release: OptionalNavigation<ReleaseReference>;
  /** The host OS release the device should run. */
  readonly should_be_operated_by__release: OptionalNavigation<ReleaseReference>;
  /** The supervisor release the device should run. */
  readonly should_be_managed_by__release: OptionalNavigation<ReleaseReference>;
  /** The image installs of the device (only when expanded). */
  readonly image_install?: ReverseNavigation<ImageInstall>;
}
