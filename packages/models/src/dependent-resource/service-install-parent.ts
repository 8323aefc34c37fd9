import type { Client } from '@balena-ts/core';
import { type DeviceServiceIdentifier, resolveServiceInstallId } from '../internal/service-install.js';
import type { ParentKind, ResolvedParent } from './parent-kind.js';

/** Service installs as parents: always looked up from a device and a service name or id. */
export const serviceInstallParent: ParentKind<DeviceServiceIdentifier> = {
  parameter: 'serviceNameOrId',
  async resolve(client: Client, target: DeviceServiceIdentifier): Promise<ResolvedParent> {
    return { id: await resolveServiceInstallId(client, target), confirmed: true };
  },
  async confirm(client: Client, target: DeviceServiceIdentifier): Promise<void> {
    await resolveServiceInstallId(client, target);
  },
};
