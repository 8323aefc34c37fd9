// What the generated type test (facade.test-d.ts) cannot see: both call signatures of the overloaded
// `remove`, the client-less functions kept as they are, and what the facade leaves out.
import type { Client, PageIterable } from '@balena-ts/core';
import type { Selected, TypedOptions } from '@balena-ts/models';
import type { Device } from '@balena-ts/models/device';
import * as deviceModule from '@balena-ts/models/device';
import * as deviceTagModule from '@balena-ts/models/device-tag';
import type { Release } from '@balena-ts/models/release';
import * as releaseModule from '@balena-ts/models/release';
import { describe, expectTypeOf, test } from 'vitest';
import { type Balena, bind, type OmitClient } from '../src/index.js';

declare const balena: Balena;
declare const client: Client;

describe('overloaded remove: by id (as in the Python SDK reference) and by parent and key', () => {
  const variables = balena.models.environmentVariables;
  const configVariables = balena.models.configVariable;
  test.each([
    ['application env', variables.application.remove],
    ['device env', variables.device.remove],
    ['service env', variables.serviceEnvironmentVariable.remove],
    ['application config', configVariables.applicationConfigVariable.remove],
    ['device config', configVariables.deviceConfigVariable.remove],
  ] as const)('%s variables', (_name, remove) => {
    expectTypeOf(remove).toBeCallableWith(42);
    expectTypeOf(remove).toBeCallableWith('myorg/myfleet', 'KEY');
  });
  test('device service env variables', () => {
    expectTypeOf(variables.deviceServiceEnvironmentVariable.remove).toBeCallableWith(42);
  });
  test('tags remove by parent and key only', () => {
    expectTypeOf(balena.models.tag.device.remove).toBeCallableWith('a'.repeat(32), 'location');
    expectTypeOf(balena.models.tag.device.remove).parameters.toEqualTypeOf<[string | number, string]>();
  });
});

describe('OmitClient', () => {
  test('drops the client and keeps the rest', () => {
    type Operation = (client: Client, id: number, note?: string) => Promise<boolean>;
    expectTypeOf<OmitClient<Operation>>().toEqualTypeOf<(id: number, note?: string) => Promise<boolean>>();
  });
  test('keeps both signatures of an overloaded operation', () => {
    type Remove = {
      (client: Client, id: number): Promise<void>;
      (client: Client, key: string, value: string): Promise<void>;
    };
    expectTypeOf<OmitClient<Remove>>().toBeCallableWith(1);
    expectTypeOf<OmitClient<Remove>>().toBeCallableWith('k', 'v');
  });
});

describe('what the facade holds besides operations', () => {
  test('client-less functions are the module functions themselves', () => {
    expectTypeOf(balena.models.device.generateUuid).toEqualTypeOf<typeof deviceModule.generateUuid>();
    expectTypeOf(balena.models.device.isArchitectureCompatible).toEqualTypeOf<
      typeof deviceModule.isArchitectureCompatible
    >();
  });
  test('constants, classes and transports stay in their modules', () => {
    expectTypeOf(balena.models.device).not.toHaveProperty('MAX_URL_LENGTH');
    expectTypeOf(balena.models.tag.device).not.toHaveProperty('PartialWriteError');
    expectTypeOf(balena.logs).not.toHaveProperty('ndjsonTransport');
    expectTypeOf(balena.logs).not.toHaveProperty('LOG_HEARTBEAT_INTERVAL_MS');
  });
  test('low-level access is the client itself', () => {
    expectTypeOf(balena.client).toEqualTypeOf<Client>();
    expectTypeOf(balena.pine).toEqualTypeOf<Client['pine']>();
    expectTypeOf(balena.request).toEqualTypeOf<Client['request']>();
  });
});

describe('bind insists on a choice for every function that takes no client', () => {
  const module = {
    read: (_client: Client, id: number): number => id,
    format: (value: number): string => String(value),
    Failure: class Failure extends Error {},
  };
  test('all choices given: operations bound, kept functions as they are', () => {
    const bound = bind(client, module, { format: true, Failure: false });
    expectTypeOf(bound.read).toEqualTypeOf<(id: number) => number>();
    expectTypeOf(bound.format).toEqualTypeOf<(value: number) => string>();
    expectTypeOf(bound).not.toHaveProperty('Failure');
  });
  test('a missing choice does not compile', () => {
    // @ts-expect-error: no choice for `Failure`
    bind(client, module, { format: true });
  });
  test('a function left out is not on the result', () => {
    expectTypeOf(bind(client, module, { format: false, Failure: false })).not.toHaveProperty('format');
  });
});

describe('typed queries survive binding: a literal $select narrows the result as on the module', () => {
  const uuid = 'a'.repeat(32);
  test('Promise<T>', () => {
    const facade = balena.models.device.get(uuid, { $select: ['id', 'uuid'] });
    expectTypeOf(facade).resolves.toEqualTypeOf<Pick<Device, 'id' | 'uuid'>>();
    expectTypeOf(facade).toEqualTypeOf(deviceModule.get(client, uuid, { $select: ['id', 'uuid'] }));
  });
  test('Promise<T[]>', () => {
    const facade = balena.models.device.getAllByApplication(1, { $select: 'device_name' });
    expectTypeOf(facade).resolves.toEqualTypeOf<Pick<Device, 'device_name'>[]>();
    expectTypeOf(facade).toEqualTypeOf(deviceModule.getAllByApplication(client, 1, { $select: 'device_name' }));
  });
  test('PageIterable<T>', () => {
    const facade = balena.models.device.streamAllByApplication(1, { $select: 'device_name' });
    expectTypeOf(facade).toEqualTypeOf<PageIterable<Pick<Device, 'device_name'>>>();
    expectTypeOf(facade).toEqualTypeOf(deviceModule.streamAllByApplication(client, 1, { $select: 'device_name' }));
  });
  test('Promise<T | undefined>', () => {
    const facade = balena.models.release.getLatestByApplication('org/fleet', { $select: ['commit'] });
    expectTypeOf(facade).resolves.toEqualTypeOf<Pick<Release, 'commit'> | undefined>();
    expectTypeOf(facade).toEqualTypeOf(
      releaseModule.getLatestByApplication(client, 'org/fleet', { $select: ['commit'] }),
    );
  });
  test('Promise<T[]> on a dependent resource', () => {
    const facade = balena.models.tag.device.getAllByDevice(uuid, { $select: ['tag_key', 'value'] });
    expectTypeOf(facade).toEqualTypeOf(deviceTagModule.getAllByDevice(client, uuid, { $select: ['tag_key', 'value'] }));
  });
  test('without $select, the whole resource', () => {
    expectTypeOf(balena.models.device.get(uuid)).resolves.toEqualTypeOf<Device>();
    expectTypeOf(
      balena.models.device.get(uuid, { $expand: 'belongs_to__application' }),
    ).resolves.toEqualTypeOf<Device>();
  });
  test('async iterables (a streaming getter), whatever the module returns them as', () => {
    const streaming = { streamGenerator, streamIterable };
    const bound = bind(client, streaming, {});
    expectTypeOf(bound.streamGenerator(1, { $select: ['id'] })).toEqualTypeOf<
      AsyncGenerator<Pick<Device, 'id'>, void, undefined>
    >();
    expectTypeOf(bound.streamIterable(1, { $select: 'uuid' })).toEqualTypeOf<AsyncIterable<Pick<Device, 'uuid'>>>();
    expectTypeOf(bound.streamIterable(1)).toEqualTypeOf<AsyncIterable<Device>>();
  });
  test('an unknown field does not compile', () => {
    // @ts-expect-error: not a device field
    balena.models.device.get(uuid, { $select: ['no_such_field'] });
  });
});

declare function streamGenerator<const O extends TypedOptions<Device> = {}>(
  client: Client,
  fleet: number,
  options?: O,
): AsyncGenerator<Selected<Device, O>, void, undefined>;
declare function streamIterable<const O extends TypedOptions<Device> = {}>(
  client: Client,
  fleet: number,
  options?: O,
): AsyncIterable<Selected<Device, O>>;
