// Compiled twice: by tsconfig.test.json and by tsconfig.test-exact.json (exactOptionalPropertyTypes),
// since the facade's `$select` narrowing once fell back to the whole row under that flag alone.
import type { Client } from '@balena-ts/core';
import type { Application, Device } from '@balena-ts/models';
import * as application from '@balena-ts/models/application';
import * as device from '@balena-ts/models/device';
import { describe, expectTypeOf, test } from 'vitest';
import type { Balena } from '../src/index.js';

declare const balena: Balena;
declare const client: Client;

describe('$select narrows the facade as it narrows the module functions', () => {
  test('device.get and device.getAll', () => {
    expectTypeOf(balena.models.device.get('uuid', { $select: ['id', 'device_name'] })).resolves.toEqualTypeOf<
      Pick<Device, 'id' | 'device_name'>
    >();
    expectTypeOf(device.get(client, 'uuid', { $select: ['id', 'device_name'] })).resolves.toEqualTypeOf<
      Pick<Device, 'id' | 'device_name'>
    >();
    expectTypeOf(balena.models.device.getAll({ $select: ['uuid'] })).resolves.toEqualTypeOf<Pick<Device, 'uuid'>[]>();
    expectTypeOf(balena.models.device.getAll()).resolves.toEqualTypeOf<Device[]>();
  });

  test('application lists and single getters', () => {
    expectTypeOf(balena.models.application.getAll({ $select: ['id', 'slug'] })).resolves.toEqualTypeOf<
      Pick<Application, 'id' | 'slug'>[]
    >();
    expectTypeOf(application.getAll(client, { $select: ['id', 'slug'] })).resolves.toEqualTypeOf<
      Pick<Application, 'id' | 'slug'>[]
    >();
    expectTypeOf(balena.models.application.get('admin/fleet', { $select: 'app_name' })).resolves.toEqualTypeOf<
      Pick<Application, 'app_name'>
    >();
  });

  test('an unselected field does not compile', async () => {
    const row = await balena.models.device.get('uuid', { $select: ['id'] });
    // @ts-expect-error: device_name was not selected
    row.device_name;
  });

  test('$filter and $orderby field names are checked on the facade too', () => {
    balena.models.device.getAll({ $filter: { device_name: 'kitchen' }, $orderby: 'device_name asc' });
    // @ts-expect-error: devce_name is not a device field
    balena.models.device.getAll({ $filter: { devce_name: 'kitchen' } });
    // @ts-expect-error: app_nme is not an application field
    balena.models.application.getAll({ $orderby: 'app_nme asc' });
  });
});
