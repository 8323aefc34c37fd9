import type { ClientOptions } from '@balena-ts/core';
import type { BalenaDescriptor } from './describe-balena.js';
import type { FacadeOf } from './facade.js';

/**
 * Options of `new Balena(options)`: the client options (API URL, API key, storage, data
 * directory, timeouts, retries, fetch and hooks).
 */
export type BalenaOptions = ClientOptions;

/** The whole facade tree: what `new Balena(options)` holds, computed from {@link describeBalena}. */
export interface BalenaSdk extends FacadeOf<BalenaDescriptor> {}

// The names of the facade's branches, for code that passes one around. Each is read from the tree
// above, so none can drift from it.

/** `balena.auth`: `@balena-ts/auth` with the client bound. */
export type AuthFacade = BalenaSdk['auth'];
/** `balena.twoFactorAuth`: `@balena-ts/auth/two-factor` with the client bound; `generateCode` needs none. */
export type TwoFactorAuthFacade = BalenaSdk['twoFactorAuth'];
/** `balena.logs`: `@balena-ts/logs` with the client bound. */
export type LogsFacade = BalenaSdk['logs'];
/** `balena.settings`: the five settings functions of settings-node or settings-browser, client bound. */
export type SettingsFacade = BalenaSdk['settings'];
/** `balena.models`: the models of balena's Python SDK reference. */
export type ModelsFacade = BalenaSdk['models'];
/** `balena.models.application`. */
export type ApplicationFacade = ModelsFacade['application'];
/** `balena.models.apiKey`. */
export type ApiKeyFacade = ModelsFacade['apiKey'];
/** `balena.models.config`. */
export type ConfigFacade = ModelsFacade['config'];
/** `balena.models.configVariable`. */
export type ConfigVariableFacade = ModelsFacade['configVariable'];
/** `balena.models.device`; `generateUuid` and `isArchitectureCompatible` need no client. */
export type DeviceFacade = ModelsFacade['device'];
/** `balena.models.deviceOs`; `parseParams` needs no client. */
export type DeviceOsFacade = ModelsFacade['deviceOs'];
/** `balena.models.environmentVariables`. */
export type EnvironmentVariablesFacade = ModelsFacade['environmentVariables'];
/** `balena.models.image`. */
export type ImageFacade = ModelsFacade['image'];
/** `balena.models.release`. */
export type ReleaseFacade = ModelsFacade['release'];
/** `balena.models.service`. */
export type ServiceFacade = ModelsFacade['service'];
/** `balena.models.tag`. */
export type TagFacade = ModelsFacade['tag'];
/** `balena.models.key`. */
export type KeyFacade = ModelsFacade['key'];
/** `balena.models.supervisor`: `@balena-ts/supervisor` with the client bound. */
export type SupervisorFacade = ModelsFacade['supervisor'];
