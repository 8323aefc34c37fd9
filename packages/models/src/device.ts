// @balena-ts/models/device: devices. Every function takes the client first; writes accept an id,
// a full uuid, or an array of either and run as one request per chunk of devices.

export type { SupervisorActionResult, SupervisorDeviceState } from '@balena-ts/supervisor';
export { deactivate } from './device/deactivate.js';
export type { DeviceListOptions } from './device/device-list.js';
export { streamAll, streamAllByApplication, streamAllByOrganization } from './device/device-list.js';
export {
  getDeviceSlug,
  getDisplayName,
  getManifestByApplication,
  getManifestBySlug,
  getSupportedDeviceTypes,
} from './device/device-types.js';
export { get, getApplicationName, getByName, getName, has } from './device/get.js';
export { getAll, getAllByApplication, getAllByApplicationId, getAllByOrganization } from './device/get-all.js';
export type { DeviceMetrics } from './device/hardware.js';
export { getLocalIPAddresses, getMACAddresses, getMetrics } from './device/hardware.js';
export { generateDeviceKey, generateUniqueKey, generateUuid } from './device/keys.js';
export type { LocalModeDeviceFields, LocalModeSupport } from './device/local-mode.js';
export { disableLocalMode, enableLocalMode, getLocalModeSupport, isInLocalMode } from './device/local-mode.js';
export { disableLockOverride, enableLockOverride, hasLockOverride } from './device/lock-override.js';
export { move } from './device/move.js';
export type { OsVersionDeviceFields } from './device/os-version.js';
export { getOsVersion } from './device/os-version.js';
export type { DeviceRegistration } from './device/register.js';
export { register } from './device/register.js';
export {
  getTargetReleaseHash,
  isTrackingApplicationRelease,
  pinToRelease,
  setToRelease,
  trackApplicationRelease,
} from './device/release.js';
export { getWithServiceDetails } from './device/service-details.js';
export { getLocalIpAddress, getProgress, getStatus, hasDeviceUrl, isOnline } from './device/status.js';
export { identify } from './device/supervisor.js';
export type { SupervisorForceOptions } from './device/supervisor-actions.js';
export {
  ping,
  purge,
  reboot,
  restart,
  restartApplication,
  restartService,
  shutdown,
  startService,
  stopService,
} from './device/supervisor-actions.js';
export { pinToSupervisorRelease } from './device/supervisor-release.js';
export type { SupervisorTargetState } from './device/supervisor-state.js';
export {
  getSupervisorState,
  getSupervisorTargetState,
  getSupervisorTargetStateForApp,
} from './device/supervisor-state.js';
export { disableDeviceUrl, enableDeviceUrl, getDashboardUrl, getDeviceUrl } from './device/urls.js';
export type { CustomLocation } from './device/writes.js';
export {
  grantSupportAccess,
  note,
  remove,
  rename,
  revokeSupportAccess,
  setCustomLocation,
  setNote,
  unsetCustomLocation,
} from './device/writes.js';
export type { ApplicationIdentifier } from './internal/application.js';
export { isArchitectureCompatible } from './internal/architecture.js';
export type { DeviceIdentifier } from './internal/device.js';
export type { DeviceSelector } from './internal/device-batch.js';
export { MAX_URL_LENGTH } from './internal/device-batch.js';
export { PartialWriteError, type WriteFailure } from './internal/partial-write-error.js';
export type { CurrentService, DeviceWithServiceDetails } from './internal/service-details.js';
export type { Application, ApplicationClass } from './types/application.js';
export type { CpuArchitecture } from './types/cpu-architecture.js';
export type { ApiHeartbeatState, Device, DeviceOverallStatus, ImageInstall } from './types/device.js';
export type { DeviceType, DeviceTypeManifest } from './types/device-type.js';
export type { Deferred, Navigation, OptionalNavigation, ReverseNavigation } from './types/navigation.js';
export type { FieldOf, Selected, TypedFilter, TypedOptions, TypedOrderBy } from './types/options.js';
export type { Organization } from './types/organization.js';
export type { ReleaseReference } from './types/release-reference.js';
