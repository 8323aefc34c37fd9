// @balena-ts/models/application: applications (fleets). Every function takes the client first.
export type { CreateApplicationOptions } from './application/create.js';
export { create } from './application/create.js';
export { getDashboardUrl } from './application/dashboard-url.js';
export { disableDeviceUrls, enableDeviceUrls } from './application/device-urls.js';
export { getAllDirectlyAccessible, getDirectlyAccessible } from './application/directly-accessible.js';
export type { FleetPowerOptions } from './application/fleet-actions.js';
export { purge, reboot, shutdown } from './application/fleet-actions.js';
export { get, getById } from './application/get.js';
export { getAll, getAllByOrganization, hasAny } from './application/get-all.js';
export { getAppByName } from './application/get-app-by-name.js';
export { getConfig } from './application/get-config.js';
export type { ApplicationWithDeviceServiceDetails } from './application/get-with-device-service-details.js';
export { getWithDeviceServiceDetails } from './application/get-with-device-service-details.js';
export { has } from './application/has.js';
export type { ProvisioningKeyOptions } from './application/provisioning-key.js';
export { generateProvisioningKey } from './application/provisioning-key.js';
export {
  disableRollingUpdates,
  enableRollingUpdates,
  getTargetReleaseHash,
  isTrackingLatestRelease,
  pinToRelease,
  setToRelease,
  trackLatestRelease,
} from './application/release-tracking.js';
export { remove } from './application/remove.js';
export { rename } from './application/rename.js';
export { restart } from './application/restart.js';
export { grantSupportAccess, revokeSupportAccess } from './application/support-access.js';
export { willTrackNewReleases } from './application/will-track-new-releases.js';
export type { OsConfig, OsConfigOptions } from './device-os/get-config.js';
export type { ApplicationIdentifier } from './internal/application.js';
export type { CurrentService, DeviceWithServiceDetails } from './internal/service-details.js';
export type { Application, ApplicationClass } from './types/application.js';
export type { CpuArchitecture } from './types/cpu-architecture.js';
export type { ApiHeartbeatState, Device, DeviceOverallStatus, ImageInstall } from './types/device.js';
export type { DeviceType } from './types/device-type.js';
export type { Deferred, Navigation, OptionalNavigation, ReverseNavigation } from './types/navigation.js';
export type { FieldOf, Selected, TypedFilter, TypedOptions, TypedOrderBy } from './types/options.js';
export type { Organization } from './types/organization.js';
export type { ReleaseReference } from './types/release-reference.js';
