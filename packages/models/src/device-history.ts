// @balena-ts/models/device-history: what state devices were in, and when (balena-sdk's `device.history`).
export type { DeviceHistoryDateFilter } from './device-history/get-all.js';
export { getAllByApplication, getAllByDevice } from './device-history/get-all.js';
export type { ApplicationIdentifier } from './internal/application.js';
export type { DeviceIdentifier } from './internal/device.js';
export type { DeviceHistory, LinkedRow } from './types/device-history.js';
export type { Deferred, Navigation, OptionalNavigation } from './types/navigation.js';
export type { FieldOf, Selected, TypedFilter, TypedOptions, TypedOrderBy } from './types/options.js';
