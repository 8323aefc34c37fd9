// @balena-ts/models/device-type: device types and their contracts (balena-sdk's `deviceType`).
export { get, getAll, getAllSupported, getBySlugOrName, getName, getSlugByName } from './device-type/get.js';
export { getInstallMethod, getInstructions, getInterpolatedPartials } from './device-type/instructions.js';
export type { Contract, ContractPartials, DeviceTypeInstructions } from './types/contract.js';
export type { CpuArchitecture } from './types/cpu-architecture.js';
export type { DeviceType } from './types/device-type.js';
export type { Deferred, Navigation, ReverseNavigation } from './types/navigation.js';
export type { FieldOf, Selected, TypedFilter, TypedOptions, TypedOrderBy } from './types/options.js';
