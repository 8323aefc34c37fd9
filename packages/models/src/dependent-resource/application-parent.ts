import type { Client } from '@balena-ts/core';
import {
  type ApplicationIdentifier,
  checkApplicationIdentifier,
  getApplication,
  resolveApplicationId,
} from '../internal/application.js';
import type { ParentKind, ResolvedParent } from './parent-kind.js';

/** Applications as parents: a numeric id (used as given), a slug, a uuid or a name (looked up). */
export const applicationParent: ParentKind<ApplicationIdentifier> = {
  parameter: 'slugOrUuidOrIdOrName',
  async resolve(client: Client, application: ApplicationIdentifier): Promise<ResolvedParent> {
    const confirmed = typeof checkApplicationIdentifier(application) !== 'number';
    return { id: await resolveApplicationId(client, application), confirmed };
  },
  async confirm(client: Client, application: ApplicationIdentifier): Promise<void> {
    await getApplication(client, application, { $select: 'id' });
  },
};
