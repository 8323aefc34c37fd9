import type { Client } from '@balena-ts/core';
import type { ApiKey, Application, Device, Selected, SshKey, TypedOptions } from '@balena-ts/models';
import * as apiKey from '@balena-ts/models/api-key';
import * as application from '@balena-ts/models/application';
import * as device from '@balena-ts/models/device';
import * as key from '@balena-ts/models/key';
import { describe, expectTypeOf, it } from 'vitest';

declare const client: Client;

describe('$select narrows result types', () => {
  it('device.get with a literal $select array picks those fields', () => {
    expectTypeOf(device.get(client, 'uuid', { $select: ['id', 'device_name'] })).resolves.toEqualTypeOf<
      Pick<Device, 'id' | 'device_name'>
    >();
  });

  it('a single field narrows too; no $select gives the whole resource', () => {
    expectTypeOf(device.get(client, 1, { $select: 'uuid' })).resolves.toEqualTypeOf<Pick<Device, 'uuid'>>();
    expectTypeOf(device.get(client, 1)).resolves.toEqualTypeOf<Device>();
    expectTypeOf(device.get(client, 1, { $top: 1 })).resolves.toEqualTypeOf<Device>();
  });

  it('lists and other models narrow the same way', () => {
    expectTypeOf(application.getAll(client, { $select: ['id', 'slug'] })).resolves.toEqualTypeOf<
      Pick<Application, 'id' | 'slug'>[]
    >();
    expectTypeOf(application.get(client, 'admin/fleet', { $select: ['app_name'] })).resolves.toEqualTypeOf<
      Pick<Application, 'app_name'>
    >();
    expectTypeOf(key.get(client, 1, { $select: ['title'] })).resolves.toEqualTypeOf<Pick<SshKey, 'title'>>();
    expectTypeOf(device.getAllByApplication(client, 1, { $select: ['uuid'] })).resolves.toEqualTypeOf<
      Pick<Device, 'uuid'>[]
    >();
    expectTypeOf(device.getAllByOrganization(client, 'admin', { $select: ['id'] })).resolves.toEqualTypeOf<
      Pick<Device, 'id'>[]
    >();
    expectTypeOf(apiKey.getAllNamedUserApiKeys(client, { $select: ['name'] })).resolves.toEqualTypeOf<
      Pick<ApiKey, 'name'>[]
    >();
    expectTypeOf(application.getAllByOrganization(client, 'admin')).resolves.toEqualTypeOf<Application[]>();
  });

  it('for await over a device stream yields the narrowed rows', async () => {
    for await (const row of device.streamAllByApplication(client, 1, { $select: ['id', 'overall_status'] })) {
      expectTypeOf(row).toEqualTypeOf<Pick<Device, 'id' | 'overall_status'>>();
    }
  });

  it('rejects fields the resource does not have', () => {
    // @ts-expect-error: 'not_a_field' is not a device field
    device.get(client, 1, { $select: ['id', 'not_a_field'] });
    // @ts-expect-error: 'uuid' is not an SSH key field
    key.get(client, 1, { $select: 'uuid' });
    // @ts-expect-error: 'device_name' is not an application field
    application.get(client, 1, { $select: ['device_name'] });
  });

  it('Selected and TypedOptions work on their own', () => {
    expectTypeOf<Selected<Device, { $select: readonly ['uuid'] }>>().toEqualTypeOf<Pick<Device, 'uuid'>>();
    expectTypeOf<Selected<Device, { $select: '*' }>>().toEqualTypeOf<Device>();
    expectTypeOf<{ $select: ['id'] }>().toExtend<TypedOptions<Device>>();
  });
});
