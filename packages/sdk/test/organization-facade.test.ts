import * as organization from '@balena-ts/models/organization';
import { type Sandbox, startSandbox } from '@balena-ts/sandbox';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Balena } from '../src/index.js';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});

afterAll(async () => {
  await sandbox?.close();
});

describe('balena.models.organization on the facade', () => {
  test('creates an organization, tags its membership and invites someone through the nested paths', async () => {
    const balena = new Balena({ apiUrl: sandbox.url, retry: false });
    await balena.auth.loginWithToken(sandbox.superuser.token);
    const created = await balena.models.organization.create({ name: `Facade ${process.pid}` });
    expect(await balena.models.organization.get(created.handle)).toEqual(
      await organization.get(balena.client, created.handle),
    );
    const [own] = await balena.models.organization.membership.getAllByOrganization(created.id, { $select: 'id' });
    await balena.models.organization.membership.tags.set(own?.id as number, 'team', 'core');
    const tags = await balena.models.organization.membership.tags.getAllByOrganization(created.id, {
      $select: ['tag_key', 'value'],
    });
    expect(tags).toEqual([{ tag_key: 'team', value: 'core' }]);
    const invite = await balena.models.organization.invite.create(created.id, { invitee: 'facade@example.com' });
    expect((await balena.models.organization.invite.getAll({ $select: 'id' })).map((row) => row.id)).toContain(
      invite.id,
    );
    await balena.models.organization.invite.revoke(invite.id);
    await balena.models.organization.remove(created.id);
    expect((await balena.models.organization.getAll({ $select: 'handle' })).map((row) => row.handle)).not.toContain(
      created.handle,
    );
  });
});
