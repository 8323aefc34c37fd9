// @balena-ts/models/organization: organizations (balena-sdk `balena.models.organization`).
export type { CreateOrganizationParams } from './organization/organization.js';
export { create, get, getAll, remove } from './organization/organization.js';
export type { FieldOf, Selected, TypedFilter, TypedOptions, TypedOrderBy } from './types/options.js';
export type { Organization } from './types/organization.js';
