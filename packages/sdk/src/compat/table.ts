// The ONE table of `@balena-ts/sdk/compat`: balena-sdk 23's tree, each function mapped to the
// module function that implements it (client bound), under its own name or through a tiny adapter
// where balena-sdk's name, argument order or options differ. Nothing is implemented here: adding a
// model is one line (`organization: compatModule(organization, same(organization, 'get', ...))`).
import * as auth from '@balena-ts/auth';
import * as twoFactor from '@balena-ts/auth/two-factor';
import { type Client, mergeOptions, type ODataOptions } from '@balena-ts/core';
import * as logs from '@balena-ts/logs';
import type { Application, Selected, TypedOptions } from '@balena-ts/models';
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
import type { SettingsFunctions } from '../describe-balena.js';
import { facadeValue } from '../facade.js';
import { subscribeEmitter } from './log-emitter.js';
import { adapt, compatModule, same } from './machinery.js';
import { compatPine } from './pine.js';
import { sendRequest, streamRequest } from './request-send.js';

/** balena-sdk takes an ISO string or epoch milliseconds; balena-ts a Date or epoch milliseconds. */
const toDate = (start: number | string): number | Date => (typeof start === 'string' ? new Date(start) : start);

/** balena-sdk's order of an application listing. */
const BY_NAME: ODataOptions = { $orderby: 'app_name asc' };

// balena-sdk's `context` of an application read: without it, reads reach public applications (the
// balenaOS host fleets) too; `'directly_accessible'` keeps to the fleets the user reaches directly,
// which is all balena-ts's getAll lists. Passed to `adapt` with their own type as its type argument:
// inferred against adapt's non-generic constraint, their options type parameter became `any`.
const getAllApplications = <const O extends TypedOptions<Application> = Record<never, never>>(
  client: Client,
  options?: O,
  context?: 'directly_accessible',
): Promise<Selected<Application, O>[]> =>
  context === 'directly_accessible'
    ? application.getAll(client, options)
    : client.pine.get({ resource: 'application', options: mergeOptions(BY_NAME, options) });

const getApplication = <const O extends TypedOptions<Application> = Record<never, never>>(
  client: Client,
  slugOrUuidOrId: number | string,
  options?: O,
  context?: 'directly_accessible',
): Promise<Selected<Application, O>> =>
  context === 'directly_accessible'
    ? application.getDirectlyAccessible(client, slugOrUuidOrId, options)
    : application.get(client, slugOrUuidOrId, options);

/** balena-sdk's `application.create` argument. */
export interface ApplicationCreation {
  /** The fleet's name. */
  name: string;
  /** The device type's slug. */
  deviceType: string;
  /** The organization's handle or id; default the user's own. */
  organization?: string | number;
  /** A uuid for the fleet. */
  uuid?: string;
  /** `'fleet'`, `'block'` or `'app'`. */
  applicationClass?: string;
}

/** balena-sdk's setting names (balena-settings-client's camelCase) to balena-ts's. */
const SETTING_NAMES: Readonly<Record<string, string>> = {
  balenaUrl: 'balena_host',
  apiUrl: 'api_endpoint',
  apiVersion: 'api_version',
  builderUrl: 'builder_url',
  dashboardUrl: 'dashboard_url',
  deviceUrlsBase: 'device_urls_base',
  dataDirectory: 'data_directory',
  cacheDirectory: 'cache_directory',
  imageCacheTime: 'image_cache_time',
  tokenRefreshInterval: 'token_refresh_interval',
  requestLimit: 'request_limit',
  requestLimitInterval: 'request_limit_interval',
  retryRateLimitedRequests: 'retry_rate_limited_request',
};
const SDK_SETTING_NAMES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(SETTING_NAMES).map(([sdkName, name]) => [name, sdkName]),
);

/** balena-sdk's `{ force }` option of reboot, shutdown and update. */
export type ForceOption = { force?: boolean } | undefined;
/** balena-sdk's `logs.history` / `logs.subscribe` options: lines of history, and from when. */
export type LogOptions = { count?: logs.LogCount; start?: number | string } | undefined;

/**
 * The compat tree, described once: the runtime object of `getSdk()` and its type come from it.
 *
 * @param settings - the platform's settings functions
 * @returns the descriptor
 * @example
 * ```ts
 * const sdk = bindCompat(client, describeCompat(PLATFORM.settings));
 * ```
 */
export function describeCompat(settings: SettingsFunctions) {
  return {
    auth: compatModule(
      auth,
      {
        ...same(auth, 'whoami', 'authenticate', 'login', 'loginWithToken', 'isLoggedIn', 'getToken'),
        ...same(auth, 'getActorId', 'getUserInfo', 'register', 'requestVerificationEmail', 'verifyEmail'),
        logout: 'logOut',
      },
      {
        twoFactor: compatModule(
          twoFactor,
          same(twoFactor, 'isEnabled', 'isPassed', 'getSetupKey', 'enable', 'verify', 'challenge', 'disable'),
        ),
      },
    ),
    logs: compatModule(logs, {
      subscribe: adapt((client: Client, uuidOrId: string, options?: LogOptions) =>
        subscribeEmitter(client, uuidOrId, options),
      ),
      history: adapt((client: Client, uuidOrId: string, options?: LogOptions) =>
        logs.history(
          client,
          uuidOrId,
          options?.count,
          options?.start === undefined ? {} : { start: toDate(options.start) },
        ),
      ),
    }),
    settings: compatModule(settings, {
      get: adapt((client: Client, key: string) => settings.get(client, SETTING_NAMES[key] ?? key)),
      getAll: adapt(async (client: Client) =>
        Object.fromEntries(
          Object.entries(await settings.getAll(client)).map(([name, value]) => [
            SDK_SETTING_NAMES[name] ?? name,
            value,
          ]),
        ),
      ),
    }),
    pine: facadeValue(compatPine),
    request: compatModule({ sendRequest, streamRequest }, { send: 'sendRequest', stream: 'streamRequest' }),
    utils: compatModule(
      {},
      {
        mergePineOptions: adapt(
          (_client: Client, ...args: Parameters<typeof mergeOptions>) => mergeOptions(...args),
          2,
        ),
      },
    ),
    models: {
      application: compatModule(
        application,
        {
          ...same(application, 'getDashboardUrl', 'getAllDirectlyAccessible', 'getAllByOrganization'),
          ...same(application, 'getDirectlyAccessible', 'getWithDeviceServiceDetails', 'getAppByName', 'has'),
          getAll: adapt<typeof getAllApplications>(getAllApplications),
          get: adapt<typeof getApplication>(getApplication),
          create: adapt(
            (client: Client, { name, uuid, applicationClass, deviceType, organization }: ApplicationCreation) =>
              application.create(client, name, deviceType, applicationClass, {
                ...(organization === undefined ? {} : { organization }),
                ...(uuid === undefined ? {} : { uuid }),
              }),
          ),
          ...same(application, 'hasAny', 'remove', 'rename', 'restart', 'generateProvisioningKey', 'purge'),
          ...same(application, 'shutdown', 'reboot', 'willTrackNewReleases', 'isTrackingLatestRelease'),
          ...same(application, 'pinToRelease', 'getTargetReleaseHash', 'trackLatestRelease', 'enableDeviceUrls'),
          ...same(application, 'disableDeviceUrls', 'grantSupportAccess', 'revokeSupportAccess'),
        },
        {
          tags: compatModule(applicationTag, same(applicationTag, 'getAllByApplication', 'set', 'remove')),
          configVar: compatModule(applicationConfigVariable, {
            ...same(applicationConfigVariable, 'getAllByApplication', 'get', 'set'),
            remove: adapt(applicationConfigVariable.remove, 2),
          }),
          envVar: compatModule(applicationEnvVariable, {
            ...same(applicationEnvVariable, 'getAllByApplication', 'get', 'set'),
            remove: adapt(applicationEnvVariable.remove, 2),
          }),
          buildVar: compatModule(applicationBuildVariable, {
            ...same(applicationBuildVariable, 'getAllByApplication', 'get', 'set'),
            remove: adapt(applicationBuildVariable.remove, 2),
          }),
          membership: compatModule(
            applicationMembership,
            same(applicationMembership, 'get', 'getAllByApplication', 'getAllByUser', 'create', 'changeRole', 'remove'),
          ),
          invite: compatModule(
            applicationInvite,
            same(applicationInvite, 'getAll', 'getAllByApplication', 'create', 'revoke', 'accept'),
          ),
        },
      ),
      device: compatModule(
        device,
        {
          ...same(device, 'getDashboardUrl', 'getAllByApplication', 'getAllByOrganization', 'get'),
          ...same(device, 'getWithServiceDetails', 'getByName', 'getName', 'getApplicationName', 'has', 'isOnline'),
          ...same(device, 'remove', 'rename', 'setNote', 'setCustomLocation', 'unsetCustomLocation', 'move'),
          ...same(device, 'identify', 'restartApplication', 'register', 'generateDeviceKey', 'hasDeviceUrl'),
          ...same(device, 'getDeviceUrl', 'enableDeviceUrl', 'disableDeviceUrl', 'getStatus', 'getProgress'),
          ...same(device, 'grantSupportAccess', 'revokeSupportAccess', 'isTrackingApplicationRelease'),
          ...same(device, 'getTargetReleaseHash', 'pinToRelease', 'trackApplicationRelease'),
          startOsUpdate: adapt(deviceOsUpdate.startOsUpdate, 2),
          pinToOsRelease: adapt(deviceOsUpdate.pinToOsRelease, 2),
          ...same(device, 'pinToSupervisorRelease', 'deactivate'),
          ...same(device, 'getMACAddresses', 'getMetrics', 'getSupervisorState', 'getSupervisorTargetState'),
          ...same(device, 'getSupervisorTargetStateForApp', 'enableLocalMode', 'disableLocalMode', 'isInLocalMode'),
          ...same(device, 'enableLockOverride', 'disableLockOverride', 'hasLockOverride'),
          getLocalModeSupport: adapt((_client: Client, row: Parameters<typeof device.getLocalModeSupport>[0]) =>
            device.getLocalModeSupport(row),
          ),
          getOsVersion: adapt((_client: Client, row: Parameters<typeof device.getOsVersion>[0]) =>
            device.getOsVersion(row),
          ),
          getLocalIPAddresses: 'getLocalIpAddress',
          generateUniqueKey: adapt((_client: Client) => device.generateUuid()),
          ping: adapt((client: Client, uuidOrId: string) => supervisor.ping(client, uuidOrId)),
          reboot: adapt((client: Client, uuidOrId: string, options?: ForceOption) =>
            supervisor.reboot(client, uuidOrId, undefined, options?.force),
          ),
          shutdown: adapt((client: Client, uuidOrId: string, options?: ForceOption) =>
            supervisor.shutdown(client, uuidOrId, undefined, options?.force),
          ),
          purge: adapt((client: Client, uuidOrId: string) => supervisor.purge(client, undefined, uuidOrId)),
          update: adapt((client: Client, uuidOrId: string, options?: ForceOption) =>
            supervisor.update(client, uuidOrId, undefined, options?.force),
          ),
          startService: adapt((client: Client, uuidOrId: string, imageId: number) =>
            supervisor.startService(client, uuidOrId, imageId),
          ),
          stopService: adapt((client: Client, uuidOrId: string, imageId: number) =>
            supervisor.stopService(client, uuidOrId, imageId),
          ),
          restartService: adapt((client: Client, uuidOrId: string, imageId: number) =>
            supervisor.restartService(client, uuidOrId, imageId),
          ),
        },
        {
          tags: compatModule(deviceTag, same(deviceTag, 'getAllByApplication', 'getAllByDevice', 'set', 'remove')),
          configVar: compatModule(deviceConfigVariable, {
            ...same(deviceConfigVariable, 'getAllByDevice', 'getAllByApplication', 'get', 'set'),
            remove: adapt(deviceConfigVariable.remove, 2),
          }),
          envVar: compatModule(deviceEnvVariable, {
            ...same(deviceEnvVariable, 'getAllByDevice', 'getAllByApplication', 'get', 'set'),
            remove: adapt(deviceEnvVariable.remove, 2),
          }),
          history: compatModule(deviceHistory, {
            getAllByDevice: adapt(deviceHistory.getAllByDevice, 1),
            getAllByApplication: adapt(deviceHistory.getAllByApplication, 1),
          }),
          serviceVar: compatModule(deviceServiceEnvVariable, {
            ...same(deviceServiceEnvVariable, 'getAllByDevice', 'getAllByApplication', 'get', 'set'),
            remove: adapt(deviceServiceEnvVariable.remove, 3),
          }),
        },
      ),
      apiKey: compatModule(apiKey, {
        ...same(apiKey, 'create', 'getAll', 'getAllNamedUserApiKeys', 'getProvisioningApiKeysByApplication'),
        ...same(apiKey, 'getDeviceApiKeysByDevice', 'update', 'revoke'),
      }),
      key: compatModule(key, { ...same(key, 'getAll', 'remove', 'create'), get: adapt(key.get, 1) }),
      os: compatModule(os, {
        ...same(os, 'download', 'getConfig', 'getAllOsVersions', 'getAvailableOsVersions', 'getMaxSatisfyingVersion'),
        ...same(os, 'getDownloadSize', 'isSupportedOsUpdate', 'getOsUpdateType', 'getSupportedOsUpdateVersions'),
        ...same(os, 'getSupervisorReleasesForCpuArchitecture'),
        // balena-ts's first architecture is the one that runs the other, as balena-sdk's osArchitecture.
        isArchitectureCompatibleWith: adapt(
          (_client: Client, osArchitecture: string, applicationArchitecture: string) =>
            device.isArchitectureCompatible(osArchitecture, applicationArchitecture),
        ),
      }),
      config: compatModule(
        config,
        same(
          config,
          'getAll',
          'getDeviceTypes',
          'getDeviceTypeManifestBySlug',
          'getConfigVarSchema',
          'getDeviceOptions',
        ),
      ),
      release: compatModule(
        release,
        {
          ...same(release, 'get', 'getAllByApplication', 'getLatestByApplication'),
          getWithImageDetails: adapt(release.getWithImageDetails, 1),
          ...same(release, 'finalize', 'setIsInvalidated', 'setNote', 'setKnownIssueList', 'createFromUrl'),
        },
        {
          tags: compatModule(releaseTag, same(releaseTag, 'getAllByApplication', 'getAllByRelease', 'set', 'remove')),
          asset: compatModule(
            releaseAsset,
            same(releaseAsset, 'getAllByRelease', 'get', 'download', 'upload', 'remove'),
          ),
        },
      ),
      service: compatModule(
        service,
        { getAllByApplication: adapt(service.getAllByApplication, 1) },
        {
          var: compatModule(serviceEnvVariable, {
            ...same(serviceEnvVariable, 'getAllByService', 'getAllByApplication', 'get', 'set'),
            remove: adapt(serviceEnvVariable.remove, 2),
          }),
        },
      ),
      image: compatModule(image, same(image, 'get', 'getLogs')),
      creditBundle: compatModule(creditBundle, same(creditBundle, 'getAllByOrg', 'create')),
      deviceType: compatModule(deviceType, {
        ...same(deviceType, 'get', 'getAll', 'getAllSupported', 'getBySlugOrName', 'getName', 'getSlugByName'),
        ...same(deviceType, 'getInterpolatedPartials', 'getInstructions', 'getInstallMethod'),
      }),
      organization: compatModule(organization, same(organization, 'create', 'getAll', 'get', 'remove'), {
        membership: compatModule(
          organizationMembership,
          same(organizationMembership, 'get', 'getAllByOrganization', 'getAllByUser', 'changeRole', 'remove'),
          {
            tags: compatModule(
              organizationMembershipTag,
              same(
                organizationMembershipTag,
                'getAllByOrganization',
                'getAllByOrganizationMembership',
                'set',
                'remove',
              ),
            ),
          },
        ),
        invite: compatModule(
          organizationInvite,
          same(organizationInvite, 'getAll', 'getAllByOrganization', 'create', 'revoke', 'accept'),
        ),
      }),
      team: compatModule(team, same(team, 'create', 'getAllByOrganization', 'get', 'rename', 'remove'), {
        applicationAccess: compatModule(
          teamApplicationAccess,
          same(teamApplicationAccess, 'getAllByTeam', 'get', 'add', 'update', 'remove'),
        ),
        membership: compatModule(
          teamMembership,
          same(teamMembership, 'get', 'getAllByTeam', 'getAllByUser', 'create', 'remove'),
        ),
      }),
      billing: compatModule(billing, {
        ...same(billing, 'getAccount', 'getPlan', 'getBillingInfo', 'createSetupIntent', 'updateBillingInfo'),
        ...same(billing, 'removeBillingInfo', 'updateAccountInfo', 'changePlan', 'getInvoices', 'downloadInvoice'),
      }),
    },
  } as const;
}
