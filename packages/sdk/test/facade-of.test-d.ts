// The facade's type is computed from its descriptor: these check the pieces of that computation.
import type { Client, RequestDefaults } from '@balena-ts/core';
import * as device from '@balena-ts/models/device';
import * as deviceEnvVariable from '@balena-ts/models/device-env-variable';
import * as deviceTag from '@balena-ts/models/device-tag';
import { describe, expectTypeOf, test } from 'vitest';
import {
  type BalenaSdk,
  type Bound,
  bindFacade,
  type FacadeOf,
  facadeModule,
  facadeValue,
  type OmitClient,
} from '../src/index.js';

declare const client: Client;
declare const balena: BalenaSdk;
const parent = {
  read: (_client: Client, id: number): string => String(id),
  format: (id: number): string => `#${id}`,
};
const child = { read: (_client: Client, id: number): Promise<number> => Promise.resolve(id) };

describe('FacadeOf', () => {
  test('a module node is its bound module; its children sit beside its operations', () => {
    const node = facadeModule(parent, { format: true }, { child: facadeModule(child, {}) });
    type Facade = FacadeOf<typeof node>;
    expectTypeOf<Facade['read']>().toEqualTypeOf<OmitClient<typeof parent.read>>();
    expectTypeOf<Facade['format']>().toEqualTypeOf<typeof parent.format>();
    expectTypeOf<Facade['child']>().toEqualTypeOf<Bound<typeof child>>();
  });
  test('a client value is its value; a group is an object of its paths', () => {
    const descriptor = { pine: facadeValue((value: Client) => value.pine), group: { child: facadeModule(child, {}) } };
    expectTypeOf<FacadeOf<typeof descriptor>['pine']>().toEqualTypeOf<Client['pine']>();
    expectTypeOf<FacadeOf<typeof descriptor>['group']['child']['read']>().toEqualTypeOf<
      (id: number) => Promise<number>
    >();
    expectTypeOf(bindFacade(client, descriptor)).toEqualTypeOf<FacadeOf<typeof descriptor>>();
  });
  test('a child may not hide an export of its module', () => {
    // @ts-expect-error: `read` is an export of `parent`
    facadeModule(parent, { format: true }, { read: facadeModule(child, {}) });
  });
  test('a standalone choice is required for every function that takes no client', () => {
    // @ts-expect-error: no choice for `format`
    facadeModule(parent, {});
    expectTypeOf(typeOfFacade(facadeModule(parent, { format: false }))).not.toHaveProperty('format');
  });
  test("new Balena()'s tree is the descriptor's", () => {
    expectTypeOf<BalenaSdk['models']['device']['get']>().toBeFunction();
    expectTypeOf<BalenaSdk>().not.toHaveProperty('kind');
    expectTypeOf<BalenaSdk['models']>().not.toHaveProperty('kind');
  });
});

declare function typeOfFacade<D>(node: D): FacadeOf<D>;

describe('a tree of another shape, as balena-sdk 23 has it', () => {
  type AfterClient<P> = P extends [unknown, ...infer Rest] ? Rest : never;
  const descriptor = {
    models: {
      // A model with its sub-models under it, one of them renamed function by function.
      device: facadeModule(
        device,
        {
          generateUuid: true,
          isArchitectureCompatible: true,
          generateUniqueKey: true,
          getOsVersion: true,
          getLocalModeSupport: true,
          PartialWriteError: false,
        },
        {
          envVar: facadeModule(
            {
              get: deviceEnvVariable.get,
              set: deviceEnvVariable.set,
              getAllByDevice: deviceEnvVariable.getAllByDevice,
            },
            {},
          ),
          tags: facadeModule(deviceTag, { PartialWriteError: false }),
        },
      ),
    },
  };
  type Sdk = FacadeOf<typeof descriptor>;
  test('paths under a module carry their own bound functions', () => {
    expectTypeOf<Parameters<Sdk['models']['device']['envVar']['set']>>().toEqualTypeOf<
      AfterClient<Parameters<typeof deviceEnvVariable.set>>
    >();
    expectTypeOf<ReturnType<Sdk['models']['device']['tags']['getAllByDevice']>>().toEqualTypeOf<
      ReturnType<typeof deviceTag.getAllByDevice>
    >();
    expectTypeOf<Sdk['models']['device']['generateUuid']>().toEqualTypeOf<typeof device.generateUuid>();
    expectTypeOf<Sdk['models']['device']['envVar']>().not.toHaveProperty('remove');
  });
});

describe('withOptions', () => {
  test('gives the same tree, bound to a client from withOptions', () => {
    expectTypeOf(balena.withOptions).toEqualTypeOf<(defaults: RequestDefaults) => BalenaSdk>();
    const bounded = balena.withOptions({ signal: AbortSignal.timeout(1_000), deadline: 5_000 });
    expectTypeOf(bounded.models.device.get).toEqualTypeOf(balena.models.device.get);
    expectTypeOf(bounded.withOptions({ retry: 0 }).logs.history).toEqualTypeOf(balena.logs.history);
    // @ts-expect-error: the defaults are RequestDefaults, checked like core's withOptions
    balena.withOptions({ timeout: '5s' });
  });
});
