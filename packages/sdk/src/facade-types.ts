import type * as authModule from '@balena-ts/auth';
import type * as twoFactorModule from '@balena-ts/auth/two-factor';
import type { Client, ClientOptions, PineClient, RequestFunction } from '@balena-ts/core';
import type * as settingsModule from '@balena-ts/core/settings';
import type * as logsModule from '@balena-ts/logs';
import type * as apiKeyModule from '@balena-ts/models/api-key';
import type * as applicationModule from '@balena-ts/models/application';
import type * as applicationConfigVariableModule from '@balena-ts/models/application-config-variable';
import type * as applicationEnvVariableModule from '@balena-ts/models/application-env-variable';
import type * as applicationTagModule from '@balena-ts/models/application-tag';
import type * as configModule from '@balena-ts/models/config';
import type * as deviceModule from '@balena-ts/models/device';
import type * as deviceConfigVariableModule from '@balena-ts/models/device-config-variable';
import type * as deviceEnvVariableModule from '@balena-ts/models/device-env-variable';
import type * as deviceOsModule from '@balena-ts/models/device-os';
import type * as deviceServiceEnvVariableModule from '@balena-ts/models/device-service-env-variable';
import type * as deviceTagModule from '@balena-ts/models/device-tag';
import type * as imageModule from '@balena-ts/models/image';
import type * as keyModule from '@balena-ts/models/key';
import type * as releaseModule from '@balena-ts/models/release';
import type * as releaseTagModule from '@balena-ts/models/release-tag';
import type * as serviceModule from '@balena-ts/models/service';
import type * as serviceEnvVariableModule from '@balena-ts/models/service-env-variable';
import type * as supervisorModule from '@balena-ts/supervisor';
import type { Bound } from './bind.js';

/** Options of `new Balena(options)`: the client options of PUBLIC-API section 6. */
export type BalenaOptions = ClientOptions;

/** `balena.auth`: `@balena-ts/auth` with the client bound. */
export type AuthFacade = Bound<typeof authModule>;

/** `balena.twoFactorAuth`: `@balena-ts/auth/two-factor` with the client bound; `generateCode` needs none. */
export type TwoFactorAuthFacade = Bound<typeof twoFactorModule, 'generateCode'>;

/** `balena.logs`: `@balena-ts/logs` with the client bound. */
export type LogsFacade = Bound<typeof logsModule>;

/** `balena.settings`: the five settings functions of settings-node or settings-browser, client bound. */
export type SettingsFacade = Bound<Pick<typeof settingsModule, 'get' | 'getAll' | 'has' | 'remove' | 'set'>>;

/** `balena.models.application`. */
export type ApplicationFacade = Bound<typeof applicationModule>;
/** `balena.models.apiKey`. */
export type ApiKeyFacade = Bound<typeof apiKeyModule>;
/** `balena.models.config`. */
export type ConfigFacade = Bound<typeof configModule>;
/** `balena.models.device`; `generateUuid` and `isArchitectureCompatible` need no client. */
export type DeviceFacade = Bound<typeof deviceModule, 'generateUuid' | 'isArchitectureCompatible'>;
/** `balena.models.deviceOs`; `parseParams` needs no client. */
export type DeviceOsFacade = Bound<typeof deviceOsModule, 'parseParams'>;
/** `balena.models.image`. */
export type ImageFacade = Bound<typeof imageModule>;
/** `balena.models.release`. */
export type ReleaseFacade = Bound<typeof releaseModule>;
/** `balena.models.service`. */
export type ServiceFacade = Bound<typeof serviceModule>;
/** `balena.models.key`. */
export type KeyFacade = Bound<typeof keyModule>;
/** `balena.models.supervisor`: `@balena-ts/supervisor` with the client bound. */
export type SupervisorFacade = Bound<typeof supervisorModule>;

/** `balena.models.configVariable`. */
export interface ConfigVariableFacade {
  /** `@balena-ts/models/application-config-variable` with the client bound. */
  readonly applicationConfigVariable: Bound<typeof applicationConfigVariableModule>;
  /** `@balena-ts/models/device-config-variable` with the client bound. */
  readonly deviceConfigVariable: Bound<typeof deviceConfigVariableModule>;
}

/** `balena.models.environmentVariables`. */
export interface EnvironmentVariablesFacade {
  /** `@balena-ts/models/application-env-variable`; `isSystemVariable` needs no client. */
  readonly application: Bound<typeof applicationEnvVariableModule, 'isSystemVariable'>;
  /** `@balena-ts/models/service-env-variable` with the client bound. */
  readonly serviceEnvironmentVariable: Bound<typeof serviceEnvVariableModule>;
  /** `@balena-ts/models/device-env-variable` with the client bound. */
  readonly device: Bound<typeof deviceEnvVariableModule>;
  /** `@balena-ts/models/device-service-env-variable` with the client bound. */
  readonly deviceServiceEnvironmentVariable: Bound<typeof deviceServiceEnvVariableModule>;
}

/** `balena.models.tag`. */
export interface TagFacade {
  /** `@balena-ts/models/device-tag` with the client bound. */
  readonly device: Bound<typeof deviceTagModule>;
  /** `@balena-ts/models/application-tag` with the client bound. */
  readonly application: Bound<typeof applicationTagModule>;
  /** `@balena-ts/models/release-tag` with the client bound. */
  readonly release: Bound<typeof releaseTagModule>;
}

/** `balena.models`: the seed's models (PUBLIC-API section 3). */
export interface ModelsFacade {
  /** Fleets. */
  readonly application: ApplicationFacade;
  /** API keys. */
  readonly apiKey: ApiKeyFacade;
  /** The API's configuration and device types. */
  readonly config: ConfigFacade;
  /** Configuration variables of fleets and devices. */
  readonly configVariable: ConfigVariableFacade;
  /** Devices. */
  readonly device: DeviceFacade;
  /** balenaOS images and their configuration. */
  readonly deviceOs: DeviceOsFacade;
  /** Environment variables of fleets, services, devices and device services. */
  readonly environmentVariables: EnvironmentVariablesFacade;
  /** Release images. */
  readonly image: ImageFacade;
  /** Releases. */
  readonly release: ReleaseFacade;
  /** Services. */
  readonly service: ServiceFacade;
  /** Tags of devices, fleets and releases. */
  readonly tag: TagFacade;
  /** SSH keys. */
  readonly key: KeyFacade;
  /** Supervisor actions, through the API proxy or on the device. */
  readonly supervisor: SupervisorFacade;
}

/** The whole facade tree: what `new Balena(options)` holds. */
export interface BalenaSdk {
  /** The core client every bound function receives: pass it to module functions. */
  readonly client: Client;
  /** The OData client (`client.pine`) for requests the models do not cover. */
  readonly pine: PineClient;
  /** The request function (`client.request`) for endpoints outside OData. */
  readonly request: RequestFunction;
  /** Login, logout, tokens and the current user. */
  readonly auth: AuthFacade;
  /** Two-factor authentication. */
  readonly twoFactorAuth: TwoFactorAuthFacade;
  /** Device logs: history and live subscriptions. */
  readonly logs: LogsFacade;
  /** Settings, read from the platform's storage. */
  readonly settings: SettingsFacade;
  /** The seed's models. */
  readonly models: ModelsFacade;
}
