import type { Navigation } from './navigation.js';
import type { ApplicationReference, DeviceReference } from './parent-reference.js';
import type { Service, ServiceInstall } from './service.js';

/** The fields every environment or config variable row has. */
export interface VariableFields {
  /** The row id. */
  readonly id: number;
  /** When the row was created (ISO 8601). */
  readonly created_at: string;
  /** When the row was last changed (ISO 8601). */
  readonly modified_at: string;
  /** The variable's name, unique within its parent. */
  readonly name: string;
  /** The variable's value, always a string. */
  readonly value: string;
}

/** An application environment variable (v7 `application_environment_variable`). */
export interface ApplicationEnvironmentVariable extends VariableFields {
  /** The application it belongs to. */
  readonly application: Navigation<ApplicationReference>;
}

/** An application build variable (v7 `build_environment_variable`): passed to every image build of the application. */
export interface ApplicationBuildVariable extends VariableFields {
  /** The application it belongs to. */
  readonly application: Navigation<ApplicationReference>;
}

/** An application config variable (v7 `application_config_variable`): a `BALENA_`/`RESIN_` setting. */
export interface ApplicationConfigVariable extends VariableFields {
  /** The application it belongs to. */
  readonly application: Navigation<ApplicationReference>;
}

/** A device environment variable (v7 `device_environment_variable`). */
export interface DeviceEnvironmentVariable extends VariableFields {
  /** The device it belongs to. */
  readonly device: Navigation<DeviceReference>;
}

/** A device config variable (v7 `device_config_variable`): a `BALENA_`/`RESIN_` setting. */
export interface DeviceConfigVariable extends VariableFields {
  /** The device it belongs to. */
  readonly device: Navigation<DeviceReference>;
}

/** A service environment variable (v7 `service_environment_variable`): one service, every device. */
export interface ServiceEnvironmentVariable extends VariableFields {
  /** The service it belongs to. */
  readonly service: Navigation<Service>;
}

/** A device service environment variable (v7 `device_service_environment_variable`): one service on one device. */
export interface DeviceServiceEnvironmentVariable extends VariableFields {
  /** The service install (a service on a device) it belongs to. */
  readonly service_install: Navigation<ServiceInstall>;
}
