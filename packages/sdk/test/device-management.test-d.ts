// The facade paths of device management, device types and device history: each method has the
// module function's parameters after the client and its result; functions without a client are kept.
import type * as deviceModule from '@balena-ts/models/device';
import type * as deviceHistoryModule from '@balena-ts/models/device-history';
import type * as deviceTypeModule from '@balena-ts/models/device-type';
import { describe, expectTypeOf, test } from 'vitest';
import type { Balena } from '../src/index.js';

declare const balena: Balena;
type AfterClient<P> = P extends [unknown, ...infer Rest] ? Rest : never;

describe('balena.models.device: device management', () => {
  test('bound functions take the module function’s arguments after the client', () => {
    expectTypeOf<Parameters<typeof balena.models.device.reboot>>().toEqualTypeOf<
      AfterClient<Parameters<typeof deviceModule.reboot>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.device.getMetrics>>().toEqualTypeOf<
      ReturnType<typeof deviceModule.getMetrics>
    >();
    expectTypeOf<Parameters<typeof balena.models.device.getSupervisorTargetState>>().toEqualTypeOf<
      AfterClient<Parameters<typeof deviceModule.getSupervisorTargetState>>
    >();
    expectTypeOf<Parameters<typeof balena.models.device.pinToSupervisorRelease>>().toEqualTypeOf<
      AfterClient<Parameters<typeof deviceModule.pinToSupervisorRelease>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.device.hasLockOverride>>().toEqualTypeOf<Promise<boolean>>();
  });
  test('getOsVersion, getLocalModeSupport and generateUniqueKey need no client', () => {
    expectTypeOf(balena.models.device.getOsVersion).toEqualTypeOf<typeof deviceModule.getOsVersion>();
    expectTypeOf(balena.models.device.getLocalModeSupport).toEqualTypeOf<typeof deviceModule.getLocalModeSupport>();
    expectTypeOf(balena.models.device.generateUniqueKey).toEqualTypeOf<typeof deviceModule.generateUniqueKey>();
  });
  test('device.history is the device-history model', () => {
    expectTypeOf<Parameters<typeof balena.models.device.history.getAllByDevice>>().toEqualTypeOf<
      AfterClient<Parameters<typeof deviceHistoryModule.getAllByDevice>>
    >();
    expectTypeOf<Parameters<typeof balena.models.device.history.getAllByApplication>>().toEqualTypeOf<
      AfterClient<Parameters<typeof deviceHistoryModule.getAllByApplication>>
    >();
  });
});

describe('balena.models.deviceType', () => {
  test('every function of the model, bound', () => {
    expectTypeOf<Parameters<typeof balena.models.deviceType.getInstructions>>().toEqualTypeOf<
      AfterClient<Parameters<typeof deviceTypeModule.getInstructions>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.deviceType.getName>>().toEqualTypeOf<Promise<string>>();
    expectTypeOf<ReturnType<typeof balena.models.deviceType.getInstallMethod>>().toEqualTypeOf<
      Promise<string | null>
    >();
    expectTypeOf(balena.models.deviceType).toHaveProperty('getAllSupported');
    expectTypeOf(balena.models.deviceType).toHaveProperty('getBySlugOrName');
    expectTypeOf(balena.models.deviceType).toHaveProperty('getSlugByName');
    expectTypeOf(balena.models.deviceType).toHaveProperty('getInterpolatedPartials');
    expectTypeOf(balena.models.deviceType).toHaveProperty('get');
    expectTypeOf(balena.models.deviceType).toHaveProperty('getAll');
  });
});
