import * as auth from '@balena-ts/auth';
import * as twoFactor from '@balena-ts/auth/two-factor';
import { type ClientOptions, createClient } from '@balena-ts/core';
import type * as settingsModule from '@balena-ts/core/settings';
import * as logs from '@balena-ts/logs';
import * as apiKey from '@balena-ts/models/api-key';
import * as application from '@balena-ts/models/application';
import * as applicationConfigVariable from '@balena-ts/models/application-config-variable';
import * as applicationEnvVariable from '@balena-ts/models/application-env-variable';
import * as applicationTag from '@balena-ts/models/application-tag';
import * as config from '@balena-ts/models/config';
import * as device from '@balena-ts/models/device';
import * as deviceConfigVariable from '@balena-ts/models/device-config-variable';
import * as deviceEnvVariable from '@balena-ts/models/device-env-variable';
import * as deviceOs from '@balena-ts/models/device-os';
import * as deviceServiceEnvVariable from '@balena-ts/models/device-service-env-variable';
import * as deviceTag from '@balena-ts/models/device-tag';
import * as image from '@balena-ts/models/image';
import * as key from '@balena-ts/models/key';
import * as release from '@balena-ts/models/release';
import * as releaseTag from '@balena-ts/models/release-tag';
import * as service from '@balena-ts/models/service';
import * as serviceEnvVariable from '@balena-ts/models/service-env-variable';
import * as supervisor from '@balena-ts/supervisor';
import { bind } from './bind.js';
import type { BalenaOptions, BalenaSdk } from './facade-types.js';

/**
 * What differs between Node and browsers: where settings and the token live. settings-node and
 * settings-browser both provide it.
 */
export interface Platform {
  /** Completes the caller's options with the platform's settings and storage. */
  readonly resolveClientOptions: (options: ClientOptions) => ClientOptions;
  /** The five settings functions, client first. */
  readonly settings: Pick<typeof settingsModule, 'get' | 'getAll' | 'has' | 'remove' | 'set'>;
}

/**
 * Builds the facade tree: one client from the platform-completed options, and every module
 * namespace bound to it. No other logic lives here.
 *
 * @param platform - settings-node's or settings-browser's pieces
 * @param options - the caller's options
 * @returns the facade as a frozen plain object
 * @throws {@link @balena-ts/core#InvalidOption} when the options or the platform's settings are invalid
 * @example
 * ```ts
 * import { get, getAll, has, remove, resolveClientOptions, set } from '@balena-ts/settings-node';
 * const balena = createBalena({ resolveClientOptions, settings: { get, getAll, has, remove, set } }, {});
 * ```
 */
export function createBalena(platform: Platform, options: BalenaOptions): BalenaSdk {
  const client = createClient(platform.resolveClientOptions(options));
  return Object.freeze({
    client,
    pine: client.pine,
    request: client.request,
    auth: bind(client, auth, {}),
    twoFactorAuth: bind(client, twoFactor, { generateCode: true }),
    logs: bind(client, logs, { ndjsonTransport: false }),
    settings: bind(client, platform.settings, {}),
    models: Object.freeze({
      application: bind(client, application, {}),
      apiKey: bind(client, apiKey, {}),
      config: bind(client, config, {}),
      configVariable: Object.freeze({
        applicationConfigVariable: bind(client, applicationConfigVariable, {}),
        deviceConfigVariable: bind(client, deviceConfigVariable, { PartialWriteError: false }),
      }),
      device: bind(client, device, { generateUuid: true, isArchitectureCompatible: true }),
      deviceOs: bind(client, deviceOs, { parseParams: true }),
      environmentVariables: Object.freeze({
        application: bind(client, applicationEnvVariable, { isSystemVariable: true }),
        serviceEnvironmentVariable: bind(client, serviceEnvVariable, {}),
        device: bind(client, deviceEnvVariable, { PartialWriteError: false }),
        deviceServiceEnvironmentVariable: bind(client, deviceServiceEnvVariable, {}),
      }),
      image: bind(client, image, {}),
      release: bind(client, release, {}),
      service: bind(client, service, {}),
      tag: Object.freeze({
        device: bind(client, deviceTag, { PartialWriteError: false }),
        application: bind(client, applicationTag, {}),
        release: bind(client, releaseTag, {}),
      }),
      key: bind(client, key, {}),
      supervisor: bind(client, supervisor, {}),
    }),
  });
}
