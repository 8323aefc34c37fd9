// @balena-ts/models/device-os-update: updating a device's balenaOS (the official SDK's
// `device.startOsUpdate` and `device.pinToOsRelease`) and following the update to its end. A subpath
// of its own because its version rules use semver's range parser (CommonJS, which a bundler keeps
// once imported: 20 KB of this entry's 70 KB minified): `@balena-ts/models/device` stays small. The facade and
// `@balena-ts/sdk/compat` place these functions under `device` as balena-sdk does.
export type { OsUpdateActionResult, StartOsUpdateOptions } from './device-os-update/start.js';
export { pinToOsRelease, startOsUpdate } from './device-os-update/start.js';
export type { OsUpdateOutcome, OsUpdateProgress, WaitForOsUpdateOptions } from './device-os-update/wait.js';
export { waitForOsUpdate } from './device-os-update/wait.js';
export type { DeviceIdentifier } from './internal/device.js';
export type { DeviceSelector } from './internal/device-batch.js';
