import * as auth from '@balena-ts/auth';
import * as twoFactor from '@balena-ts/auth/two-factor';
import { type Client, mergePineOptions, type RequestDefaults, withOptions } from '@balena-ts/core';
import type * as settingsModule from '@balena-ts/core/settings';
import * as logs from '@balena-ts/logs';
import * as apiKey from '@balena-ts/models/api-key';
import * as application from '@balena-ts/models/application';
import * as applicationBuildVariable from '@balena-ts/models/application-build-variable';
import * as applicationConfigVariable from '@balena-ts/models/application-config-variable';
import * as applicationEnvVariable from '@balena-ts/models/application-env-variable';
import * as applicationInvite from '@balena-ts/models/application-invite';
import * as applicationMembership from '@balena-ts/models/application-membership';
import * as applicationTag from '@balena-ts/models/application-tag';
import * as billing from '@balena-ts/models/billing';
import * as config from '@balena-ts/models/config';
import * as creditBundle from '@balena-ts/models/credit-bundle';
import * as device from '@balena-ts/models/device';
import * as deviceConfigVariable from '@balena-ts/models/device-config-variable';
import * as deviceEnvVariable from '@balena-ts/models/device-env-variable';
import * as deviceHistory from '@balena-ts/models/device-history';
import * as deviceOs from '@balena-ts/models/device-os';
import * as deviceOsUpdate from '@balena-ts/models/device-os-update';
import * as deviceServiceEnvVariable from '@balena-ts/models/device-service-env-variable';
import * as deviceTag from '@balena-ts/models/device-tag';
import * as deviceType from '@balena-ts/models/device-type';
import * as image from '@balena-ts/models/image';
import * as key from '@balena-ts/models/key';
import * as organization from '@balena-ts/models/organization';
import * as organizationInvite from '@balena-ts/models/organization-invite';
import * as organizationMembership from '@balena-ts/models/organization-membership';
import * as organizationMembershipTag from '@balena-ts/models/organization-membership-tag';
import * as os from '@balena-ts/models/os';
import * as release from '@balena-ts/models/release';
import * as releaseAsset from '@balena-ts/models/release-asset';
import * as releaseTag from '@balena-ts/models/release-tag';
import * as service from '@balena-ts/models/service';
import * as serviceEnvVariable from '@balena-ts/models/service-env-variable';
import * as team from '@balena-ts/models/team';
import * as teamApplicationAccess from '@balena-ts/models/team-application-access';
import * as teamMembership from '@balena-ts/models/team-membership';
import * as supervisor from '@balena-ts/supervisor';
import { bindFacade, facadeModule, facadeValue } from './facade.js';
import type { BalenaSdk } from './facade-types.js';

/** The five settings functions a platform provides (settings-node and settings-browser both re-export core's). */
export type SettingsFunctions = Pick<typeof settingsModule, 'get' | 'getAll' | 'has' | 'remove' | 'set'>;

/**
 * The tree of `new Balena()`, described once: the runtime object ({@link bindFacade}), its type
 * ({@link BalenaSdk}) and the facade's type test all come from it. Each path names its module
 * and, for every export that takes no client, whether the facade keeps it.
 *
 * @param settings - the platform's settings functions
 * @returns the descriptor
 * @example
 * ```ts
 * import { get, getAll, has, remove, set } from '@balena-ts/settings-node';
 * const balena = bindFacade(client, describeBalena({ get, getAll, has, remove, set }));
 * ```
 */
export function describeBalena(settings: SettingsFunctions) {
  const descriptor = {
    /** The core client every bound function receives: pass it to module functions. */
    client: facadeValue((client: Client): Client => client),
    /** The OData client (`client.pine`) for requests the models do not cover. */
    pine: facadeValue((client: Client): Client['pine'] => client.pine),
    /** The request function (`client.request`) for endpoints outside OData. */
    request: facadeValue((client: Client): Client['request'] => client.request),
    /**
     * The same tree bound to a client from core's `withOptions`: every call through it carries
     * the signal, timeout, retry count, deadline and headers given (`balena.withOptions({ signal }).models.device.get(uuid)`).
     * The deadline counts from this call and bounds all that follows through the tree: call it once per call.
     */
    withOptions: facadeValue(
      (client: Client) =>
        (defaults: RequestDefaults): BalenaSdk =>
          bindFacade(withOptions(client, defaults), descriptor),
    ),
    /** Login, logout, tokens and the current user (`@balena-ts/auth`). */
    auth: facadeModule(auth, {}),
    /** Two-factor authentication (`@balena-ts/auth/two-factor`); `generateCode` needs no client. */
    twoFactorAuth: facadeModule(twoFactor, { generateCode: true }),
    /** Device logs: history and live subscriptions (`@balena-ts/logs`). */
    logs: facadeModule(logs, { ndjsonTransport: false }),
    /** Settings, read from the platform's storage. */
    settings: facadeModule(settings, {}),
    /** Helpers for callers, as balena-sdk's `utils`: `mergePineOptions` (core's) needs no client. */
    utils: facadeModule({ mergePineOptions }, { mergePineOptions: true }),
    /** The models of balena's Python SDK reference (`@balena-ts/models` and `@balena-ts/supervisor`). */
    models: {
      /** Fleets; their members under `membership`, their invites under `invite`, their build variables under `buildVar`. */
      application: facadeModule(
        application,
        {},
        {
          /** Users' memberships of fleets, with roles (`@balena-ts/models/application-membership`). */
          membership: facadeModule(applicationMembership, {}),
          /** Invites of e-mail addresses to fleets (`@balena-ts/models/application-invite`). */
          invite: facadeModule(applicationInvite, {}),
          /** Build variables (`@balena-ts/models/application-build-variable`). */
          buildVar: facadeModule(applicationBuildVariable, {}),
        },
      ),
      /** API keys. */
      apiKey: facadeModule(apiKey, {}),
      /** An organization's plan, payment method and invoices (`@balena-ts/models/billing`). */
      billing: facadeModule(billing, {}),
      /** Credits an organization buys for a feature (`@balena-ts/models/credit-bundle`). */
      creditBundle: facadeModule(creditBundle, {}),
      /** The API's configuration and device types. */
      config: facadeModule(config, {}),
      /** Configuration variables of fleets and devices. */
      configVariable: {
        /** `@balena-ts/models/application-config-variable`. */
        applicationConfigVariable: facadeModule(applicationConfigVariable, {}),
        /** `@balena-ts/models/device-config-variable`. */
        deviceConfigVariable: facadeModule(deviceConfigVariable, { PartialWriteError: false }),
      },
      /**
       * Devices; `generateUuid`, `generateUniqueKey`, `isArchitectureCompatible`, `getOsVersion` and
       * `getLocalModeSupport` need no client. `device.history` is `@balena-ts/models/device-history`,
       * and `startOsUpdate`, `pinToOsRelease` and `waitForOsUpdate` are `@balena-ts/models/device-os-update`,
       * where balena-sdk has them.
       */
      device: facadeModule(
        { ...device, ...deviceOsUpdate },
        {
          generateUuid: true,
          isArchitectureCompatible: true,
          generateUniqueKey: true,
          getOsVersion: true,
          getLocalModeSupport: true,
          PartialWriteError: false,
        },
        { history: facadeModule(deviceHistory, {}) },
      ),
      /** Device types and their contracts (`@balena-ts/models/device-type`). */
      deviceType: facadeModule(deviceType, {}),
      /** balenaOS images and their configuration; `parseParams` needs no client. */
      deviceOs: facadeModule(deviceOs, { parseParams: true }),
      /** balenaOS versions, updates, images and config.json (`@balena-ts/models/os`); the version checks need no client. */
      os: facadeModule(os, { parseParams: true, isArchitectureCompatibleWith: true }),
      /** Environment variables of fleets, services, devices and device services. */
      environmentVariables: {
        /** `@balena-ts/models/application-env-variable`; `isSystemVariable` needs no client. */
        application: facadeModule(applicationEnvVariable, { isSystemVariable: true }),
        /** `@balena-ts/models/service-env-variable`. */
        serviceEnvironmentVariable: facadeModule(serviceEnvVariable, {}),
        /** `@balena-ts/models/device-env-variable`. */
        device: facadeModule(deviceEnvVariable, { PartialWriteError: false }),
        /** `@balena-ts/models/device-service-env-variable`. */
        deviceServiceEnvironmentVariable: facadeModule(deviceServiceEnvVariable, {}),
      },
      /** Release images. */
      image: facadeModule(image, {}),
      /** Releases, with their assets nested as in balena-sdk. */
      release: facadeModule(
        release,
        {},
        {
          /** `@balena-ts/models/release-asset`. */
          asset: facadeModule(releaseAsset, {}),
        },
      ),
      /** Services. */
      service: facadeModule(service, {}),
      /** Tags of devices, fleets and releases. */
      tag: {
        /** `@balena-ts/models/device-tag`. */
        device: facadeModule(deviceTag, { PartialWriteError: false }),
        /** `@balena-ts/models/application-tag`. */
        application: facadeModule(applicationTag, {}),
        /** `@balena-ts/models/release-tag`. */
        release: facadeModule(releaseTag, {}),
      },
      /** SSH keys. */
      key: facadeModule(key, {}),
      /** Teams of an organization, their members and their access to fleets. */
      team: facadeModule(
        team,
        {},
        {
          /** `@balena-ts/models/team-membership`. */
          membership: facadeModule(teamMembership, {}),
          /** `@balena-ts/models/team-application-access`. */
          applicationAccess: facadeModule(teamApplicationAccess, {}),
        },
      ),
      /** Organizations, with their memberships (and their tags) and invites nested as in balena-sdk. */
      organization: facadeModule(
        organization,
        {},
        {
          /** `@balena-ts/models/organization-membership`. */
          membership: facadeModule(
            organizationMembership,
            {},
            {
              /** `@balena-ts/models/organization-membership-tag`. */
              tags: facadeModule(organizationMembershipTag, {}),
            },
          ),
          /** `@balena-ts/models/organization-invite`. */
          invite: facadeModule(organizationInvite, {}),
        },
      ),
      /** Supervisor actions, through the API proxy or on the device. */
      supervisor: facadeModule(supervisor, {}),
    },
  } as const;
  return descriptor;
}

/** The descriptor of `new Balena()`'s tree (see {@link describeBalena}). */
export type BalenaDescriptor = ReturnType<typeof describeBalena>;
