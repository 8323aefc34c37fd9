import type { Navigation } from './navigation.js';
import type { ApplicationReference, DeviceReference } from './parent-reference.js';

/** A service of an application: one container of its releases (v7 `service`). */
export interface Service {
  /** The row id. */
  readonly id: number;
  /** When the row was created (ISO 8601). */
  readonly created_at: string;
  /** The service name, as in the compose file. */
  readonly service_name: string;
  /** The application it belongs to. */
  readonly application: Navigation<ApplicationReference>;
}

/** A service installed on a device (v7 `service_install`): the parent of device service variables. */
export interface ServiceInstall {
  /** The row id. */
  readonly id: number;
  /** When the row was created (ISO 8601). */
  readonly created_at: string;
  /** The device it belongs to. */
  readonly device: Navigation<DeviceReference>;
  /** The installed service. */
  readonly installs__service: Navigation<Service>;
}
