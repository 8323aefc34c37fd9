import type { OptionalNavigation } from './navigation.js';

/** The fields of a row a history row links to, as far as this type names them (an expand may read more). */
export interface LinkedRow {
  /** The row id. */
  readonly id: number;
  /** Any other field the expand selected. */
  readonly [field: string]: unknown;
}

/**
 * One row of a device's history (v7 `device_history`, balena-cloud): the device's fleet, releases,
 * OS and supervisor versions and active state from `created_at` until `end_timestamp`.
 */
export interface DeviceHistory {
  /** The row id. */
  readonly id: number;
  /** When this state began (ISO 8601). */
  readonly created_at: string;
  /** When this state ended (ISO 8601), or null while it holds. */
  readonly end_timestamp: string | null;
  /** The device's uuid. */
  readonly uuid: string | null;
  /** Whether the device was active. */
  readonly is_active: boolean;
  /** The balenaOS version the device reported, e.g. `balenaOS 6.0.13`. */
  readonly os_version: string | null;
  /** `prod` or `dev`. */
  readonly os_variant: string | null;
  /** The supervisor version the device reported. */
  readonly supervisor_version: string | null;
  /** The CPU's serial id. */
  readonly cpu_id: string | null;
  /** The device, or null once it was deleted. */
  readonly tracks__device: OptionalNavigation<LinkedRow>;
  /** The device's actor. */
  readonly tracks__actor: OptionalNavigation<LinkedRow>;
  /** The actor whose change began this state, when known. */
  readonly is_created_by__actor: OptionalNavigation<LinkedRow>;
  /** The actor whose change ended this state, when known. */
  readonly is_ended_by__actor: OptionalNavigation<LinkedRow>;
  /** The fleet the device was in. */
  readonly belongs_to__application: OptionalNavigation<LinkedRow>;
  /** The release the device ran. */
  readonly is_running__release: OptionalNavigation<LinkedRow>;
  /** The release the device was pinned to. */
  readonly is_pinned_on__release: OptionalNavigation<LinkedRow>;
  /** The supervisor release the device was to run. */
  readonly should_be_managed_by__release: OptionalNavigation<LinkedRow>;
  /** The service instance that managed the device. */
  readonly is_managed_by__service_instance: OptionalNavigation<LinkedRow>;
  /** The device type. */
  readonly is_of__device_type: OptionalNavigation<LinkedRow>;
}
