// The compat tree's types: each path is typed from the module function it calls (client dropped),
// so a literal `$select` narrows as on the module, adapters take balena-sdk's arguments, and the
// error classes are balena-ts's under balena-sdk's names.
import type { DeviceNotFound, InvalidParameter } from '@balena-ts/core';
import type { Application, Device } from '@balena-ts/models';
import { describe, expectTypeOf, test } from 'vitest';
import type { BalenaSdkCompat } from '../src/compat.js';
import { BalenaDeviceNotFound, BalenaInvalidParameterError, type errors } from '../src/compat.js';

declare const balena: BalenaSdkCompat;

describe('compat paths are typed from their module functions', () => {
  test('$select narrows through compat, adapters included', () => {
    expectTypeOf(balena.models.device.get('uuid', { $select: ['id', 'device_name'] })).resolves.toEqualTypeOf<
      Pick<Device, 'id' | 'device_name'>
    >();
    expectTypeOf(balena.models.application.getAll({ $select: ['id', 'slug'] })).resolves.toEqualTypeOf<
      Pick<Application, 'id' | 'slug'>[]
    >();
    expectTypeOf(balena.models.application.get('org/fleet')).resolves.toEqualTypeOf<Application>();
    // balena-sdk's `context` after the options keeps the narrowing.
    expectTypeOf(
      balena.models.application.getAll({ $select: ['id', 'slug'] }, 'directly_accessible'),
    ).resolves.toEqualTypeOf<Pick<Application, 'id' | 'slug'>[]>();
    expectTypeOf(
      balena.models.application.get(1, { $select: ['id', 'is_public'] }, 'directly_accessible'),
    ).resolves.toEqualTypeOf<Pick<Application, 'id' | 'is_public'>>();
    expectTypeOf(balena.models.application.getAll).parameter(1).toEqualTypeOf<'directly_accessible' | undefined>();
  });

  test("balena-sdk's argument shapes", () => {
    expectTypeOf(balena.models.application.create)
      .parameter(0)
      .toMatchTypeOf<{ name: string; deviceType: string; organization?: string | number }>();
    expectTypeOf(balena.models.device.envVar.set).toBeCallableWith('uuid', 'EDITOR', 'vim');
    expectTypeOf(balena.models.device.reboot).toBeCallableWith('uuid', { force: true });
    expectTypeOf(balena.auth.logout).returns.resolves.toBeVoid();
    // @ts-expect-error balena-sdk's application.create takes one options object
    balena.models.application.create('name', 'raspberrypi4-64');
  });

  test('error classes are the balena-ts classes under balena-sdk names', () => {
    expectTypeOf(new BalenaDeviceNotFound('uuid')).toMatchTypeOf<DeviceNotFound>();
    expectTypeOf(new BalenaInvalidParameterError('name', 1)).toMatchTypeOf<InvalidParameter>();
    expectTypeOf(balena.errors).toEqualTypeOf<typeof errors>();
  });
});
