// Wrong arguments to the account-side models (keys, teams, organizations, invites, billing, device
// types) end in an InvalidParameter naming the parameter and saying what was expected, before any
// request.
import { InvalidDeviceType, InvalidParameter } from '@balena-ts/core';
import * as apiKey from '@balena-ts/models/api-key';
import * as applicationInvite from '@balena-ts/models/application-invite';
import * as applicationMembership from '@balena-ts/models/application-membership';
import * as billing from '@balena-ts/models/billing';
import * as config from '@balena-ts/models/config';
import * as creditBundle from '@balena-ts/models/credit-bundle';
import * as deviceHistory from '@balena-ts/models/device-history';
import * as deviceType from '@balena-ts/models/device-type';
import * as image from '@balena-ts/models/image';
import * as key from '@balena-ts/models/key';
import * as organization from '@balena-ts/models/organization';
import * as organizationInvite from '@balena-ts/models/organization-invite';
import * as organizationMembership from '@balena-ts/models/organization-membership';
import * as team from '@balena-ts/models/team';
import * as teamApplicationAccess from '@balena-ts/models/team-application-access';
import * as teamMembership from '@balena-ts/models/team-membership';
import { describe, expect, it } from 'vitest';
import { expectRefusedBeforeRequest, rejectionOf } from './helpers/refusal.js';
import { useTestContext } from './helpers/sandbox.js';

const context = useTestContext();

const expectRefused = (work: () => Promise<unknown>, parameter: string, reason?: string) =>
  expectRefusedBeforeRequest(context.recorder, work, parameter, reason);

// biome-ignore lint/suspicious/noExplicitAny: wrong arguments on purpose.
type Any = any;

describe('api-key', () => {
  it('refuses a blank name, an id that is no id, and an update with nothing in it', async () => {
    const { client } = context;
    await expectRefused(() => apiKey.create(client, { name: '  ' }), 'name', 'an API key needs a name');
    await expectRefused(() => apiKey.update(client, 0, { name: 'x' }), 'id');
    await expectRefused(() => apiKey.update(client, 1, null as Any), 'apiKeyInfo', 'expected an object');
    await expectRefused(() => apiKey.update(client, 1, { name: ' ' }), 'apiKeyInfo.name', 'an API key needs a name');
    await expectRefused(() => apiKey.update(client, 1, {}), 'apiKeyInfo', 'nothing to update');
    await expectRefused(() => apiKey.revoke(client, 0), 'id');
  });
});

describe('application-invite and application-membership', () => {
  it('refuses missing parameters and blank texts', async () => {
    const { client } = context;
    await expectRefused(
      () => applicationInvite.create(client, 1, null as Any),
      'params',
      'expected { invitee, roleName?, message? }',
    );
    await expectRefused(
      () => applicationInvite.create(client, 1, { invitee: ' ' }),
      'invitee',
      'expected an e-mail address',
    );
    await expectRefused(() => applicationInvite.revoke(client, 0), 'id');
    await expectRefused(
      () => applicationInvite.accept(client, ''),
      'invitationToken',
      'expected the token of an invitation link',
    );
    await expectRefused(
      () => applicationMembership.create(client, null as Any),
      'params',
      'expected { application, username, roleName? }',
    );
    await expectRefused(
      () => applicationMembership.create(client, { application: 1, username: ' ' }),
      'username',
      'expected a username',
    );
  });
});

describe('billing', () => {
  it('refuses a plan change that is not { tier, cycle }', async () => {
    const { client } = context;
    await expectRefused(
      () => billing.changePlan(client, 'org', null as Any),
      'planChangeOptions',
      'expected { tier, cycle }',
    );
    await expectRefused(
      () => billing.changePlan(client, 'org', { tier: ' ', cycle: 'annual' }),
      'planChangeOptions.tier',
      'expected a plan tier',
    );
    await expectRefused(
      () => billing.changePlan(client, 'org', { tier: 'pro', cycle: 'weekly' as Any }),
      'planChangeOptions.cycle',
      "expected 'monthly' or 'annual'",
    );
    await expectRefused(
      () => billing.changePlan(client, 'org', { tier: 'pro', cycle: 'monthly', planChangeReason: 5 as Any }),
      'planChangeOptions.planChangeReason',
      'expected a string',
    );
  });

  it('refuses account and billing information that is not an object', async () => {
    const { client } = context;
    await expectRefused(
      () => billing.updateAccountInfo(client, 'org', null as Any),
      'accountInfo',
      'expected an object',
    );
    await expectRefused(
      () => billing.updateAccountInfo(client, 'org', 'x' as Any),
      'accountInfo',
      'expected an object',
    );
    await expectRefused(
      () => billing.updateBillingInfo(client, 'org', null as Any),
      'billingInfo',
      'expected { token_id }',
    );
    await expectRefused(
      () => billing.updateBillingInfo(client, 'org', { token_id: ' ' }),
      'billingInfo.token_id',
      'expected the token of the payment form',
    );
    await expectRefused(() => billing.createSetupIntent(client, null as Any), 'params', 'expected { organization }');
  });

  it('refuses invoice numbers that are not a plain token', async () => {
    const { client } = context;
    // The longest invoice number allowed goes to the API (which does not know the organization).
    const longest = await rejectionOf(() => billing.downloadInvoice(client, 'no-such-org', 'a'.repeat(128)));
    expect(longest).toBeInstanceOf(Error);
    expect(longest).not.toBeInstanceOf(InvalidParameter);
    for (const invoiceNumber of [5, ' inv', 'inv ', '', '.', '..', 'a'.repeat(129), 'in\nv']) {
      await expectRefused(
        () => billing.downloadInvoice(client, 'org', invoiceNumber as Any),
        'invoiceNumber',
        'expected an invoice number',
      );
    }
  });
});

describe('config', () => {
  it('refuses blank slugs and names unknown device types', async () => {
    const { client } = context;
    await expectRefused(
      () => config.getDeviceTypeManifestBySlug(client, ' '),
      'slugOrName',
      'expected a device type slug or name',
    );
    await expectRefused(() => config.getDeviceTypeManifest(client, ' '), 'slug', 'expected a device type slug');
    await expectRefused(() => config.getConfigVarSchema(client, ' '), 'deviceType', 'expected a device type slug');
    const bySlug = await rejectionOf(() => config.getDeviceTypeManifestBySlug(client, 'no-such-board'));
    expect(bySlug).toBeInstanceOf(InvalidDeviceType);
    expect((bySlug as Error).message).toBe('Invalid device type: no-such-board');
    const manifest = await rejectionOf(() => config.getDeviceTypeManifest(client, 'no-such-board'));
    expect(manifest).toBeInstanceOf(InvalidDeviceType);
    expect((manifest as Error).message).toBe('Invalid device type: no-such-board');
    expect((manifest as Error).cause).toBeInstanceOf(Error);
  });
});

describe('credit-bundle and device-history', () => {
  it('refuses a feature id, a credit count and dates that are not valid', async () => {
    const { client } = context;
    await expectRefused(() => creditBundle.create(client, 'org', 0, 5), 'featureId');
    await expectRefused(
      () => creditBundle.create(client, 'org', 1, 0),
      'creditsToPurchase',
      'expected a positive integer',
    );
    const uuid = 'a'.repeat(32);
    await expectRefused(
      () => deviceHistory.getAllByDevice(client, uuid, 'x' as Any),
      'dateFilter',
      'expected { fromDate?, toDate? }',
    );
    await expectRefused(
      () => deviceHistory.getAllByDevice(client, uuid, { fromDate: new Date('nope') }),
      'fromDate',
      'expected a valid Date',
    );
    await expectRefused(
      () => deviceHistory.getAllByDevice(client, uuid, { toDate: new Date('nope') }),
      'toDate',
      'expected a valid Date',
    );
  });
});

describe('device-type', () => {
  it('refuses ids and slugs that are no ids or slugs, and names unknown device types', async () => {
    const { client } = context;
    await expectRefused(() => deviceType.get(client, 0), 'idOrSlug', 'expected a positive integer id');
    await expectRefused(() => deviceType.get(client, ' '), 'idOrSlug');
    await expectRefused(() => deviceType.getBySlugOrName(client, ' '), 'slugOrName');
    for (const [work, name] of [
      [() => deviceType.get(client, 999_999), '999999'],
      [() => deviceType.get(client, 'no-such-board'), 'no-such-board'],
      [() => deviceType.getBySlugOrName(client, 'no-such-board'), 'no-such-board'],
    ] as const) {
      const error = await rejectionOf(work);
      expect(error).toBeInstanceOf(InvalidDeviceType);
      expect((error as Error).message).toBe(`Invalid device type: ${name}`);
    }
    await expectRefused(
      () => deviceType.getInstructions(client, 5 as Any),
      'deviceTypeSlugOrContract',
      'expected a slug or a contract',
    );
  });
});

describe('image and key', () => {
  it('refuses ids that are no ids, and blank titles and keys', async () => {
    const { client } = context;
    await expectRefused(() => image.get(client, 0), 'id');
    await expectRefused(() => key.create(client, ' ', 'ssh-ed25519 AAAA'), 'title', 'expected a title');
    await expectRefused(() => key.create(client, 'laptop', ' '), 'key', 'expected a public key');
    await expectRefused(() => key.get(client, 0), 'id');
    await expectRefused(() => key.remove(client, 0), 'id');
  });
});

describe('organization, its invites and memberships', () => {
  it('refuses an organization without a usable name or handle', async () => {
    const { client } = context;
    for (const value of [null, 'acme']) {
      await expectRefused(
        () => organization.create(client, value as Any),
        'organization',
        'expected an object with a name',
      );
    }
    await expectRefused(
      () => organization.create(client, { name: ' ' }),
      'organization.name',
      'expected a non-empty name',
    );
    for (const handle of [5, ' ']) {
      await expectRefused(
        () => organization.create(client, { name: 'Acme', handle: handle as Any }),
        'organization.handle',
        'expected a non-empty handle',
      );
    }
  });

  it('refuses an invite that is not { invitee } with an e-mail address', async () => {
    const { client } = context;
    for (const value of [null, 'ada@example.com']) {
      await expectRefused(
        () => organizationInvite.create(client, 'acme', value as Any),
        'invite',
        'expected { invitee, roleName?, message? }',
      );
    }
    for (const invitee of [5, 'ada']) {
      await expectRefused(
        () => organizationInvite.create(client, 'acme', { invitee: invitee as Any }),
        'invite.invitee',
        'expected an e-mail address',
      );
    }
    await expectRefused(() => organizationInvite.revoke(client, 0), 'id');
    await expectRefused(
      () => organizationInvite.accept(client, ' '),
      'invitationToken',
      'expected the token of an invitation',
    );
  });

  it('refuses a membership key with other fields than { user, is_member_of__organization }', async () => {
    const { client } = context;
    for (const value of [
      { user: 1 },
      { is_member_of__organization: 1 },
      { user: 1, is_member_of__organization: 1, extra: 1 },
      { user: 1, is_member_of__organization: 1, zzz: 1 },
      { user: 1, application: 1 },
      { is_member_of__organization: 1, role: 1 },
    ]) {
      await expectRefused(
        () => organizationMembership.remove(client, value as Any),
        'idOrUniqueKey',
        'expected an id or { user, is_member_of__organization }',
      );
    }
    await expectRefused(() => organizationMembership.remove(client, null as Any), 'idOrUniqueKey');
    const byId = await rejectionOf(() => organizationMembership.remove(client, 0));
    expect((byId as InvalidParameter).parameter).toBe('idOrUniqueKey');
    // An id is checked as an id, not as a key with the wrong fields.
    expect((byId as Error).message).not.toContain('is_member_of__organization');
  });
});

describe('team, its memberships and application accesses', () => {
  it('refuses ids that are no ids and blank names', async () => {
    const { client } = context;
    await expectRefused(() => team.create(client, 'acme', ' '), 'name', 'expected a name');
    await expectRefused(() => team.get(client, 0), 'teamId');
    await expectRefused(() => team.rename(client, 0, 'x'), 'teamId');
    await expectRefused(() => team.rename(client, 1, ' '), 'newTeamName', 'expected a name');
    await expectRefused(() => team.remove(client, 0), 'teamId');
    await expectRefused(() => teamApplicationAccess.add(client, 0, 1, 'developer'), 'teamId');
    await expectRefused(() => teamApplicationAccess.get(client, 0), 'teamApplicationAccessId');
    await expectRefused(() => teamApplicationAccess.getAllByTeam(client, 0), 'teamId');
    await expectRefused(() => teamApplicationAccess.update(client, 0, 'developer'), 'teamApplicationAccessId');
    await expectRefused(() => teamApplicationAccess.remove(client, 0), 'teamApplicationAccessId');
  });

  it('refuses team memberships without a team, a username or ids', async () => {
    const { client } = context;
    await expectRefused(() => teamMembership.create(client, null as Any), 'params', 'expected { team, username }');
    await expectRefused(() => teamMembership.create(client, { team: 0, username: 'ada' }), 'team');
    await expectRefused(
      () => teamMembership.create(client, { team: 1, username: ' ' }),
      'username',
      'expected a username',
    );
    await expectRefused(() => teamMembership.get(client, 0), 'membershipId');
    await expectRefused(() => teamMembership.getAllByTeam(client, 0), 'teamId');
    await expectRefused(
      () => teamMembership.remove(client, []),
      'idOrIds',
      'expected an id or a non-empty list of ids',
    );
    await expectRefused(() => teamMembership.remove(client, [1, 0]), 'idOrIds');
    // A single id is checked as an id, not taken for an empty list.
    const single = await rejectionOf(() => teamMembership.remove(client, 0));
    expect((single as InvalidParameter).parameter).toBe('idOrIds');
    expect((single as Error).message).not.toContain('non-empty list');
  });
});
