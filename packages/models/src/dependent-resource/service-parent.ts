import type { Client } from '@balena-ts/core';
import { checkServiceIdentifier, confirmService, findServiceId, type ServiceIdentifier } from '../internal/service.js';
import type { ParentKind, ResolvedParent } from './parent-kind.js';

/** Services as parents: an id (used as given) or `{ application, service_name }` (looked up). */
export const serviceParent: ParentKind<ServiceIdentifier> = {
  parameter: 'serviceIdOrNaturalKey',
  async resolve(client: Client, service: ServiceIdentifier): Promise<ResolvedParent> {
    const checked = checkServiceIdentifier(service);
    if (typeof checked === 'number') return { id: checked, confirmed: false };
    return { id: await findServiceId(client, checked), confirmed: true };
  },
  async confirm(client: Client, service: ServiceIdentifier): Promise<void> {
    const checked = checkServiceIdentifier(service);
    if (typeof checked === 'number') await confirmService(client, checked);
    else await findServiceId(client, checked);
  },
};
