import {
  type Client,
  createClient,
  InvalidParameter,
  NotLoggedIn,
  OrganizationMembershipNotFound,
  OrganizationMembershipRoleNotFound,
  OrganizationNotFound,
  RequestError,
} from '@balena-ts/core';
import * as organization from '@balena-ts/models/organization';
import * as membership from '@balena-ts/models/organization-membership';
import type { SandboxUser } from '@balena-ts/sandbox';
import { describe, expect, it } from 'vitest';
import { uniqueName, useTestContext } from './helpers/sandbox.js';

const context = useTestContext();

const LAST_ADMINISTRATOR_RULE =
  'It is necessary that each organization that is active, includes at least one organization membership that has an organization membership role that has a name (Auth) that is equal to "administrator".';

async function clientOf(user: SandboxUser): Promise<Client> {
  const client = createClient({ apiUrl: context.sandbox.url, retry: false });
  await client.tokens.set(user.token);
  return client;
}

/** A fresh user with a client, and an organization they created (so they administer it). */
async function givenAdministrator() {
  const user = await context.sandbox.createUser({ username: uniqueName('owner').replaceAll('-', '_') });
  const client = await clientOf(user);
  const org = await organization.create(client, { name: uniqueName('Org') });
  return { user, client, org };
}

async function roleOf(client: Client, key: membership.OrganizationMembershipKey): Promise<string> {
  const row = await membership.get(client, key, { $expand: { organization_membership_role: { $select: 'name' } } });
  const role = row.organization_membership_role as { name: string }[];
  return role[0]?.name ?? '';
}

describe('organization', () => {
  it('creates an organization (handle derived from the name), gets it by id and handle, lists it, removes it', async () => {
    const { user, client, org } = await givenAdministrator();
    expect(org).toMatchObject({ name: expect.any(String), handle: expect.any(String), id: expect.any(Number) });
    // A second one of the same name gets another handle rather than a refusal.
    const twin = await organization.create(client, { name: org.name });
    expect(twin.handle).not.toBe(org.handle);

    expect(await organization.get(client, org.id, { $select: ['handle'] })).toEqual({ handle: org.handle });
    expect((await organization.get(client, org.handle)).id).toBe(org.id);
    const all = await organization.getAll(client, { $select: ['handle'] });
    expect(all.map((row) => row.handle).sort()).toEqual([org.handle, twin.handle, user.username].sort());

    // Its creator administers it.
    expect(await roleOf(client, { user: user.id, is_member_of__organization: org.id })).toBe('administrator');

    await organization.remove(client, org.handle);
    await expect(organization.get(client, org.id)).rejects.toBeInstanceOf(OrganizationNotFound);
    await expect(organization.remove(client, org.handle)).rejects.toThrow(`Organization not found: ${org.handle}`);
    await organization.remove(client, twin.id);
    expect((await organization.getAll(client)).map((row) => row.handle)).toEqual([user.username]);
  });

  it('lists organizations by name', async () => {
    const { client } = await givenAdministrator();
    // Created out of order, and with handles in the opposite order to their names.
    await organization.create(client, { name: 'Zeta', handle: uniqueName('a-zeta') });
    await organization.create(client, { name: 'Alpha', handle: uniqueName('z-alpha') });
    const names = (await organization.getAll(client, { $select: ['name'] })).map((row) => row.name);
    expect(names).toEqual([...names].sort());
    expect(names.indexOf('Alpha')).toBeLessThan(names.indexOf('Zeta'));
    expect(names).toHaveLength(4);
  });

  it('takes a chosen handle; a taken handle is a 409', async () => {
    const { client } = await givenAdministrator();
    const handle = uniqueName('chosen').replaceAll('-', '_');
    const created = await organization.create(client, { name: 'Chosen', handle });
    expect(created.handle).toBe(handle);
    const refused = await organization.create(client, { name: 'Again', handle }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RequestError);
    expect((refused as RequestError).status).toBe(409);
  });

  it("does not show or remove another user's organization", async () => {
    const { org } = await givenAdministrator();
    const stranger = await clientOf(await context.sandbox.createUser());
    await expect(organization.get(stranger, org.id)).rejects.toBeInstanceOf(OrganizationNotFound);
    await expect(organization.remove(stranger, org.handle)).rejects.toBeInstanceOf(OrganizationNotFound);
    expect((await organization.getAll(stranger)).map((row) => row.id)).not.toContain(org.id);
  });

  it('a member reads the organization but cannot remove it', async () => {
    const { client, org } = await givenAdministrator();
    const member = await context.sandbox.createUser();
    await context.sandbox.addMembership({ user: member.id, organization: org.id });
    const memberClient = await clientOf(member);
    expect((await organization.get(memberClient, org.handle)).id).toBe(org.id);
    // As balena, a delete the caller may not make touches nothing.
    await organization.remove(memberClient, org.id);
    expect((await organization.get(client, org.id)).id).toBe(org.id);
  });

  it('refuses bad arguments before any request, and a client without credentials', async () => {
    context.recorder.reset();
    const { client } = context;
    await expect(organization.create(client, { name: '' })).rejects.toBeInstanceOf(InvalidParameter);
    await expect(organization.create(client, { name: 'x', handle: ' ' })).rejects.toBeInstanceOf(InvalidParameter);
    await expect(organization.create(client, null as never)).rejects.toBeInstanceOf(InvalidParameter);
    await expect(organization.get(client, '')).rejects.toBeInstanceOf(InvalidParameter);
    await expect(organization.get(client, 0)).rejects.toBeInstanceOf(InvalidParameter);
    await expect(organization.get(client, 1.5)).rejects.toBeInstanceOf(InvalidParameter);
    await expect(organization.remove(client, -1)).rejects.toBeInstanceOf(InvalidParameter);
    await expect(organization.getAll(client, 5 as never)).rejects.toBeInstanceOf(InvalidParameter);
    expect(context.recorder.requests).toEqual([]);
    const anonymous = createClient({ apiUrl: context.sandbox.url, retry: false });
    await expect(organization.getAll(anonymous)).rejects.toBeInstanceOf(NotLoggedIn);
  });
});

describe('organization.membership', () => {
  it('gets memberships by id and by key, by organization and by user', async () => {
    const { user, client, org } = await givenAdministrator();
    const member = await context.sandbox.createUser();
    const added = await context.sandbox.addMembership({ user: member.id, organization: org.id });

    const byId = await membership.get(client, added.id, { $select: ['id', 'user', 'is_member_of__organization'] });
    expect(byId).toEqual({ id: added.id, user: { __id: member.id }, is_member_of__organization: { __id: org.id } });
    const byKey = await membership.get(client, { user: member.id, is_member_of__organization: org.id });
    expect(byKey.id).toBe(added.id);
    expect(await roleOf(client, added.id)).toBe('member');

    const all = await membership.getAllByOrganization(client, org.handle, {
      $select: ['id', 'user'],
      $expand: { user: { $select: 'username' } },
      $orderby: 'id asc',
    });
    expect(all.map((row) => (row.user as { username: string }[])[0]?.username)).toEqual([
      user.username,
      member.username,
    ]);
    expect((await membership.getAllByOrganization(client, org.id)).length).toBe(2);

    const memberClient = await clientOf(member);
    const mine = await membership.getAllByUser(memberClient, member.username, {
      $select: 'is_member_of__organization',
    });
    expect(mine.map((row) => (row.is_member_of__organization as { __id: number }).__id).sort()).toEqual(
      [member.organizationId, org.id].sort(),
    );
    expect((await membership.getAllByUser(memberClient, member.id)).length).toBe(2);
    // Of another user, the caller sees only the memberships of organizations they share.
    const theirs = await membership.getAllByUser(memberClient, user.id, { $select: 'is_member_of__organization' });
    expect(theirs).toEqual([{ is_member_of__organization: { __id: org.id } }]);
  });

  it('answers OrganizationMembershipNotFound and OrganizationNotFound for what the user cannot see', async () => {
    const { client, org } = await givenAdministrator();
    await expect(membership.get(client, 999_999)).rejects.toBeInstanceOf(OrganizationMembershipNotFound);
    await expect(membership.get(client, 999_999)).rejects.toThrow('Organization Membership not found: 999999');
    await expect(membership.getAllByOrganization(client, 999_999)).rejects.toBeInstanceOf(OrganizationNotFound);
    const stranger = await clientOf(await context.sandbox.createUser());
    await expect(membership.getAllByOrganization(stranger, org.handle)).rejects.toBeInstanceOf(OrganizationNotFound);
    const [own] = await membership.getAllByOrganization(client, org.id, { $select: 'id' });
    await expect(membership.get(stranger, own?.id as number)).rejects.toBeInstanceOf(OrganizationMembershipNotFound);
    expect(await membership.getAllByUser(stranger, 'nobody_at_all')).toEqual([]);
  });

  it('changes roles; the last administrator can be neither demoted nor removed', async () => {
    const { user, client, org } = await givenAdministrator();
    const member = await context.sandbox.createUser();
    const added = await context.sandbox.addMembership({ user: member.id, organization: org.id });
    const ownKey = { user: user.id, is_member_of__organization: org.id };

    const demoted = await membership.changeRole(client, ownKey, 'member').catch((error: unknown) => error);
    expect(demoted).toBeInstanceOf(RequestError);
    expect((demoted as RequestError).status).toBe(400);
    expect((demoted as RequestError).message).toContain(LAST_ADMINISTRATOR_RULE);
    await expect(membership.remove(client, ownKey)).rejects.toThrow(LAST_ADMINISTRATOR_RULE);

    await membership.changeRole(client, added.id, 'administrator');
    expect(await roleOf(client, added.id)).toBe('administrator');
    // With a second administrator the first may step down, and then leave.
    await membership.changeRole(client, ownKey, 'member');
    expect(await roleOf(client, ownKey)).toBe('member');
    // The new administrator removes the old one, who then no longer sees the organization.
    const memberClient = await clientOf(member);
    await membership.remove(memberClient, ownKey);
    expect((await membership.getAllByOrganization(memberClient, org.id)).length).toBe(1);
    await expect(membership.getAllByOrganization(client, org.id)).rejects.toBeInstanceOf(OrganizationNotFound);
  });

  it('members read memberships but cannot change or remove them', async () => {
    const { user, client, org } = await givenAdministrator();
    const member = await context.sandbox.createUser();
    const other = await context.sandbox.createUser();
    await context.sandbox.addMembership({ user: member.id, organization: org.id });
    const otherMembership = await context.sandbox.addMembership({ user: other.id, organization: org.id });
    const memberClient = await clientOf(member);
    expect((await membership.getAllByOrganization(memberClient, org.id)).length).toBe(3);
    // balena leaves rows the caller may not write untouched.
    await membership.changeRole(memberClient, otherMembership.id, 'administrator');
    await membership.remove(memberClient, { user: user.id, is_member_of__organization: org.id });
    expect(await roleOf(client, otherMembership.id)).toBe('member');
    expect((await membership.getAllByOrganization(client, org.id)).length).toBe(3);
  });

  it('refuses unknown roles and malformed keys', async () => {
    const { user, client, org } = await givenAdministrator();
    const key = { user: user.id, is_member_of__organization: org.id };
    await expect(membership.changeRole(client, key, 'owner' as never)).rejects.toBeInstanceOf(
      OrganizationMembershipRoleNotFound,
    );
    context.recorder.reset();
    await expect(membership.get(context.client, 0)).rejects.toBeInstanceOf(InvalidParameter);
    await expect(membership.get(context.client, { user: 1 } as never)).rejects.toBeInstanceOf(InvalidParameter);
    await expect(
      membership.get(context.client, { user: 1, is_member_of__organization: 'x' } as never),
    ).rejects.toBeInstanceOf(InvalidParameter);
    await expect(membership.changeRole(context.client, 1, '' as never)).rejects.toBeInstanceOf(InvalidParameter);
    await expect(membership.remove(context.client, 'abc' as never)).rejects.toBeInstanceOf(InvalidParameter);
    await expect(membership.getAllByUser(context.client, '')).rejects.toBeInstanceOf(InvalidParameter);
    await expect(membership.getAllByUser(context.client, -3)).rejects.toBeInstanceOf(InvalidParameter);
    await expect(membership.getAllByOrganization(context.client, '')).rejects.toBeInstanceOf(InvalidParameter);
    await expect(membership.getAllByOrganization(context.client, 1, [] as never)).rejects.toBeInstanceOf(
      InvalidParameter,
    );
    expect(context.recorder.requests).toEqual([]);
  });
});
