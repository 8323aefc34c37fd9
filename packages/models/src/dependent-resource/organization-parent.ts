import { OrganizationMembershipNotFound, parseRowId } from '@balena-ts/core';
import { checkOrganizationArgument, resolveOrganizationId } from '../internal/organization.js';
import { getRow } from '../internal/rows.js';
import { lookedUpParent, type ParentKind } from './parent-kind.js';

/** Organizations as owners of membership tags: a numeric id (used as given) or a handle (looked up). */
export const organizationParent: ParentKind<string | number> = /* @__PURE__ */ lookedUpParent('handleOrId', {
  isId: (organization) => {
    checkOrganizationArgument(organization);
    return typeof organization === 'number';
  },
  resolveId: async (client, organization) =>
    typeof organization === 'number' ? organization : resolveOrganizationId(client, organization),
  get: resolveOrganizationId,
});

/** Organization memberships as parents of membership tags: always a numeric id, as balena's SDK takes. */
export const organizationMembershipParent: ParentKind<number> = {
  parameter: 'membershipId',
  async resolve(_client, membership) {
    return { id: parseRowId(membership, 'membershipId'), confirmed: false };
  },
  async confirm(client, membership) {
    const id = parseRowId(membership, 'membershipId');
    await getRow(
      client,
      'organization_membership',
      id,
      { $select: 'id' },
      () => new OrganizationMembershipNotFound(id),
    );
  },
};
