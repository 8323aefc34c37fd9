import { type Client, type ODataOptions, parseRowId } from '@balena-ts/core';
import { checkODataOptions } from './odata-options.js';
import type { ParentLink } from './parent-link.js';
import type { RoleLink } from './role-link.js';
import { getRow } from './rows.js';

/** The memberships of users in something (a fleet, an organization), with the role each gives. */
export interface MembershipResource extends RoleLink {
  /** The model's error when the caller sees no membership with the key given. */
  readonly NotFound: new (
    membership: string | number,
  ) => Error;
}

/**
 * A membership's key once checked: its id, or the ids of the user and of what the user is a member of
 * (`{ user, is_member_of__organization }`), as core's OData client writes them in the URL.
 */
export type MembershipKey = number | Readonly<Record<string, number>>;

/**
 * Checks a membership given by id or by its natural key `{ user, <parentField> }` (balena-sdk takes
 * both) and turns it into the key core's OData client writes in the URL. Each id of a natural key is
 * reported under its own name, e.g. `membershipId.user`.
 *
 * @param membership - the membership as given
 * @param parameterName - the parameter name an error reports
 * @param memberships - the memberships' resource and their field that links them to what the user is a member of
 * @returns the id, or the natural key with both ids checked (the user first)
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed id, before any request
 * @example
 * ```ts
 * parseMembershipKey({ user: 5, is_member_of__application: 9 }, 'membershipId', MEMBERSHIPS);
 * ```
 */
export function parseMembershipKey(membership: unknown, parameterName: string, memberships: ParentLink): MembershipKey {
  const { parentField } = memberships;
  if (membership !== null && typeof membership === 'object' && !Array.isArray(membership)) {
    const given = membership as Record<string, unknown>;
    return {
      user: parseRowId(given.user, `${parameterName}.user`),
      [parentField]: parseRowId(given[parentField], `${parameterName}.${parentField}`),
    };
  }
  return parseRowId(membership, parameterName);
}

/**
 * Reads one membership by its checked key; no row is the model's not-found error, which names the
 * key (`user=5,is_member_of__organization=9` for a natural key).
 *
 * @typeParam T - the row's shape
 * @param client - the client
 * @param memberships - the memberships: their resource and not-found error
 * @param key - the key from {@link parseMembershipKey}
 * @param options - the caller's OData options
 * @returns the membership
 * @throws {@link @balena-ts/core#InvalidParameter} (`options`) for options that are not OData options, before any request
 * @throws the memberships' not-found error when the caller sees no such membership
 * @example
 * ```ts
 * const membership = await getMembership(client, MEMBERSHIPS, 17, undefined);
 * ```
 */
export async function getMembership<T>(
  client: Client,
  memberships: MembershipResource,
  key: MembershipKey,
  options: ODataOptions | null | undefined,
): Promise<T> {
  // The key is spelled out only when no row matches.
  const notFound = (): Error =>
    new memberships.NotFound(
      typeof key === 'number'
        ? key
        : Object.entries(key)
            .map(([field, id]) => `${field}=${id}`)
            .join(','),
    );
  return getRow<T>(client, memberships.resource, key, checkODataOptions(options), notFound);
}
