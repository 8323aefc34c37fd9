// balena-ts models: the v7 resource types. Each model's functions live on its own subpath
// (`@balena-ts/models/device`, `/application`, ...) so that a bundle keeps only what it imports.

export type { ApiKey } from './types/api-key.js';
export type { Application, ApplicationClass } from './types/application.js';
export type { CpuArchitecture } from './types/cpu-architecture.js';
export type { CreditBundle, CreditBundlePaymentStatus, Feature } from './types/credit-bundle.js';
export type { ApiHeartbeatState, Device, DeviceOverallStatus, ImageInstall } from './types/device.js';
export type { DeviceType, DeviceTypeManifest } from './types/device-type.js';
export type { Image, ImageStatus } from './types/image.js';
export type { Deferred, Navigation, OptionalNavigation, ReverseNavigation } from './types/navigation.js';
export type { FieldOf, Selected, TypedFilter, TypedOptions, TypedOrderBy } from './types/options.js';
export type { Organization } from './types/organization.js';
export type { ApplicationReference, DeviceReference } from './types/parent-reference.js';
export type {
  Release,
  ReleaseIdentifier,
  ReleaseImage,
  ReleaseImageDetails,
  ReleaseStatus,
  ReleaseWithImageDetails,
} from './types/release.js';
export type { ReleaseReference } from './types/release-reference.js';
export type { Service, ServiceInstall } from './types/service.js';
export type { SshKey } from './types/ssh-key.js';
export type { ApplicationTag, DeviceTag, ReleaseTag, TagFields } from './types/tag.js';
export type {
  ApplicationConfigVariable,
  ApplicationEnvironmentVariable,
  DeviceConfigVariable,
  DeviceEnvironmentVariable,
  DeviceServiceEnvironmentVariable,
  ServiceEnvironmentVariable,
  VariableFields,
} from './types/variable.js';
