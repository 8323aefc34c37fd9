// Also compiled with exactOptionalPropertyTypes (tsconfig.test-exact.json).
import type { Client, Filter, ODataOptions } from '@balena-ts/core';
import type { Device, TypedFilter, TypedOptions } from '@balena-ts/models';
import * as application from '@balena-ts/models/application';
import * as device from '@balena-ts/models/device';
import * as deviceTag from '@balena-ts/models/device-tag';
import { describe, expectTypeOf, it } from 'vitest';

declare const client: Client;

describe('$filter field names are those of the row', () => {
  it('accepts fields, operators, nested navigations and lambdas', () => {
    device.getAll(client, { $filter: { device_name: 'kitchen', is_online: true } });
    device.getAll(client, { $filter: { device_name: { $startswith: 'k' }, os_version: { $ne: null } } });
    device.getAll(client, { $filter: { $or: [{ device_name: 'a' }, { uuid: { $in: ['x', 'y'] } }] } });
    device.getAll(client, { $filter: { $not: { is_online: false } } });
    device.getAll(client, { $filter: { belongs_to__application: { slug: 'admin/fleet' } } });
    device.getAll(client, {
      $filter: { is_running__release: { $any: { $alias: 'r', $expr: { r: { commit: 'abc' } } } } },
    });
    application.getAll(client, { $filter: { app_name: { $contains: 'fleet' } }, $orderby: 'app_name desc' });
    deviceTag.getAll(client, { $filter: { tag_key: 'location' } });
  });

  it('rejects a misspelt field, at the top, inside $and/$or/$not and beside a valid one', () => {
    // @ts-expect-error: devce_name is not a device field
    device.getAll(client, { $filter: { devce_name: 'x' } });
    // @ts-expect-error: inside $or
    device.getAll(client, { $filter: { $or: [{ device_name: 'a' }, { uuuid: 'b' }] } });
    // @ts-expect-error: inside $not
    device.getAll(client, { $filter: { $not: { is_onlin: true } } });
    // @ts-expect-error: app_name is an application field, not a device field
    device.get(client, 1, { $filter: { app_name: 'x' } });
    // @ts-expect-error: device_name is not a tag field
    deviceTag.getAll(client, { $filter: { device_name: 'x' } });
    const filter: TypedFilter<Device> = {
      device_name: 'a',
      // @ts-expect-error: beside a valid field, in a value typed as TypedFilter
      devce_type: 'x',
    };
    void filter;
  });

  it('keeps untyped filters usable (core Filter), and typed options are still ODataOptions', () => {
    // A reverse navigation the row type does not list: written as core's Filter, it is not checked.
    const untyped: Filter = { device_tag: { $any: { $alias: 't', $expr: { t: { tag_key: 'k' } } } } };
    device.getAll(client, { $filter: untyped });
    expectTypeOf<TypedOptions<Device>>().toExtend<ODataOptions>();
  });
});

describe('$orderby field names are those of the row', () => {
  it('accepts a field, with a direction, in arrays, as objects, and paths into navigations', () => {
    device.getAll(client, { $orderby: 'device_name' });
    device.getAll(client, { $orderby: 'device_name desc' });
    device.getAll(client, { $orderby: ['device_name asc', 'id desc'] });
    device.getAll(client, { $orderby: { device_name: 'asc' } });
    device.getAll(client, { $orderby: [{ device_name: 'asc' }, { id: 'desc' }] });
    device.getAll(client, { $orderby: 'belongs_to__application/app_name asc' });
  });

  it('rejects a misspelt field or direction', () => {
    // @ts-expect-error: devce_name
    device.getAll(client, { $orderby: 'devce_name asc' });
    // @ts-expect-error: direction
    device.getAll(client, { $orderby: 'device_name up' });
    // @ts-expect-error: in an array
    device.getAll(client, { $orderby: ['device_name asc', 'nme desc'] });
    // @ts-expect-error: as an object
    device.getAll(client, { $orderby: { devce_name: 'asc' } });
  });
});
