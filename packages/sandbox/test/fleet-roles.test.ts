import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, type SandboxUser, startSandbox } from '../src/index.js';
import { call, odata } from './support/api.js';

let sandbox: Sandbox;
let admin: SandboxUser;
let fleet: number;
let otherFleet: number;
let device: number;
let roleIds: Record<string, number>;

beforeAll(async () => {
  sandbox = await startSandbox();
  admin = sandbox.superuser;
  fleet = (await sandbox.seedApplication({ name: 'role-fleet' })).id;
  otherFleet = (await sandbox.seedApplication({ name: 'other-fleet' })).id;
  [{ id: device }] = (await sandbox.seedDevices({ application: fleet, count: 1 })) as unknown as [{ id: number }];
  await call(sandbox, 'POST', '/v7/application_environment_variable', {
    token: admin.token,
    body: { application: fleet, name: 'FLEET_VAR', value: '1' },
  });
  const roles = await odata(sandbox, 'application_membership_role?$select=id,name&$orderby=name asc', admin.token);
  roleIds = Object.fromEntries((roles.body.d as { id: number; name: string }[]).map((role) => [role.name, role.id]));
});
afterAll(() => sandbox.close());

/** A new user, member of the admin's organization, with `role` on `application` (none: a plain member). */
async function memberWith(role?: string, application = fleet): Promise<SandboxUser> {
  const user = await sandbox.createUser();
  await sandbox.addMembership({ user: user.id, organization: admin.organizationId });
  if (role) {
    const granted = await call(sandbox, 'POST', '/v7/user_application_membership', {
      token: admin.token,
      body: { user: user.id, is_member_of__application: application, application_membership_role: roleIds[role] },
    });
    expect(granted.status).toBe(201);
  }
  return user;
}

async function count(query: string, token: string): Promise<number> {
  const answer = await odata(sandbox, query, token);
  expect(answer.status).toBe(200);
  return answer.body.d as number;
}

async function deviceName(): Promise<string> {
  return (await odata(sandbox, `device(${device})?$select=device_name`, admin.token)).body.d[0].device_name;
}

async function fleetName(id = fleet): Promise<string> {
  return (await odata(sandbox, `application(${id})?$select=app_name`, admin.token)).body.d[0].app_name;
}

function post(token: string, resource: string, body: Record<string, unknown>) {
  return call(sandbox, 'POST', `/v7/${resource}`, { token, body });
}

function newRelease(token: string) {
  return post(token, 'release', {
    belongs_to__application: fleet,
    commit: `c${Math.random().toString(16).slice(2)}`,
    status: 'running',
    composition: {},
    source: 'local',
  });
}

describe('fleet roles', () => {
  it('the roles are developer, operator and observer, readable by everyone signed in', async () => {
    expect(Object.keys(roleIds)).toEqual(['developer', 'observer', 'operator']);
  });

  it('a plain organization member, and a stranger, read nothing of a fleet', async () => {
    const member = await memberWith();
    const stranger = await sandbox.createUser();
    for (const user of [member, stranger]) {
      expect(await count('application/$count?$filter=is_public eq false', user.token)).toBe(0);
      expect(await count(`device/$count?$filter=belongs_to__application eq ${fleet}`, user.token)).toBe(0);
      expect(await count('application_environment_variable/$count', user.token)).toBe(0);
      expect(await count('user_application_membership/$count', user.token)).toBe(0);
      expect((await post(user.token, 'device_tag', { device, tag_key: 'k', value: 'v' })).status).toBe(401);
    }
  });

  it('an observer reads the fleet, its devices and variables, and changes nothing', async () => {
    const observer = await memberWith('observer');
    expect(await count('application/$count?$filter=is_public eq false', observer.token)).toBe(1);
    expect(await count(`device/$count?$filter=belongs_to__application eq ${fleet}`, observer.token)).toBe(1);
    expect(await count('application_environment_variable/$count', observer.token)).toBe(1);

    expect((await post(observer.token, 'device_tag', { device, tag_key: 'k', value: 'v' })).status).toBe(401);
    expect(
      (await post(observer.token, 'device_environment_variable', { device, name: 'DEVICE_VAR', value: 'x' })).status,
    ).toBe(401);
    expect((await newRelease(observer.token)).status).toBe(401);
    const before = await deviceName();
    await call(sandbox, 'PATCH', `/v7/device(${device})`, { token: observer.token, body: { device_name: 'observed' } });
    expect(await deviceName()).toBe(before);
    await call(sandbox, 'PATCH', `/v7/application(${fleet})`, { token: observer.token, body: { app_name: 'renamed' } });
    expect(await fleetName()).toBe('role-fleet');
    const key = await call(sandbox, 'POST', `/api-key/application/${fleet}/provisioning`, { token: observer.token });
    expect(key.status).toBe(404);
    const register = await call(sandbox, 'POST', '/device/register', {
      token: observer.token,
      body: { application: fleet, uuid: 'a'.repeat(32), device_type: 'raspberrypi4-64' },
    });
    expect(register.status).toBe(401);
  });

  it('an operator manages devices (names, tags, device variables, provisioning keys) but not the fleet software or settings', async () => {
    const operator = await memberWith('operator');
    expect((await post(operator.token, 'device_tag', { device, tag_key: 'op', value: 'v' })).status).toBe(201);
    expect(
      (await post(operator.token, 'device_environment_variable', { device, name: 'OP_VAR', value: 'x' })).status,
    ).toBe(201);
    const renamed = await call(sandbox, 'PATCH', `/v7/device(${device})`, {
      token: operator.token,
      body: { device_name: 'operated' },
    });
    expect(renamed.status).toBe(200);
    expect(await deviceName()).toBe('operated');
    const key = await call(sandbox, 'POST', `/api-key/application/${fleet}/provisioning`, { token: operator.token });
    expect(key.status).toBe(200);

    expect(
      (await post(operator.token, 'application_environment_variable', { application: fleet, name: 'OP', value: '1' }))
        .status,
    ).toBe(401);
    expect((await newRelease(operator.token)).status).toBe(401);
    await call(sandbox, 'PATCH', `/v7/application(${fleet})`, { token: operator.token, body: { app_name: 'renamed' } });
    expect(await fleetName()).toBe('role-fleet');
  });

  it('a device moves only into a fleet where the user manages devices', async () => {
    const operator = await memberWith('operator');
    await call(sandbox, 'POST', '/v7/user_application_membership', {
      token: admin.token,
      body: { user: operator.id, is_member_of__application: otherFleet, application_membership_role: roleIds.observer },
    });
    const [{ id: mover }] = (await sandbox.seedDevices({ application: fleet, count: 1 })) as unknown as [
      { id: number },
    ];
    const refused = await call(sandbox, 'PATCH', `/v7/device(${mover})`, {
      token: operator.token,
      body: { belongs_to__application: otherFleet },
    });
    expect(refused.status).toBe(401);
    await call(
      sandbox,
      'PATCH',
      `/v7/user_application_membership(user=${operator.id},is_member_of__application=${otherFleet})`,
      {
        token: admin.token,
        body: { application_membership_role: roleIds.operator },
      },
    );
    const moved = await call(sandbox, 'PATCH', `/v7/device(${mover})`, {
      token: operator.token,
      body: { belongs_to__application: otherFleet },
    });
    expect(moved.status).toBe(200);
    const row = await odata(sandbox, `device(${mover})?$select=belongs_to__application`, admin.token);
    expect(row.body.d).toEqual([{ belongs_to__application: { __id: otherFleet } }]);
  });

  it('a developer deploys, sets fleet variables and renames the fleet, but neither deletes it nor adds members', async () => {
    const developer = await memberWith('developer');
    expect((await newRelease(developer.token)).status).toBe(201);
    expect(
      (
        await post(developer.token, 'application_environment_variable', {
          application: fleet,
          name: 'DEV_VAR',
          value: '1',
        })
      ).status,
    ).toBe(201);
    const renamed = await call(sandbox, 'PATCH', `/v7/application(${fleet})`, {
      token: developer.token,
      body: { app_name: 'role-fleet-dev' },
    });
    expect(renamed.status).toBe(200);
    expect(await fleetName()).toBe('role-fleet-dev');
    await call(sandbox, 'PATCH', `/v7/application(${fleet})`, { token: admin.token, body: { app_name: 'role-fleet' } });

    await call(sandbox, 'DELETE', `/v7/application(${fleet})`, { token: developer.token });
    expect(await fleetName()).toBe('role-fleet');
    const colleague = await memberWith();
    const added = await post(developer.token, 'user_application_membership', {
      user: colleague.id,
      is_member_of__application: fleet,
    });
    expect(added.status).toBe(401);
    // A plain member may not create fleets in the organization either: only administrators do.
    const created = await post(developer.token, 'application', {
      app_name: 'by-a-developer',
      organization: admin.organizationId,
      is_for__device_type: 1,
    });
    expect(created.status).toBe(401);
  });

  it('device actions take an operator, a fleet-wide restart a developer (through the supervisor proxy)', async () => {
    const actions = (await sandbox.seedApplication({ name: 'actions-fleet' })).id;
    const [seeded] = await sandbox.seedDevices({ application: actions, count: 1 });
    const simulated = await sandbox.simulateDevice(seeded!.uuid, { logIntervalMs: 0 });
    try {
      const observer = await memberWith('observer', actions);
      const operator = await memberWith('operator', actions);
      const developer = await memberWith('developer', actions);
      const update = (token: string) =>
        call(sandbox, 'POST', '/supervisor/v1/update', { token, body: { uuid: seeded!.uuid, data: { force: false } } });
      expect((await update(observer.token)).status).toBe(403);
      expect((await update(operator.token)).status).toBe(204);
      const restart = (token: string) => call(sandbox, 'POST', `/application/${actions}/restart`, { token });
      expect((await restart(operator.token)).status).toBe(403);
      expect((await restart(developer.token)).status).toBe(200);
    } finally {
      await simulated.stop();
    }
  });

  it('an organization administrator deletes a fleet', async () => {
    const doomed = (await sandbox.seedApplication({ name: 'doomed-fleet' })).id;
    const deleted = await call(sandbox, 'DELETE', `/v7/application(${doomed})`, { token: admin.token });
    expect(deleted.status).toBe(200);
    expect((await odata(sandbox, `application(${doomed})`, admin.token)).body.d).toEqual([]);
  });
});

describe('fleet memberships', () => {
  it('takes a username, defaults to developer, and is unique per user and fleet', async () => {
    const user = await memberWith();
    const created = await post(admin.token, 'user__is_member_of__application', {
      username: user.username,
      is_member_of__application: otherFleet,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      user: { __id: user.id },
      is_member_of__application: { __id: otherFleet },
      application_membership_role: { __id: roleIds.developer },
    });
    const again = await post(admin.token, 'user_application_membership', {
      user: user.id,
      is_member_of__application: otherFleet,
    });
    expect(again.status).toBe(409);
    const unknown = await post(admin.token, 'user_application_membership', {
      username: 'nobody-has-this-name',
      is_member_of__application: otherFleet,
    });
    expect(unknown.status).toBe(400);
  });

  it('refuses a user who is not a member of the fleet’s organization (balena’s rule)', async () => {
    const outsider = await sandbox.createUser();
    const answer = await post(admin.token, 'user_application_membership', {
      user: outsider.id,
      is_member_of__application: fleet,
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('is member of the organization');
  });

  it('members read their own and their fleet’s memberships; others read none; leaving the organization ends the access', async () => {
    const observer = await memberWith('observer');
    const stranger = await sandbox.createUser();
    expect(await count(`user_application_membership/$count?$filter=user eq ${observer.id}`, observer.token)).toBe(1);
    expect(await count('user_application_membership/$count', stranger.token)).toBe(0);
    const membership = await odata(
      sandbox,
      `organization_membership(user=${observer.id},is_member_of__organization=${admin.organizationId})?$select=id`,
      admin.token,
    );
    await call(sandbox, 'DELETE', `/v7/organization_membership(${membership.body.d[0].id})`, { token: admin.token });
    expect(await count('application/$count?$filter=is_public eq false', observer.token)).toBe(0);
  });
});

describe('teams', () => {
  it('administrators create teams (unique names per organization); members read them; others do not', async () => {
    const member = await memberWith();
    const stranger = await sandbox.createUser();
    expect(
      (await post(member.token, 'team', { belongs_to__organization: admin.organizationId, name: 'x' })).status,
    ).toBe(401);
    const team = await post(admin.token, 'team', { belongs_to__organization: admin.organizationId, name: 'Readers' });
    expect(team.status).toBe(201);
    expect(team.body).toMatchObject({ name: 'Readers', belongs_to__organization: { __id: admin.organizationId } });
    const twin = await post(admin.token, 'team', { belongs_to__organization: admin.organizationId, name: 'Readers' });
    expect(twin.status).toBe(409);
    expect(await count(`team/$count?$filter=id eq ${team.body.id}`, member.token)).toBe(1);
    expect(await count(`team/$count?$filter=id eq ${team.body.id}`, stranger.token)).toBe(0);
    const owned = await odata(
      sandbox,
      `organization(${admin.organizationId})?$select=id&$expand=owns__team($select=name)`,
      admin.token,
    );
    expect(owned.body.d[0].owns__team).toContainEqual({ name: 'Readers' });
  });

  it('a team’s access gives its members the team’s role on the fleet, until it is removed', async () => {
    const user = await memberWith();
    const team = await post(admin.token, 'team', { belongs_to__organization: admin.organizationId, name: 'Ops' });
    const joined = await post(admin.token, 'team_membership', {
      username: user.username,
      is_member_of__team: team.body.id,
    });
    expect(joined.status).toBe(201);
    expect(await count('application/$count?$filter=is_public eq false', user.token)).toBe(0);

    const access = await post(admin.token, 'team_application_access', {
      team: team.body.id,
      grants_access_to__application: fleet,
      application_membership_role: roleIds.observer,
    });
    expect(access.status).toBe(201);
    expect(await count('application/$count?$filter=is_public eq false', user.token)).toBe(1);
    expect((await post(user.token, 'device_tag', { device, tag_key: 'team', value: 'v' })).status).toBe(401);

    await call(sandbox, 'PATCH', `/v7/team_application_access(${access.body.id})`, {
      token: admin.token,
      body: { application_membership_role: roleIds.operator },
    });
    expect((await post(user.token, 'device_tag', { device, tag_key: 'team', value: 'v' })).status).toBe(201);

    await call(sandbox, 'DELETE', `/v7/team__grants_access_to__application(${access.body.id})`, { token: admin.token });
    expect(await count('application/$count?$filter=is_public eq false', user.token)).toBe(0);
  });

  it('refuses team members from outside the organization, team access to another organization’s fleet, and plain members managing teams', async () => {
    const team = await post(admin.token, 'team', { belongs_to__organization: admin.organizationId, name: 'Strict' });
    const outsider = await sandbox.createUser();
    const joined = await post(admin.token, 'team_membership', { user: outsider.id, is_member_of__team: team.body.id });
    expect(joined.status).toBe(400);

    const foreign = (await sandbox.seedApplication({ owner: outsider.id, name: 'foreign-fleet' })).id;
    const access = await post(admin.token, 'team_application_access', {
      team: team.body.id,
      grants_access_to__application: foreign,
      application_membership_role: roleIds.developer,
    });
    expect(access.status).toBe(401);

    const member = await memberWith();
    expect(
      (await post(member.token, 'team_membership', { user: member.id, is_member_of__team: team.body.id })).status,
    ).toBe(401);
    await call(sandbox, 'PATCH', `/v7/team(${team.body.id})`, { token: member.token, body: { name: 'Renamed' } });
    expect((await odata(sandbox, `team(${team.body.id})?$select=name`, admin.token)).body.d).toEqual([
      { name: 'Strict' },
    ]);
  });
});
