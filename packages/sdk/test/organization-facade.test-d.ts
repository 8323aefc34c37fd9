// The organization models on the facade: each method has the module function's parameters after
// the client, and its result, at the path balena-sdk uses (`balena.models.organization.membership.tags`).

import type * as authModule from '@balena-ts/auth';
import type * as organizationModule from '@balena-ts/models/organization';
import type * as inviteModule from '@balena-ts/models/organization-invite';
import type * as membershipModule from '@balena-ts/models/organization-membership';
import type * as membershipTagModule from '@balena-ts/models/organization-membership-tag';
import { describe, expectTypeOf, test } from 'vitest';
import type { Balena } from '../src/index.js';

declare const balena: Balena;
type AfterClient<P> = P extends [unknown, ...infer Rest] ? Rest : never;

describe('balena.models.organization', () => {
  test('create', () => {
    expectTypeOf<Parameters<typeof balena.models.organization.create>>().toEqualTypeOf<
      AfterClient<Parameters<typeof organizationModule.create>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.organization.create>>().toEqualTypeOf<
      ReturnType<typeof organizationModule.create>
    >();
  });
  test('get', () => {
    expectTypeOf<Parameters<typeof balena.models.organization.get>>().toEqualTypeOf<
      AfterClient<Parameters<typeof organizationModule.get>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.organization.get>>().toEqualTypeOf<
      ReturnType<typeof organizationModule.get>
    >();
  });
  test('getAll', () => {
    expectTypeOf<Parameters<typeof balena.models.organization.getAll>>().toEqualTypeOf<
      AfterClient<Parameters<typeof organizationModule.getAll>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.organization.getAll>>().toEqualTypeOf<
      ReturnType<typeof organizationModule.getAll>
    >();
  });
  test('remove', () => {
    expectTypeOf<Parameters<typeof balena.models.organization.remove>>().toEqualTypeOf<
      AfterClient<Parameters<typeof organizationModule.remove>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.organization.remove>>().toEqualTypeOf<
      ReturnType<typeof organizationModule.remove>
    >();
  });
});

describe('balena.models.organization.membership', () => {
  test('get', () => {
    expectTypeOf<Parameters<typeof balena.models.organization.membership.get>>().toEqualTypeOf<
      AfterClient<Parameters<typeof membershipModule.get>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.organization.membership.get>>().toEqualTypeOf<
      ReturnType<typeof membershipModule.get>
    >();
  });
  test('getAllByOrganization', () => {
    expectTypeOf<Parameters<typeof balena.models.organization.membership.getAllByOrganization>>().toEqualTypeOf<
      AfterClient<Parameters<typeof membershipModule.getAllByOrganization>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.organization.membership.getAllByOrganization>>().toEqualTypeOf<
      ReturnType<typeof membershipModule.getAllByOrganization>
    >();
  });
  test('getAllByUser', () => {
    expectTypeOf<Parameters<typeof balena.models.organization.membership.getAllByUser>>().toEqualTypeOf<
      AfterClient<Parameters<typeof membershipModule.getAllByUser>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.organization.membership.getAllByUser>>().toEqualTypeOf<
      ReturnType<typeof membershipModule.getAllByUser>
    >();
  });
  test('changeRole', () => {
    expectTypeOf<Parameters<typeof balena.models.organization.membership.changeRole>>().toEqualTypeOf<
      AfterClient<Parameters<typeof membershipModule.changeRole>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.organization.membership.changeRole>>().toEqualTypeOf<
      ReturnType<typeof membershipModule.changeRole>
    >();
  });
  test('remove', () => {
    expectTypeOf<Parameters<typeof balena.models.organization.membership.remove>>().toEqualTypeOf<
      AfterClient<Parameters<typeof membershipModule.remove>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.organization.membership.remove>>().toEqualTypeOf<
      ReturnType<typeof membershipModule.remove>
    >();
  });
});

describe('balena.models.organization.membership.tags', () => {
  test('getAllByOrganization', () => {
    expectTypeOf<Parameters<typeof balena.models.organization.membership.tags.getAllByOrganization>>().toEqualTypeOf<
      AfterClient<Parameters<typeof membershipTagModule.getAllByOrganization>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.organization.membership.tags.getAllByOrganization>>().toEqualTypeOf<
      ReturnType<typeof membershipTagModule.getAllByOrganization>
    >();
  });
  test('getAllByOrganizationMembership', () => {
    expectTypeOf<
      Parameters<typeof balena.models.organization.membership.tags.getAllByOrganizationMembership>
    >().toEqualTypeOf<AfterClient<Parameters<typeof membershipTagModule.getAllByOrganizationMembership>>>();
    expectTypeOf<
      ReturnType<typeof balena.models.organization.membership.tags.getAllByOrganizationMembership>
    >().toEqualTypeOf<ReturnType<typeof membershipTagModule.getAllByOrganizationMembership>>();
  });
  test('get', () => {
    expectTypeOf<Parameters<typeof balena.models.organization.membership.tags.get>>().toEqualTypeOf<
      AfterClient<Parameters<typeof membershipTagModule.get>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.organization.membership.tags.get>>().toEqualTypeOf<
      ReturnType<typeof membershipTagModule.get>
    >();
  });
  test('set', () => {
    expectTypeOf<Parameters<typeof balena.models.organization.membership.tags.set>>().toEqualTypeOf<
      AfterClient<Parameters<typeof membershipTagModule.set>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.organization.membership.tags.set>>().toEqualTypeOf<
      ReturnType<typeof membershipTagModule.set>
    >();
  });
  test('remove', () => {
    expectTypeOf<Parameters<typeof balena.models.organization.membership.tags.remove>>().toEqualTypeOf<
      AfterClient<Parameters<typeof membershipTagModule.remove>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.organization.membership.tags.remove>>().toEqualTypeOf<
      ReturnType<typeof membershipTagModule.remove>
    >();
  });
});

describe('balena.models.organization.invite', () => {
  test('create', () => {
    expectTypeOf<Parameters<typeof balena.models.organization.invite.create>>().toEqualTypeOf<
      AfterClient<Parameters<typeof inviteModule.create>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.organization.invite.create>>().toEqualTypeOf<
      ReturnType<typeof inviteModule.create>
    >();
  });
  test('getAll', () => {
    expectTypeOf<Parameters<typeof balena.models.organization.invite.getAll>>().toEqualTypeOf<
      AfterClient<Parameters<typeof inviteModule.getAll>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.organization.invite.getAll>>().toEqualTypeOf<
      ReturnType<typeof inviteModule.getAll>
    >();
  });
  test('getAllByOrganization', () => {
    expectTypeOf<Parameters<typeof balena.models.organization.invite.getAllByOrganization>>().toEqualTypeOf<
      AfterClient<Parameters<typeof inviteModule.getAllByOrganization>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.organization.invite.getAllByOrganization>>().toEqualTypeOf<
      ReturnType<typeof inviteModule.getAllByOrganization>
    >();
  });
  test('accept', () => {
    expectTypeOf<Parameters<typeof balena.models.organization.invite.accept>>().toEqualTypeOf<
      AfterClient<Parameters<typeof inviteModule.accept>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.organization.invite.accept>>().toEqualTypeOf<
      ReturnType<typeof inviteModule.accept>
    >();
  });
  test('revoke', () => {
    expectTypeOf<Parameters<typeof balena.models.organization.invite.revoke>>().toEqualTypeOf<
      AfterClient<Parameters<typeof inviteModule.revoke>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.organization.invite.revoke>>().toEqualTypeOf<
      ReturnType<typeof inviteModule.revoke>
    >();
  });
});

describe('balena.auth', () => {
  test('requestVerificationEmail', () => {
    expectTypeOf<Parameters<typeof balena.auth.requestVerificationEmail>>().toEqualTypeOf<
      AfterClient<Parameters<typeof authModule.requestVerificationEmail>>
    >();
    expectTypeOf<ReturnType<typeof balena.auth.requestVerificationEmail>>().toEqualTypeOf<
      ReturnType<typeof authModule.requestVerificationEmail>
    >();
  });
  test('verifyEmail', () => {
    expectTypeOf<Parameters<typeof balena.auth.verifyEmail>>().toEqualTypeOf<
      AfterClient<Parameters<typeof authModule.verifyEmail>>
    >();
    expectTypeOf<ReturnType<typeof balena.auth.verifyEmail>>().toEqualTypeOf<
      ReturnType<typeof authModule.verifyEmail>
    >();
  });
});
