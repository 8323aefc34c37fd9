// @balena-ts/models/config: the deployment's public configuration and device-type manifests.
export type { ConfigVarSchema } from './config/config-var-schema.js';
export { getConfigVarSchema } from './config/config-var-schema.js';
export type { DeviceTypeOption } from './config/device-options.js';
export { getDeviceOptions } from './config/device-options.js';
export { getDeviceTypeManifest, getDeviceTypeManifestBySlug, getDeviceTypes } from './config/device-types.js';
export type { DeploymentConfig } from './config/get-all.js';
export { getAll } from './config/get-all.js';
export type { DeviceTypeManifest } from './types/device-type.js';
