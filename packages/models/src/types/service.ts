import type { Application } from './application.js';
import type { Device } from './device.js';
import type { Navigation, ReverseNavigation } from './navigation.js';

/** A service of an application: one container of its releases (v7 `service`). */
export interface Service {
  readonly id: number;
  readonly created_at: string;
  readonly service_name: string;
  readonly application: Navigation<Application>;
  readonly service_install?: ReverseNavigation<ServiceInstall>;
}

/** A service installed on a device (v7 `service_install`): the parent of device service variables. */
export interface ServiceInstall {
  readonly id: number;
  readonly created_at: string;
  readonly device: Navigation<Device>;
  readonly installs__service: Navigation<Service>;
}
