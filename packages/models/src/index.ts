// balena-ts models: the v7 resource types. Each model's functions live on its own subpath
// (`@balena-ts/models/device`, `/application`, ...) so that a bundle keeps only what it imports.
export type { ApiKey } from './types/api-key.js';
export type { Application, ApplicationClass } from './types/application.js';
export type { CpuArchitecture } from './types/cpu-architecture.js';
export type { ApiHeartbeatState, Device, DeviceOverallStatus, ImageInstall } from './types/device.js';
export type { DeviceType, DeviceTypeManifest } from './types/device-type.js';
export type { Deferred, Navigation, OptionalNavigation, ReverseNavigation } from './types/navigation.js';
export type { FieldOf, Selected, TypedOptions } from './types/options.js';
export type { Organization } from './types/organization.js';
export type { ReleaseReference } from './types/release-reference.js';
export type { SshKey } from './types/ssh-key.js';
