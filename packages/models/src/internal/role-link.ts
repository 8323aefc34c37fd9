import type { Client, ResourceId } from '@balena-ts/core';
import type { ParentLink } from './parent-link.js';
import { checkRoleName, getRoleId, type RoleKind } from './role.js';
import { postLinked } from './rows.js';

// The rows that give a user or a team a role on an organization or a fleet (memberships, invites,
// team access) are written the same way: created linked to their parent and to a role found by
// name, and changed by pointing them at another role.

/** Rows that give a user or a team a role on their parent (an organization or a fleet). */
export interface RoleLink extends ParentLink {
  /** The kind of role the rows carry. */
  readonly role: RoleKind;
}

/**
 * Creates a row linked to its parent and to a role found by name. The parent's lookup and the
 * role's run together; without a role name the link is left for balena to default (developer for
 * fleets, member for organizations).
 *
 * @typeParam T - the created row's shape
 * @param client - the client
 * @param links - the rows: their resource, parent field and kind of role
 * @param fields - the row's own fields
 * @param parentId - the lookup of the parent's id, started by the caller once its arguments are checked
 * @param roleName - the role's name, checked by the caller with its other arguments; `undefined` for balena's default
 * @returns the created row
 * @throws the parent's not-found error, or the role's, before anything is created
 * @example
 * ```ts
 * const access = await postWithRole<TeamApplicationAccess>(client, ACCESSES, { team: 5 }, fetchApplicationId(client, 'myorg/myfleet'), 'operator');
 * ```
 */
export async function postWithRole<T>(
  client: Client,
  links: RoleLink,
  fields: Record<string, unknown>,
  parentId: Promise<number>,
  roleName: string | undefined,
): Promise<T> {
  const { resource, parentField, role } = links;
  return postLinked<T>(client, resource, fields, {
    [parentField]: parentId,
    [role.resource]: roleName === undefined ? undefined : getRoleId(client, role, roleName),
  });
}

/**
 * Gives a row another role: the name is checked before any request, then the role is looked up,
 * then the row points at it.
 *
 * @param client - the client
 * @param links - the rows: their resource and kind of role
 * @param id - the row's key, already checked
 * @param roleName - the new role's name, as given
 * @returns resolves once the row is changed
 * @throws {@link @balena-ts/core#InvalidParameter} (`roleName`) for anything but a non-empty string, before any request
 * @throws the role's not-found error when no role has that name
 * @example
 * ```ts
 * await patchRole(client, ACCESSES, 3, 'developer');
 * ```
 */
export async function patchRole(client: Client, links: RoleLink, id: ResourceId, roleName: unknown): Promise<void> {
  checkRoleName(links.role, roleName, 'roleName');
  const roleId = await getRoleId(client, links.role, roleName);
  await client.pine.patch({ resource: links.resource, id, body: { [links.role.resource]: roleId } });
}
