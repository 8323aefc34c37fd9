import type { Application } from './application.js';
import type { Device } from './device.js';
import type { Navigation } from './navigation.js';
import type { Service, ServiceInstall } from './service.js';

/** The fields every environment or config variable row has. */
export interface VariableFields {
  readonly id: number;
  readonly created_at: string;
  readonly modified_at: string;
  /** The variable's name, unique within its parent. */
  readonly name: string;
  /** The variable's value, always a string. */
  readonly value: string;
}

/** An application environment variable (v7 `application_environment_variable`). */
export interface ApplicationEnvironmentVariable extends VariableFields {
  readonly application: Navigation<Application>;
}

/** An application config variable (v7 `application_config_variable`): a `BALENA_`/`RESIN_` setting. */
export interface ApplicationConfigVariable extends VariableFields {
  readonly application: Navigation<Application>;
}

/** A device environment variable (v7 `device_environment_variable`). */
export interface DeviceEnvironmentVariable extends VariableFields {
  readonly device: Navigation<Device>;
}

/** A device config variable (v7 `device_config_variable`): a `BALENA_`/`RESIN_` setting. */
export interface DeviceConfigVariable extends VariableFields {
  readonly device: Navigation<Device>;
}

/** A service environment variable (v7 `service_environment_variable`): one service, every device. */
export interface ServiceEnvironmentVariable extends VariableFields {
  readonly service: Navigation<Service>;
}

/** A device service environment variable (v7 `device_service_environment_variable`): one service on one device. */
export interface DeviceServiceEnvironmentVariable extends VariableFields {
  readonly service_install: Navigation<ServiceInstall>;
}
