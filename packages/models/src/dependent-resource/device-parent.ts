import { type DeviceIdentifier, deviceKey, getDevice, resolveDeviceId } from '../internal/device.js';
import { lookedUpParent, type ParentKind } from './parent-kind.js';

/** Devices as parents: an id (used as given) or a full uuid (looked up). */
export const deviceParent: ParentKind<DeviceIdentifier> = /* @__PURE__ */ lookedUpParent('uuidOrId', {
  isId: (uuidOrId) => typeof deviceKey(uuidOrId) === 'number',
  resolveId: resolveDeviceId,
  get: getDevice,
});
