import {
  type Client,
  createClient,
  InvalidParameter,
  OrganizationMembershipNotFound,
  OrganizationNotFound,
  RequestError,
} from '@balena-ts/core';
import * as organization from '@balena-ts/models/organization';
import * as membership from '@balena-ts/models/organization-membership';
import * as tags from '@balena-ts/models/organization-membership-tag';
import type { SandboxUser } from '@balena-ts/sandbox';
import { describe, expect, it } from 'vitest';
import { uniqueName, useTestContext } from './helpers/sandbox.js';

const context = useTestContext();

async function clientOf(user: SandboxUser): Promise<Client> {
  const client = createClient({ apiUrl: context.sandbox.url, retry: false });
  await client.tokens.set(user.token);
  return client;
}

async function givenOrganization() {
  const admin = await context.sandbox.createUser();
  const client = await clientOf(admin);
  const org = await organization.create(client, { name: uniqueName('Tags') });
  const member = await context.sandbox.createUser();
  const memberMembership = await context.sandbox.addMembership({ user: member.id, organization: org.id });
  const [own] = await membership.getAllByOrganization(client, org.id, { $select: 'id', $filter: { user: admin.id } });
  return { client, org, member, memberMembership, ownMembership: own?.id as number };
}

describe('organization.membership.tags', () => {
  it('sets, reads, overwrites and removes tags; lists them by membership and by organization', async () => {
    const { client, org, memberMembership, ownMembership } = await givenOrganization();
    await tags.set(client, memberMembership.id, 'team', 'field');
    await tags.set(client, memberMembership.id, 'team', 'office');
    await tags.set(client, memberMembership.id, 'badge', '42');
    await tags.set(client, ownMembership, 'team', 'lead');

    expect(await tags.get(client, memberMembership.id, 'team')).toBe('office');
    const ofMember = await tags.getAllByOrganizationMembership(client, memberMembership.id, {
      $select: ['tag_key', 'value'],
    });
    expect(ofMember).toEqual([
      { tag_key: 'badge', value: '42' },
      { tag_key: 'team', value: 'office' },
    ]);
    const ofOrganization = await tags.getAllByOrganization(client, org.handle, { $select: ['tag_key', 'value'] });
    expect(ofOrganization).toHaveLength(3);
    expect((await tags.getAllByOrganization(client, org.id)).length).toBe(3);

    await tags.remove(client, memberMembership.id, 'badge');
    expect(await tags.get(client, memberMembership.id, 'badge')).toBeUndefined();
    expect((await tags.getAllByOrganization(client, org.id)).length).toBe(2);
  });

  it('members read the tags but cannot set or remove them; strangers see nothing', async () => {
    const { client, org, member, memberMembership } = await givenOrganization();
    await tags.set(client, memberMembership.id, 'team', 'field');
    const memberClient = await clientOf(member);
    expect(await tags.get(memberClient, memberMembership.id, 'team')).toBe('field');
    const refused = await tags.set(memberClient, memberMembership.id, 'team', 'mine').catch((error) => error);
    expect(refused).toBeInstanceOf(RequestError);
    await tags.remove(memberClient, memberMembership.id, 'team');
    expect(await tags.get(client, memberMembership.id, 'team')).toBe('field');

    const stranger = await clientOf(await context.sandbox.createUser());
    await expect(tags.getAllByOrganization(stranger, org.id)).rejects.toBeInstanceOf(OrganizationNotFound);
    await expect(tags.getAllByOrganizationMembership(stranger, memberMembership.id)).rejects.toBeInstanceOf(
      OrganizationMembershipNotFound,
    );
    await expect(tags.set(stranger, memberMembership.id, 'team', 'x')).rejects.toBeInstanceOf(
      OrganizationMembershipNotFound,
    );
  });

  it('answers not-found errors, and refuses bad keys and arguments before any request', async () => {
    const { client } = await givenOrganization();
    await expect(tags.getAllByOrganizationMembership(client, 999_999)).rejects.toBeInstanceOf(
      OrganizationMembershipNotFound,
    );
    await expect(tags.getAllByOrganization(client, 'no_such_organization')).rejects.toBeInstanceOf(
      OrganizationNotFound,
    );
    await expect(tags.set(client, 999_999, 'team', 'x')).rejects.toBeInstanceOf(OrganizationMembershipNotFound);
    context.recorder.reset();
    await expect(tags.set(context.client, 1, 'has space', 'x')).rejects.toBeInstanceOf(InvalidParameter);
    await expect(tags.set(context.client, 1, 'io.balena.x', 'x')).rejects.toBeInstanceOf(InvalidParameter);
    await expect(tags.set(context.client, 0, 'team', 'x')).rejects.toBeInstanceOf(InvalidParameter);
    await expect(tags.remove(context.client, 1, '')).rejects.toBeInstanceOf(InvalidParameter);
    await expect(tags.getAllByOrganization(context.client, '')).rejects.toBeInstanceOf(InvalidParameter);
    await expect(tags.getAllByOrganizationMembership(context.client, -1)).rejects.toBeInstanceOf(InvalidParameter);
    expect(context.recorder.requests).toEqual([]);
  });
});
