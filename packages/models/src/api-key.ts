// @balena-ts/models/api-key: the user's API keys.
export type { ApiKeyInfo, CreateApiKeyParams } from './api-key/api-key.js';
export { create, createApiKey, getAll, getAllNamedUserApiKeys, revoke, update } from './api-key/api-key.js';
export { getDeviceApiKeysByDevice, getProvisioningApiKeysByApplication } from './api-key/by-owner.js';
export type { ApplicationIdentifier } from './internal/application.js';
export type { DeviceIdentifier } from './internal/device.js';
export type { ApiKey } from './types/api-key.js';
export type { FieldOf, Selected, TypedFilter, TypedOptions, TypedOrderBy } from './types/options.js';
