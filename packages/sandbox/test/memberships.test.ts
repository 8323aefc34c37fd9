import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, type SandboxUser, startSandbox } from '../src/index.js';
import { call, createFleet, odata } from './support/api.js';

let sandbox: Sandbox;
let admin: SandboxUser;
let roles: { administrator: number; member: number };
let fleet: number;

beforeAll(async () => {
  sandbox = await startSandbox();
  admin = sandbox.superuser;
  fleet = (await createFleet(sandbox, admin.token, admin.organizationId, 'shared-fleet')).id;
  await sandbox.seedDevices({ application: fleet, count: 3, namePrefix: 'shared-' });
  const listed = await odata(sandbox, 'organization_membership_role?$select=id,name&$orderby=name asc', admin.token);
  const [administrator, member] = listed.body.d as { id: number; name: string }[];
  expect([administrator!.name, member!.name]).toEqual(['administrator', 'member']);
  roles = { administrator: administrator!.id, member: member!.id };
});
afterAll(() => sandbox.close());

function join(token: string, user: number, organization: number, role?: number) {
  const body: Record<string, unknown> = { user, is_member_of__organization: organization };
  if (role !== undefined) body.organization_membership_role = role;
  return call(sandbox, 'POST', '/v7/organization_membership', { token, body });
}

/** Makes an organization member a member of a fleet, as its administrator does (`roleName`: developer, operator, observer). */
async function grantFleet(token: string, user: number, application: number, roleName: string) {
  const role = await odata(sandbox, `application_membership_role(name='${roleName}')?$select=id`, token);
  const answer = await call(sandbox, 'POST', '/v7/user_application_membership', {
    token,
    body: { user, is_member_of__application: application, application_membership_role: role.body.d[0].id },
  });
  expect(answer.status).toBe(201);
  return answer.body as { id: number };
}

async function fleetNames(token: string): Promise<string[]> {
  const answer = await odata(
    sandbox,
    'application?$select=app_name&$filter=is_public eq false&$orderby=app_name asc',
    token,
  );
  expect(answer.status).toBe(200);
  return (answer.body.d as { app_name: string }[]).map((row) => row.app_name);
}

describe('organization memberships over HTTP', () => {
  it('the creator of an organization administers it; signup makes the user administrator of their own', async () => {
    const own = await odata(
      sandbox,
      `organization_membership?$filter=user eq ${admin.id}&$expand=organization_membership_role($select=name)`,
      admin.token,
    );
    expect(own.body.d).toHaveLength(1);
    expect(own.body.d[0].organization_membership_role).toEqual([{ name: 'administrator' }]);

    const created = await call(sandbox, 'POST', '/v7/organization', {
      token: admin.token,
      body: { name: 'Created Org', handle: 'created_org' },
    });
    expect(created.status).toBe(201);
    const membership = await odata(
      sandbox,
      `organization_membership(user=${admin.id},is_member_of__organization=${created.body.id})?$select=organization_membership_role`,
      admin.token,
    );
    expect(membership.body.d).toEqual([{ organization_membership_role: { __id: roles.administrator } }]);
  });

  it('an administrator adds a member (role member by default), who sees the fleets and devices granted to them', async () => {
    const user = await sandbox.createUser();
    expect(await fleetNames(user.token)).toEqual([]);

    const added = await join(admin.token, user.id, admin.organizationId);
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      user: { __id: user.id },
      is_member_of__organization: { __id: admin.organizationId },
      organization_membership_role: { __id: roles.member },
    });

    // A plain member reaches no fleet of the organization until granted one (a fleet membership or a team).
    expect(await fleetNames(user.token)).toEqual([]);
    await grantFleet(admin.token, user.id, fleet, 'observer');
    expect(await fleetNames(user.token)).toEqual(['shared-fleet']);
    const devices = await odata(sandbox, `device/$count?$filter=belongs_to__application eq ${fleet}`, user.token);
    expect(devices.body).toEqual({ d: 3 });
    const organizations = await odata(sandbox, 'organization?$select=handle&$orderby=handle asc', user.token);
    expect(organizations.body.d).toEqual([{ handle: 'admin' }, { handle: user.username }]);
    // Members see who else is in the organization.
    const members = await odata(
      sandbox,
      `organization_membership?$select=id&$filter=is_member_of__organization eq ${admin.organizationId}&$expand=user($select=username)&$orderby=id asc`,
      user.token,
    );
    expect(members.body.d.map((row: { user: { username: string }[] }) => row.user[0]!.username)).toEqual([
      'admin',
      user.username,
    ]);
    // balena's view of direct access shows each user their own row (its id is always null).
    const direct = await odata(
      sandbox,
      `application(${fleet})?$select=id&$expand=is_directly_accessible_by__user($select=user)`,
      user.token,
    );
    expect(direct.body.d[0].is_directly_accessible_by__user).toEqual([{ user: { __id: user.id } }]);
  });

  it('a plain member cannot add, change or remove memberships, nor change the organization', async () => {
    const member = await sandbox.createUser();
    const outsider = await sandbox.createUser();
    await sandbox.addMembership({ user: member.id, organization: admin.organizationId });

    expect((await join(member.token, outsider.id, admin.organizationId)).status).toBe(401);
    const adminMembership = await odata(
      sandbox,
      `organization_membership(user=${admin.id},is_member_of__organization=${admin.organizationId})?$select=id`,
      member.token,
    );
    const adminMembershipId = adminMembership.body.d[0].id as number;
    // As in balena, a write the caller may not make touches no row.
    await call(sandbox, 'DELETE', `/v7/organization_membership(${adminMembershipId})`, { token: member.token });
    await call(sandbox, 'PATCH', `/v7/organization(${admin.organizationId})`, {
      token: member.token,
      body: { name: 'renamed by a member' },
    });
    const organization = await odata(sandbox, `organization(${admin.organizationId})?$select=name`, admin.token);
    expect(organization.body.d).toEqual([{ name: 'admin' }]);
    const stillThere = await odata(sandbox, `organization_membership(${adminMembershipId})?$select=id`, admin.token);
    expect(stillThere.body.d).toEqual([{ id: adminMembershipId }]);
    // The member works on the fleets granted to them.
    await grantFleet(admin.token, member.id, fleet, 'developer');
    expect(await fleetNames(member.token)).toContain('shared-fleet');
  });

  it('refuses strangers, pending 2FA sessions, unknown users, unknown roles and duplicates', async () => {
    const stranger = await sandbox.createUser();
    const newcomer = await sandbox.createUser();
    expect((await join(stranger.token, stranger.id, admin.organizationId)).status).toBe(401);
    expect((await join(stranger.token, newcomer.id, admin.organizationId)).status).toBe(401);
    const partial = sandbox.issueToken(admin.id, { twoFactorRequired: true });
    expect((await join(partial, newcomer.id, admin.organizationId)).status).toBe(401);
    expect((await join(admin.token, 999_999, admin.organizationId)).status).toBe(400);
    expect((await join(admin.token, newcomer.id, admin.organizationId, 999_999)).status).toBe(400);
    expect((await join(admin.token, newcomer.id, admin.organizationId)).status).toBe(201);
    const again = await join(admin.token, newcomer.id, admin.organizationId);
    expect(again.status).toBe(409);
    // An organization that does not exist is nobody's to administer.
    expect((await join(admin.token, newcomer.id, 999_999)).status).toBe(401);
  });

  it('an administrator promotes a member, who may then add others; removing a member hides the fleets again', async () => {
    const deputy = await sandbox.createUser();
    const guest = await sandbox.createUser();
    const added = await join(admin.token, deputy.id, admin.organizationId);
    expect((await join(deputy.token, guest.id, admin.organizationId)).status).toBe(401);

    const promoted = await call(sandbox, 'PATCH', `/v7/organization_membership(${added.body.id})`, {
      token: admin.token,
      body: { organization_membership_role: roles.administrator },
    });
    expect(promoted.status).toBe(200);
    const guestJoined = await join(deputy.token, guest.id, admin.organizationId);
    expect(guestJoined.status).toBe(201);
    await grantFleet(deputy.token, guest.id, fleet, 'observer');
    expect(await fleetNames(guest.token)).toEqual(['shared-fleet']);

    const removed = await call(sandbox, 'DELETE', `/v7/organization_membership(${guestJoined.body.id})`, {
      token: deputy.token,
    });
    expect(removed.status).toBe(200);
    expect(await fleetNames(guest.token)).toEqual([]);
    const gone = await odata(sandbox, `organization_membership(${guestJoined.body.id})`, admin.token);
    expect(gone.body.d).toEqual([]);
  });
});

describe('sb.addMembership', () => {
  it('makes two fleets of one name in two organizations visible to one user', async () => {
    const user = await sandbox.createUser();
    const { id } = await sandbox.addMembership({ user: user.id, organization: admin.organizationId });
    const row = await odata(
      sandbox,
      `organization_membership(${id})?$select=user,organization_membership_role`,
      user.token,
    );
    expect(row.body.d).toEqual([{ user: { __id: user.id }, organization_membership_role: { __id: roles.member } }]);

    const mine = await sandbox.seedApplication({ owner: user.id, name: 'twin' });
    const theirs = await sandbox.seedApplication({ organization: admin.organizationId, name: 'twin' });
    expect([mine.slug, theirs.slug]).toEqual([`${user.username}/twin`, 'admin/twin']);
    await grantFleet(admin.token, user.id, theirs.id, 'observer');
    const twins = await odata(sandbox, `application?$select=id&$filter=app_name eq 'twin'&$orderby=id asc`, user.token);
    expect(twins.body.d).toEqual([{ id: mine.id }, { id: theirs.id }]);
  });

  it('takes an administrator role, and throws for unknown users or organizations and for duplicates', async () => {
    const user = await sandbox.createUser();
    const other = await sandbox.createUser();
    await sandbox.addMembership({ user: user.id, organization: other.organizationId, role: 'administrator' });
    expect((await join(user.token, admin.id, other.organizationId)).status).toBe(201);

    await expect(sandbox.addMembership({ user: 999_999, organization: admin.organizationId })).rejects.toThrow(
      /no user/,
    );
    await expect(sandbox.addMembership({ user: user.id, organization: 999_999 })).rejects.toThrow(/no organization/);
    await expect(sandbox.addMembership({ user: user.id, organization: other.organizationId })).rejects.toThrow(
      /already a member/,
    );
    await expect(sandbox.seedApplication({ organization: 999_999, name: 'x' })).rejects.toThrow(/no organization/);
  });
});
