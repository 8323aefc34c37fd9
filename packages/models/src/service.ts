// Services (balena Python SDK `balena.models.service`): the containers an application's releases define.

export type { ApplicationIdentifier } from './internal/application.js';
export type { ServiceIdentifier } from './internal/service.js';
export { getAllByApplication } from './service/get-all-by-application.js';
export type { Deferred, Navigation, ReverseNavigation } from './types/navigation.js';
export type { FieldOf, Selected, TypedFilter, TypedOptions, TypedOrderBy } from './types/options.js';
export type { ApplicationReference, DeviceReference } from './types/parent-reference.js';
export type { Service, ServiceInstall } from './types/service.js';
