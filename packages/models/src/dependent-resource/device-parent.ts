import type { Client } from '@balena-ts/core';
import { type DeviceIdentifier, deviceKey, getDevice, resolveDeviceId } from '../internal/device.js';
import type { ParentKind, ResolvedParent } from './parent-kind.js';

/** Devices as parents: a numeric id (used as given) or a full uuid (looked up). */
export const deviceParent: ParentKind<DeviceIdentifier> = {
  parameter: 'uuidOrId',
  async resolve(client: Client, uuidOrId: DeviceIdentifier): Promise<ResolvedParent> {
    const confirmed = typeof deviceKey(uuidOrId) !== 'number';
    return { id: await resolveDeviceId(client, uuidOrId), confirmed };
  },
  async confirm(client: Client, uuidOrId: DeviceIdentifier): Promise<void> {
    await getDevice(client, uuidOrId, { $select: 'id' });
  },
};
