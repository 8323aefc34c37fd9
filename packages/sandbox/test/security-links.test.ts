import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, type SandboxUser, startSandbox } from '../src/index.js';
import { call, odata } from './support/api.js';

/** Two users each with a fleet, a device and a release; the attacker also holds a device key. */
describe('writes that point at rows the caller cannot see', () => {
  let sandbox: Sandbox;
  let attacker: SandboxUser;
  let victim: SandboxUser;
  let ownFleet: number;
  let ownDevice: number;
  let ownRelease: number;
  let deviceKey: string;
  let victimFleet: number;
  let victimRelease: number;

  beforeAll(async () => {
    sandbox = await startSandbox();
    attacker = await sandbox.createUser({ username: 'attacker' });
    victim = await sandbox.createUser({ username: 'victim' });
    ownFleet = (await sandbox.seedApplication({ owner: attacker.id, name: 'own' })).id;
    ownDevice = (await sandbox.seedDevices({ application: ownFleet, count: 1 }))[0]!.id;
    ownRelease = (await sandbox.seedRelease({ application: ownFleet })).id;
    deviceKey = (
      await call(sandbox, 'POST', `/api-key/device/${ownDevice}/device-key`, { token: attacker.token, body: {} })
    ).body;
    victimFleet = (await sandbox.seedApplication({ owner: victim.id, name: 'secret' })).id;
    victimRelease = (await sandbox.seedRelease({ application: victimFleet, services: ['secret-service'] })).id;
  });
  afterAll(() => sandbox.close());

  /** A field of a row, read by its owner (by default the attacker). */
  const fieldOf = async (resource: string, id: number, field: string, token = attacker.token) =>
    (await odata(sandbox, `${resource}(${id})?$select=${field}`, token)).body.d[0][field];

  it('a device key cannot move its device into another user’s fleet', async () => {
    const answer = await call(sandbox, 'PATCH', `/v7/device(${ownDevice})`, {
      token: deviceKey,
      body: { belongs_to__application: victimFleet },
    });
    expect(answer.status).toBe(401);
    expect(await fieldOf('device', ownDevice, 'belongs_to__application')).toEqual({ __id: ownFleet });
  });

  it('a user cannot move their device into another user’s fleet either', async () => {
    const answer = await call(sandbox, 'PATCH', `/v7/device(${ownDevice})`, {
      token: attacker.token,
      body: { belongs_to__application: victimFleet },
    });
    expect(answer.status).toBe(401);
  });

  it('a fleet cannot target, nor a device pin, another user’s release', async () => {
    const target = await call(sandbox, 'PATCH', `/v7/application(${ownFleet})`, {
      token: attacker.token,
      body: { should_be_running__release: victimRelease },
    });
    expect(target.status).toBe(401);
    const pin = await call(sandbox, 'PATCH', `/v7/device(${ownDevice})`, {
      token: attacker.token,
      body: { is_pinned_on__release: victimRelease },
    });
    expect(pin.status).toBe(401);
    const pinByKey = await call(sandbox, 'PATCH', `/v7/device(${ownDevice})`, {
      token: deviceKey,
      body: { is_pinned_on__release: victimRelease },
    });
    expect(pinByKey.status).toBe(401);
    expect(await fieldOf('device', ownDevice, 'is_pinned_on__release')).toBeNull();
    const state = await call(sandbox, 'GET', `/device/v3/${await fieldOf('device', ownDevice, 'uuid')}/state`, {
      token: deviceKey,
    });
    expect(state.text).not.toContain('secret-service');
  });

  it('pinning to one’s own release still works', async () => {
    const pin = await call(sandbox, 'PATCH', `/v7/device(${ownDevice})`, {
      token: attacker.token,
      body: { is_pinned_on__release: ownRelease },
    });
    expect(pin.status).toBe(200);
    expect(await fieldOf('device', ownDevice, 'is_pinned_on__release')).toEqual({ __id: ownRelease });
  });

  it('a release of another own fleet, or a failed one, breaks balena’s rules (400 with the rule)', async () => {
    const otherFleet = (await sandbox.seedApplication({ owner: attacker.id, name: 'other' })).id;
    const otherRelease = (await sandbox.seedRelease({ application: otherFleet })).id;
    const pin = await call(sandbox, 'PATCH', `/v7/device(${ownDevice})`, {
      token: attacker.token,
      body: { is_pinned_on__release: otherRelease },
    });
    expect(pin.status).toBe(400);
    expect(pin.body).toMatch(/^It is necessary that each release that is pinned to a device/);
    const target = await call(sandbox, 'PATCH', `/v7/application(${ownFleet})`, {
      token: attacker.token,
      body: { should_be_running__release: otherRelease },
    });
    expect(target.status).toBe(400);
    expect(target.body).toMatch(/^It is necessary that each release that should be running on an application/);
    const failed = (await sandbox.seedRelease({ application: ownFleet, status: 'failed' })).id;
    const failedTarget = await call(sandbox, 'PATCH', `/v7/application(${ownFleet})`, {
      token: attacker.token,
      body: { should_be_running__release: failed },
    });
    expect(failedTarget.status).toBe(400);
  });

  it('a POST cannot link to another user’s release either', async () => {
    const answer = await call(sandbox, 'POST', '/v7/release_tag', {
      token: attacker.token,
      body: { release: victimRelease, tag_key: 'x', value: 'y' },
    });
    expect(answer.status).toBe(401);
  });

  it('a fleet cannot be moved into an organization its user does not administer', async () => {
    const answer = await call(sandbox, 'PATCH', `/v7/application(${ownFleet})`, {
      token: attacker.token,
      body: { organization: victim.organizationId },
    });
    expect(answer.status).toBe(401);
    expect(await fieldOf('application', ownFleet, 'organization')).toEqual({ __id: attacker.organizationId });
  });

  it('a member cannot pull a fleet out of an organization; an administrator of both can move it', async () => {
    const shared = (await sandbox.seedApplication({ owner: victim.id, name: 'shared' })).id;
    await sandbox.addMembership({ user: attacker.id, organization: victim.organizationId });
    // A developer of the fleet, who may rename it, still may not move it out of its organization.
    const developer = await odata(sandbox, `application_membership_role(name='developer')?$select=id`, victim.token);
    const granted = await call(sandbox, 'POST', '/v7/user_application_membership', {
      token: victim.token,
      body: {
        user: attacker.id,
        is_member_of__application: shared,
        application_membership_role: developer.body.d[0].id,
      },
    });
    expect(granted.status).toBe(201);
    const pull = await call(sandbox, 'PATCH', `/v7/application(${shared})`, {
      token: attacker.token,
      body: { organization: attacker.organizationId },
    });
    expect(pull.status).toBe(401);
    expect(await fieldOf('application', shared, 'organization', victim.token)).toEqual({ __id: victim.organizationId });
    await sandbox.addMembership({ user: victim.id, organization: attacker.organizationId, role: 'administrator' });
    const move = await call(sandbox, 'PATCH', `/v7/application(${shared})`, {
      token: victim.token,
      body: { organization: attacker.organizationId },
    });
    expect(move.status).toBe(200);
    expect(await fieldOf('application', shared, 'organization', victim.token)).toEqual({
      __id: attacker.organizationId,
    });
  });

  it('a device key cannot delete its own device', async () => {
    const answer = await call(sandbox, 'DELETE', `/v7/device(${ownDevice})`, { token: deviceKey });
    expect(answer.status).toBe(401);
    expect(await fieldOf('device', ownDevice, 'id')).toBe(ownDevice);
  });

  it('/v7/actor lists only the actors a user can reach, and expands to their user', async () => {
    const loner = await sandbox.createUser({ username: 'loner' });
    const answer = await odata(sandbox, 'actor?$select=id&$expand=is_of__user($select=username)', loner.token);
    expect(answer.status).toBe(200);
    expect(answer.body.d).toEqual([{ id: loner.actorId, is_of__user: [{ username: 'loner' }] }]);
  });
});
