import {
  ApplicationMembershipNotFound,
  ApplicationMembershipRoleNotFound,
  ApplicationNotFound,
  createClient,
  InvalidParameter,
  OrganizationNotFound,
  RequestError,
  TeamApplicationAccessNotFound,
  TeamMembershipNotFound,
  TeamNameTaken,
  TeamNotFound,
} from '@balena-ts/core';
import * as membership from '@balena-ts/models/application-membership';
import * as device from '@balena-ts/models/device';
import * as team from '@balena-ts/models/team';
import * as teamAccess from '@balena-ts/models/team-application-access';
import * as teamMembership from '@balena-ts/models/team-membership';
import type { SandboxUser } from '@balena-ts/sandbox';
import { beforeAll, describe, expect, it } from 'vitest';
import { uniqueName, useTestContext } from './helpers/sandbox.js';

const context = useTestContext();

let fleet: { id: number; slug: string };
let deviceId: number;
let organizationId: number;

beforeAll(async () => {
  fleet = await context.sandbox.seedApplication({ name: uniqueName('members') });
  deviceId = ((await context.sandbox.seedDevices({ application: fleet.id, count: 1 })) as { id: number }[])[0]!.id;
  organizationId = context.sandbox.superuser.organizationId;
});

async function organizationMember(): Promise<SandboxUser> {
  const user = await context.sandbox.createUser();
  await context.sandbox.addMembership({ user: user.id, organization: organizationId });
  return user;
}

function clientOf(user: SandboxUser) {
  const client = createClient({ apiUrl: context.sandbox.url, retry: false });
  return client.tokens.set(user.token).then(() => client);
}

async function roleId(name: string): Promise<number> {
  const row = await context.client.pine.get<{ id: number }>({
    resource: 'application_membership_role',
    id: { name },
    options: { $select: 'id' },
  });
  return row!.id;
}

describe('application-membership', () => {
  it('creates a membership (developer by default), gets it by id and key, lists it, changes its role and removes it', async () => {
    const user = await organizationMember();
    const created = await membership.create(context.client, { application: fleet.slug, username: user.username });
    expect(created).toMatchObject({
      user: { __id: user.id },
      is_member_of__application: { __id: fleet.id },
      application_membership_role: { __id: await roleId('developer') },
    });
    const key = { user: user.id, is_member_of__application: fleet.id };
    const byKey = await membership.get(context.client, key, {
      $select: ['id'],
      $expand: { application_membership_role: { $select: 'name' } },
    });
    expect(byKey).toEqual({ id: created.id, application_membership_role: [{ name: 'developer' }] });
    const listed = await membership.getAllByApplication(context.client, fleet.id, { $select: ['id'] });
    expect(listed).toEqual([{ id: created.id }]);
    expect(
      (await membership.getAllByUser(context.client, user.username, { $select: ['id'] })).map((row) => row.id),
    ).toEqual([created.id]);
    expect((await membership.getAllByUser(context.client, user.id, { $select: ['id'] })).map((row) => row.id)).toEqual([
      created.id,
    ]);

    await membership.changeRole(context.client, key, 'observer');
    const changed = await membership.get(context.client, created.id, { $select: ['application_membership_role'] });
    expect(changed.application_membership_role).toEqual({ __id: await roleId('observer') });

    await membership.remove(context.client, created.id);
    await expect(membership.get(context.client, created.id)).rejects.toBeInstanceOf(ApplicationMembershipNotFound);
    await expect(membership.get(context.client, key)).rejects.toThrow('Application Membership not found');
  });

  it('the role gates the member: an observer reads the fleet and is refused a device change; an operator makes it', async () => {
    const user = await organizationMember();
    const asUser = await clientOf(user);
    await expect(device.get(asUser, deviceId)).rejects.toThrow();
    const created = await membership.create(context.client, {
      application: fleet.id,
      username: user.username,
      roleName: 'observer',
    });
    expect((await device.get(asUser, deviceId, { $select: ['id'] })).id).toBe(deviceId);
    await device.rename(asUser, deviceId, 'observer-was-here');
    expect((await device.get(context.client, deviceId, { $select: ['device_name'] })).device_name).not.toBe(
      'observer-was-here',
    );
    await membership.changeRole(context.client, created.id, 'operator');
    await device.rename(asUser, deviceId, 'operator-was-here');
    expect((await device.get(context.client, deviceId, { $select: ['device_name'] })).device_name).toBe(
      'operator-was-here',
    );
    // Members may not add members: only the organization's administrators do.
    const colleague = await organizationMember();
    await expect(
      membership.create(asUser, { application: fleet.id, username: colleague.username }),
    ).rejects.toBeInstanceOf(RequestError);
    await membership.remove(context.client, created.id);
  });

  it('refuses unknown roles and fleets, users outside the organization, and bad arguments before any request', async () => {
    const user = await organizationMember();
    await expect(
      membership.create(context.client, { application: fleet.id, username: user.username, roleName: 'boss' as never }),
    ).rejects.toBeInstanceOf(ApplicationMembershipRoleNotFound);
    await expect(
      membership.create(context.client, { application: 'nobody/none', username: user.username }),
    ).rejects.toBeInstanceOf(ApplicationNotFound);
    const outsider = await context.sandbox.createUser();
    const refused = membership.create(context.client, { application: fleet.id, username: outsider.username });
    await expect(refused).rejects.toMatchObject({ status: 400 });
    await expect(membership.get(context.client, 987_654)).rejects.toBeInstanceOf(ApplicationMembershipNotFound);
    await expect(membership.getAllByApplication(context.client, 987_654)).rejects.toBeInstanceOf(ApplicationNotFound);

    context.recorder.reset();
    await expect(membership.get(context.client, 0)).rejects.toBeInstanceOf(InvalidParameter);
    await expect(membership.get(context.client, { user: -1, is_member_of__application: 2 })).rejects.toBeInstanceOf(
      InvalidParameter,
    );
    await expect(membership.create(context.client, { application: fleet.id, username: '' })).rejects.toBeInstanceOf(
      InvalidParameter,
    );
    await expect(membership.create(context.client, null as never)).rejects.toBeInstanceOf(InvalidParameter);
    await expect(membership.changeRole(context.client, 1, '' as never)).rejects.toBeInstanceOf(InvalidParameter);
    await expect(membership.getAllByUser(context.client, '')).rejects.toBeInstanceOf(InvalidParameter);
    await expect(membership.getAllByUser(context.client, 1.5)).rejects.toBeInstanceOf(InvalidParameter);
    await expect(membership.getAllByApplication(context.client, '')).rejects.toBeInstanceOf(InvalidParameter);
    await expect(membership.remove(context.client, Number.NaN)).rejects.toBeInstanceOf(InvalidParameter);
    expect(context.recorder.requests).toHaveLength(0);
  });
});

describe('team', () => {
  it('creates teams by organization id or handle, gets, lists, renames and removes them', async () => {
    const handle = context.sandbox.superuser.username;
    const first = await team.create(context.client, organizationId, uniqueName('team one'));
    const second = await team.create(context.client, handle, uniqueName('team two'));
    expect(first).toMatchObject({ belongs_to__organization: { __id: organizationId } });
    const listed = await team.getAllByOrganization(context.client, handle, { $select: ['id'], $orderby: 'id asc' });
    expect(listed.map((row) => row.id)).toEqual(expect.arrayContaining([first.id, second.id]));
    expect(await team.get(context.client, first.id, { $select: ['name'] })).toEqual({ name: first.name });

    const renamed = uniqueName('renamed');
    await team.rename(context.client, first.id, renamed);
    expect((await team.get(context.client, first.id)).name).toBe(renamed);
    await expect(team.rename(context.client, first.id, second.name)).rejects.toBeInstanceOf(TeamNameTaken);
    // Renaming a team to its own name is no clash.
    await team.rename(context.client, first.id, renamed);

    await team.remove(context.client, first.id);
    await team.remove(context.client, second.id);
    await expect(team.get(context.client, first.id)).rejects.toBeInstanceOf(TeamNotFound);
  });

  it('only administrators manage teams; strangers see none', async () => {
    const created = await team.create(context.client, organizationId, uniqueName('admins only'));
    const member = await clientOf(await organizationMember());
    await expect(team.create(member, organizationId, uniqueName('by a member'))).rejects.toMatchObject({ status: 401 });
    expect((await team.get(member, created.id)).id).toBe(created.id);
    const stranger = await clientOf(await context.sandbox.createUser());
    await expect(team.get(stranger, created.id)).rejects.toBeInstanceOf(TeamNotFound);
    await expect(team.getAllByOrganization(stranger, organizationId)).rejects.toBeInstanceOf(OrganizationNotFound);
  });

  it('refuses bad arguments before any request, and unknown teams and organizations', async () => {
    await expect(team.rename(context.client, 987_654, 'x')).rejects.toBeInstanceOf(TeamNotFound);
    await expect(team.getAllByOrganization(context.client, 987_654)).rejects.toBeInstanceOf(OrganizationNotFound);
    await expect(team.create(context.client, 'no-such-organization', 'x')).rejects.toBeInstanceOf(OrganizationNotFound);
    context.recorder.reset();
    await expect(team.create(context.client, organizationId, '')).rejects.toBeInstanceOf(InvalidParameter);
    await expect(team.create(context.client, '', 'x')).rejects.toBeInstanceOf(InvalidParameter);
    await expect(team.get(context.client, -1)).rejects.toBeInstanceOf(InvalidParameter);
    await expect(team.rename(context.client, 1, ' ')).rejects.toBeInstanceOf(InvalidParameter);
    await expect(team.remove(context.client, 0)).rejects.toBeInstanceOf(InvalidParameter);
    expect(context.recorder.requests).toHaveLength(0);
  });
});

describe('team-membership and team-application-access', () => {
  it('a team member holds the team’s role on the fleets it reaches, as long as the access lasts', async () => {
    const user = await organizationMember();
    const asUser = await clientOf(user);
    const created = await team.create(context.client, organizationId, uniqueName('field'));
    const joined = await teamMembership.create(context.client, { team: created.id, username: user.username });
    expect(joined).toMatchObject({ user: { __id: user.id }, is_member_of__team: { __id: created.id } });
    expect((await teamMembership.get(context.client, joined.id, { $select: ['id'] })).id).toBe(joined.id);
    expect((await teamMembership.getAllByTeam(context.client, created.id)).map((row) => row.id)).toEqual([joined.id]);
    expect((await teamMembership.getAllByUser(context.client, user.username)).map((row) => row.id)).toEqual([
      joined.id,
    ]);
    await expect(device.get(asUser, deviceId)).rejects.toThrow();

    const access = await teamAccess.add(context.client, created.id, fleet.slug, 'observer');
    expect(access).toMatchObject({
      team: { __id: created.id },
      grants_access_to__application: { __id: fleet.id },
      application_membership_role: { __id: await roleId('observer') },
    });
    expect((await teamAccess.get(context.client, access.id, { $select: ['id'] })).id).toBe(access.id);
    expect((await teamAccess.getAllByTeam(context.client, created.id)).map((row) => row.id)).toEqual([access.id]);
    expect((await device.get(asUser, deviceId, { $select: ['id'] })).id).toBe(deviceId);
    await device.rename(asUser, deviceId, 'renamed-by-observer');
    expect((await device.get(context.client, deviceId, { $select: ['device_name'] })).device_name).not.toBe(
      'renamed-by-observer',
    );

    await teamAccess.update(context.client, access.id, 'operator');
    await device.rename(asUser, deviceId, 'renamed-by-operator');
    expect((await device.get(context.client, deviceId, { $select: ['device_name'] })).device_name).toBe(
      'renamed-by-operator',
    );

    await teamAccess.remove(context.client, access.id);
    await expect(teamAccess.get(context.client, access.id)).rejects.toBeInstanceOf(TeamApplicationAccessNotFound);
    await expect(device.get(asUser, deviceId)).rejects.toThrow();
    await teamMembership.remove(context.client, [joined.id]);
    await expect(teamMembership.get(context.client, joined.id)).rejects.toBeInstanceOf(TeamMembershipNotFound);
  });

  it('removes only the memberships it is given, by one id or a list', async () => {
    const created = await team.create(context.client, organizationId, uniqueName('pair'));
    const users = [await organizationMember(), await organizationMember(), await organizationMember()];
    const [first, second, third] = await Promise.all(
      users.map((user) => teamMembership.create(context.client, { team: created.id, username: user.username })),
    );
    await teamMembership.remove(context.client, first!.id);
    await teamMembership.remove(context.client, [second!.id]);
    expect((await teamMembership.getAllByTeam(context.client, created.id)).map((row) => row.id)).toEqual([third!.id]);
  });

  it('refuses outsiders, unknown roles and teams, and bad arguments before any request', async () => {
    const created = await team.create(context.client, organizationId, uniqueName('strict'));
    const outsider = await context.sandbox.createUser();
    await expect(
      teamMembership.create(context.client, { team: created.id, username: outsider.username }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(teamAccess.add(context.client, created.id, fleet.id, 'boss' as never)).rejects.toBeInstanceOf(
      ApplicationMembershipRoleNotFound,
    );
    await expect(teamAccess.getAllByTeam(context.client, 987_654)).rejects.toBeInstanceOf(TeamNotFound);
    await expect(teamAccess.get(context.client, 987_654)).rejects.toBeInstanceOf(TeamApplicationAccessNotFound);
    await expect(teamMembership.get(context.client, 987_654)).rejects.toBeInstanceOf(TeamMembershipNotFound);
    context.recorder.reset();
    await expect(teamMembership.create(context.client, { team: 0, username: 'x' })).rejects.toBeInstanceOf(
      InvalidParameter,
    );
    await expect(teamMembership.create(context.client, { team: 1, username: '' })).rejects.toBeInstanceOf(
      InvalidParameter,
    );
    await expect(teamMembership.remove(context.client, [])).rejects.toBeInstanceOf(InvalidParameter);
    await expect(teamMembership.getAllByTeam(context.client, -2)).rejects.toBeInstanceOf(InvalidParameter);
    await expect(teamMembership.getAllByUser(context.client, '')).rejects.toBeInstanceOf(InvalidParameter);
    await expect(teamAccess.add(context.client, 0, fleet.id, 'observer')).rejects.toBeInstanceOf(InvalidParameter);
    await expect(teamAccess.add(context.client, 1, fleet.id, '' as never)).rejects.toBeInstanceOf(InvalidParameter);
    await expect(teamAccess.update(context.client, 1.5, 'observer')).rejects.toBeInstanceOf(InvalidParameter);
    await expect(teamAccess.remove(context.client, -1)).rejects.toBeInstanceOf(InvalidParameter);
    expect(context.recorder.requests).toHaveLength(0);
  });
});
