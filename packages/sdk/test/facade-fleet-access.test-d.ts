// The official balena-sdk's fleet member and team functions on the facade: each method has the
// module function's parameters after the client, and its result.

import type * as applicationInviteModule from '@balena-ts/models/application-invite';
import type * as applicationMembershipModule from '@balena-ts/models/application-membership';
import type * as teamModule from '@balena-ts/models/team';
import type * as teamApplicationAccessModule from '@balena-ts/models/team-application-access';
import type * as teamMembershipModule from '@balena-ts/models/team-membership';
import { describe, expectTypeOf, test } from 'vitest';
import type { Balena } from '../src/index.js';

declare const balena: Balena;
type AfterClient<P> = P extends [unknown, ...infer Rest] ? Rest : never;

describe('balena.models.application.membership', () => {
  test('create', () => {
    expectTypeOf<Parameters<typeof balena.models.application.membership.create>>().toEqualTypeOf<
      AfterClient<Parameters<typeof applicationMembershipModule.create>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.application.membership.create>>().toEqualTypeOf<
      ReturnType<typeof applicationMembershipModule.create>
    >();
  });
  test('get', () => {
    expectTypeOf<Parameters<typeof balena.models.application.membership.get>>().toEqualTypeOf<
      AfterClient<Parameters<typeof applicationMembershipModule.get>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.application.membership.get>>().toEqualTypeOf<
      ReturnType<typeof applicationMembershipModule.get>
    >();
  });
  test('getAllByApplication', () => {
    expectTypeOf<Parameters<typeof balena.models.application.membership.getAllByApplication>>().toEqualTypeOf<
      AfterClient<Parameters<typeof applicationMembershipModule.getAllByApplication>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.application.membership.getAllByApplication>>().toEqualTypeOf<
      ReturnType<typeof applicationMembershipModule.getAllByApplication>
    >();
  });
  test('getAllByUser', () => {
    expectTypeOf<Parameters<typeof balena.models.application.membership.getAllByUser>>().toEqualTypeOf<
      AfterClient<Parameters<typeof applicationMembershipModule.getAllByUser>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.application.membership.getAllByUser>>().toEqualTypeOf<
      ReturnType<typeof applicationMembershipModule.getAllByUser>
    >();
  });
  test('changeRole', () => {
    expectTypeOf<Parameters<typeof balena.models.application.membership.changeRole>>().toEqualTypeOf<
      AfterClient<Parameters<typeof applicationMembershipModule.changeRole>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.application.membership.changeRole>>().toEqualTypeOf<
      ReturnType<typeof applicationMembershipModule.changeRole>
    >();
  });
  test('remove', () => {
    expectTypeOf<Parameters<typeof balena.models.application.membership.remove>>().toEqualTypeOf<
      AfterClient<Parameters<typeof applicationMembershipModule.remove>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.application.membership.remove>>().toEqualTypeOf<
      ReturnType<typeof applicationMembershipModule.remove>
    >();
  });
});

describe('balena.models.team', () => {
  test('create', () => {
    expectTypeOf<Parameters<typeof balena.models.team.create>>().toEqualTypeOf<
      AfterClient<Parameters<typeof teamModule.create>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.team.create>>().toEqualTypeOf<ReturnType<typeof teamModule.create>>();
  });
  test('get', () => {
    expectTypeOf<Parameters<typeof balena.models.team.get>>().toEqualTypeOf<
      AfterClient<Parameters<typeof teamModule.get>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.team.get>>().toEqualTypeOf<ReturnType<typeof teamModule.get>>();
  });
  test('getAllByOrganization', () => {
    expectTypeOf<Parameters<typeof balena.models.team.getAllByOrganization>>().toEqualTypeOf<
      AfterClient<Parameters<typeof teamModule.getAllByOrganization>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.team.getAllByOrganization>>().toEqualTypeOf<
      ReturnType<typeof teamModule.getAllByOrganization>
    >();
  });
  test('rename', () => {
    expectTypeOf<Parameters<typeof balena.models.team.rename>>().toEqualTypeOf<
      AfterClient<Parameters<typeof teamModule.rename>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.team.rename>>().toEqualTypeOf<ReturnType<typeof teamModule.rename>>();
  });
  test('remove', () => {
    expectTypeOf<Parameters<typeof balena.models.team.remove>>().toEqualTypeOf<
      AfterClient<Parameters<typeof teamModule.remove>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.team.remove>>().toEqualTypeOf<ReturnType<typeof teamModule.remove>>();
  });
});

describe('balena.models.team.membership', () => {
  test('create', () => {
    expectTypeOf<Parameters<typeof balena.models.team.membership.create>>().toEqualTypeOf<
      AfterClient<Parameters<typeof teamMembershipModule.create>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.team.membership.create>>().toEqualTypeOf<
      ReturnType<typeof teamMembershipModule.create>
    >();
  });
  test('get', () => {
    expectTypeOf<Parameters<typeof balena.models.team.membership.get>>().toEqualTypeOf<
      AfterClient<Parameters<typeof teamMembershipModule.get>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.team.membership.get>>().toEqualTypeOf<
      ReturnType<typeof teamMembershipModule.get>
    >();
  });
  test('getAllByTeam', () => {
    expectTypeOf<Parameters<typeof balena.models.team.membership.getAllByTeam>>().toEqualTypeOf<
      AfterClient<Parameters<typeof teamMembershipModule.getAllByTeam>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.team.membership.getAllByTeam>>().toEqualTypeOf<
      ReturnType<typeof teamMembershipModule.getAllByTeam>
    >();
  });
  test('getAllByUser', () => {
    expectTypeOf<Parameters<typeof balena.models.team.membership.getAllByUser>>().toEqualTypeOf<
      AfterClient<Parameters<typeof teamMembershipModule.getAllByUser>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.team.membership.getAllByUser>>().toEqualTypeOf<
      ReturnType<typeof teamMembershipModule.getAllByUser>
    >();
  });
  test('remove', () => {
    expectTypeOf<Parameters<typeof balena.models.team.membership.remove>>().toEqualTypeOf<
      AfterClient<Parameters<typeof teamMembershipModule.remove>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.team.membership.remove>>().toEqualTypeOf<
      ReturnType<typeof teamMembershipModule.remove>
    >();
  });
});

describe('balena.models.team.applicationAccess', () => {
  test('add', () => {
    expectTypeOf<Parameters<typeof balena.models.team.applicationAccess.add>>().toEqualTypeOf<
      AfterClient<Parameters<typeof teamApplicationAccessModule.add>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.team.applicationAccess.add>>().toEqualTypeOf<
      ReturnType<typeof teamApplicationAccessModule.add>
    >();
  });
  test('get', () => {
    expectTypeOf<Parameters<typeof balena.models.team.applicationAccess.get>>().toEqualTypeOf<
      AfterClient<Parameters<typeof teamApplicationAccessModule.get>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.team.applicationAccess.get>>().toEqualTypeOf<
      ReturnType<typeof teamApplicationAccessModule.get>
    >();
  });
  test('getAllByTeam', () => {
    expectTypeOf<Parameters<typeof balena.models.team.applicationAccess.getAllByTeam>>().toEqualTypeOf<
      AfterClient<Parameters<typeof teamApplicationAccessModule.getAllByTeam>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.team.applicationAccess.getAllByTeam>>().toEqualTypeOf<
      ReturnType<typeof teamApplicationAccessModule.getAllByTeam>
    >();
  });
  test('update', () => {
    expectTypeOf<Parameters<typeof balena.models.team.applicationAccess.update>>().toEqualTypeOf<
      AfterClient<Parameters<typeof teamApplicationAccessModule.update>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.team.applicationAccess.update>>().toEqualTypeOf<
      ReturnType<typeof teamApplicationAccessModule.update>
    >();
  });
  test('remove', () => {
    expectTypeOf<Parameters<typeof balena.models.team.applicationAccess.remove>>().toEqualTypeOf<
      AfterClient<Parameters<typeof teamApplicationAccessModule.remove>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.team.applicationAccess.remove>>().toEqualTypeOf<
      ReturnType<typeof teamApplicationAccessModule.remove>
    >();
  });
});

describe('balena.models.application.invite', () => {
  test('create', () => {
    expectTypeOf<Parameters<typeof balena.models.application.invite.create>>().toEqualTypeOf<
      AfterClient<Parameters<typeof applicationInviteModule.create>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.application.invite.create>>().toEqualTypeOf<
      ReturnType<typeof applicationInviteModule.create>
    >();
  });
  test('getAll', () => {
    expectTypeOf<Parameters<typeof balena.models.application.invite.getAll>>().toEqualTypeOf<
      AfterClient<Parameters<typeof applicationInviteModule.getAll>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.application.invite.getAll>>().toEqualTypeOf<
      ReturnType<typeof applicationInviteModule.getAll>
    >();
  });
  test('getAllByApplication', () => {
    expectTypeOf<Parameters<typeof balena.models.application.invite.getAllByApplication>>().toEqualTypeOf<
      AfterClient<Parameters<typeof applicationInviteModule.getAllByApplication>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.application.invite.getAllByApplication>>().toEqualTypeOf<
      ReturnType<typeof applicationInviteModule.getAllByApplication>
    >();
  });
  test('accept', () => {
    expectTypeOf<Parameters<typeof balena.models.application.invite.accept>>().toEqualTypeOf<
      AfterClient<Parameters<typeof applicationInviteModule.accept>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.application.invite.accept>>().toEqualTypeOf<
      ReturnType<typeof applicationInviteModule.accept>
    >();
  });
  test('revoke', () => {
    expectTypeOf<Parameters<typeof balena.models.application.invite.revoke>>().toEqualTypeOf<
      AfterClient<Parameters<typeof applicationInviteModule.revoke>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.application.invite.revoke>>().toEqualTypeOf<
      ReturnType<typeof applicationInviteModule.revoke>
    >();
  });
});
