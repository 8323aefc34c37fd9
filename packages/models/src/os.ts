// @balena-ts/models/os: balenaOS versions, updates, images and config.json (the official SDK's
// `models.os`). `@balena-ts/models/device-os` keeps the older names on the same implementation.
export type { OsImageDownload } from './device-os/download.js';
export { download } from './device-os/download.js';
export type { OsConfig, OsConfigOptions } from './device-os/get-config.js';
export { getConfig } from './device-os/get-config.js';
export type { NetworkType, OsParams, ParsedOsParams } from './device-os/parse-params.js';
export { NETWORK_TYPES, parseParams } from './device-os/parse-params.js';
export type { ApplicationIdentifier } from './internal/application.js';
export type { DownloadOptions, DownloadProgress } from './internal/download-progress.js';
export type { OsUpdateType } from './internal/os-update-rules.js';
export { isArchitectureCompatibleWith } from './os/architecture.js';
export { getDownloadSize } from './os/download-size.js';
export { getOsUpdateType, isSupportedOsUpdate } from './os/os-update.js';
export type { AvailableOsVersionsOptions, OsLine, OsType, OsVersion } from './os/os-versions.js';
export { getAllOsVersions, getAvailableOsVersions, OS_TYPES } from './os/os-versions.js';
export type { SupervisorRelease } from './os/supervisor-releases.js';
export { getSupervisorReleasesForCpuArchitecture } from './os/supervisor-releases.js';
export type { OsUpdateVersions, SupportedOsUpdateVersionsOptions } from './os/update-targets.js';
export { getMaxSatisfyingVersion, getSupportedOsUpdateVersions } from './os/update-targets.js';
