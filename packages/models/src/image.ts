// Images (balena Python SDK `balena.models.image`): the container images built for a release's services.
export { get, getLog, getLogs, IMAGE_DEFAULT_FIELDS } from './image/image.js';
export type { Image, ImageStatus } from './types/image.js';
export type { Deferred, Navigation } from './types/navigation.js';
export type { FieldOf, Selected, TypedFilter, TypedOptions, TypedOrderBy } from './types/options.js';
export type { ApplicationReference } from './types/parent-reference.js';
export type { Service } from './types/service.js';
