// @balena-ts/models/device-os: balenaOS images and their config.json.
export type { OsImageDownload } from './device-os/download.js';
export { download } from './device-os/download.js';
export type { OsConfig, OsConfigOptions } from './device-os/get-config.js';
export { getConfig } from './device-os/get-config.js';
export type { NetworkType, OsParams, ParsedOsParams } from './device-os/parse-params.js';
export { NETWORK_TYPES, parseParams } from './device-os/parse-params.js';
export type { ApplicationIdentifier } from './internal/application.js';
export type { DownloadOptions, DownloadProgress } from './internal/download-progress.js';
