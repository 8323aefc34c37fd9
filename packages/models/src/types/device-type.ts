import type { CpuArchitecture } from './cpu-architecture.js';
import type { Navigation, ReverseNavigation } from './navigation.js';

/** A device type (v7 `device_type`), e.g. slug `raspberrypi4-64`, name `Raspberry Pi 4 (using 64bit OS)`. */
export interface DeviceType {
  /** The row id. */
  readonly id: number;
  /** The slug (lowercase, unique). */
  readonly slug: string;
  /** The name. */
  readonly name: string;
  /** The logo as a data URL, if any. */
  readonly logo: string | null;
  /** True when only some users may use the device type. */
  readonly is_private: boolean;
  /** The device contract (JSON): install partials, flash protocol, media. */
  readonly contract: Record<string, unknown> | null;
  /** The CPU architecture of the device type. */
  readonly is_of__cpu_architecture: Navigation<CpuArchitecture>;
  /** The family of the device type, if any. */
  readonly belongs_to__device_family: Navigation<{ id: number; slug: string; name: string }> | null;
  /** The aliases of the device type (only when expanded). */
  readonly device_type_alias?: ReverseNavigation<{ id: number; is_referenced_by__alias: string }>;
}

/**
 * A legacy device-type.json manifest, as `GET /device-types/v1` serves it.
 * Only the common fields are typed; the rest is kept as sent.
 */
export interface DeviceTypeManifest {
  /** The slug (lowercase, unique). */
  readonly slug: string;
  /** The name. */
  readonly name: string;
  /** Other slugs that name the same device type. */
  readonly aliases?: string[];
  /** The CPU architecture slug. */
  readonly arch?: string;
  /** The support state, e.g. `RELEASED` or `DISCONTINUED`. */
  readonly state?: string;
  /** Other fields, as the API sent them. */
  readonly [field: string]: unknown;
}
