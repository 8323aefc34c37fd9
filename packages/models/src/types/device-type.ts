import type { CpuArchitecture } from './cpu-architecture.js';
import type { Navigation, ReverseNavigation } from './navigation.js';

/** A device type (v7 `device_type`), e.g. slug `raspberrypi4-64`, name `Raspberry Pi 4 (using 64bit OS)`. */
export interface DeviceType {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly logo: string | null;
  readonly is_private: boolean;
  /** The device contract (JSON): install partials, flash protocol, media. */
  readonly contract: Record<string, unknown> | null;
  readonly is_of__cpu_architecture: Navigation<CpuArchitecture>;
  readonly belongs_to__device_family: Navigation<{ id: number; slug: string; name: string }> | null;
  readonly device_type_alias?: ReverseNavigation<{ id: number; is_referenced_by__alias: string }>;
}

/**
 * A legacy device-type.json manifest, as `GET /device-types/v1` serves it.
 * Only the common fields are typed; the rest is kept as sent.
 */
export interface DeviceTypeManifest {
  readonly slug: string;
  readonly name: string;
  readonly aliases?: string[];
  readonly arch?: string;
  readonly state?: string;
  readonly [field: string]: unknown;
}
