// The facade paths of the models the Python SDK reference lacks (the official SDK's names).
import type * as buildVariableModule from '@balena-ts/models/application-build-variable';
import type * as deviceModule from '@balena-ts/models/device-os-update';
import type * as osModule from '@balena-ts/models/os';
import { describe, expectTypeOf, test } from 'vitest';
import type { BalenaSdk } from '../src/index.js';

declare const balena: BalenaSdk;

describe('balena.models.os', () => {
  test('one slug lists versions, several list them by slug', () => {
    expectTypeOf(balena.models.os.getAvailableOsVersions('raspberrypi3')).resolves.toEqualTypeOf<
      osModule.OsVersion[]
    >();
    expectTypeOf(balena.models.os.getAllOsVersions(['raspberrypi3', 'fincm3'])).resolves.toEqualTypeOf<
      Record<string, osModule.OsVersion[]>
    >();
  });
  test('the other functions take the module function’s arguments after the client', () => {
    expectTypeOf(balena.models.os.getMaxSatisfyingVersion('rpi', '^6.0.0', 'esr')).resolves.toEqualTypeOf<
      string | null
    >();
    expectTypeOf(
      balena.models.os.getSupportedOsUpdateVersions('rpi', '6.0.10'),
    ).resolves.toEqualTypeOf<osModule.OsUpdateVersions>();
    expectTypeOf(
      balena.models.os.getOsUpdateType('rpi', '6.0.10', '6.0.13'),
    ).resolves.toEqualTypeOf<osModule.OsUpdateType>();
    expectTypeOf(balena.models.os.isSupportedOsUpdate).returns.resolves.toBeBoolean();
    expectTypeOf(balena.models.os.getDownloadSize).returns.resolves.toBeNumber();
    expectTypeOf(balena.models.os.getSupervisorReleasesForCpuArchitecture('aarch64')).resolves.toEqualTypeOf<
      osModule.SupervisorRelease[]
    >();
    expectTypeOf(balena.models.os.download).toEqualTypeOf<
      (params: osModule.OsParams, options?: osModule.DownloadOptions) => Promise<osModule.OsImageDownload>
    >();
  });
  test('isArchitectureCompatibleWith needs no client and stays the module function', () => {
    expectTypeOf(balena.models.os.isArchitectureCompatibleWith).toEqualTypeOf<
      typeof osModule.isArchitectureCompatibleWith
    >();
  });
});

describe('balena.models.device OS updates', () => {
  test('startOsUpdate answers one result for a uuid, a dictionary for several', () => {
    expectTypeOf(
      balena.models.device.startOsUpdate('uuid', '6.0.13'),
    ).resolves.toEqualTypeOf<deviceModule.OsUpdateActionResult>();
    expectTypeOf(balena.models.device.startOsUpdate(['a', 'b'], '6.0.13')).resolves.toEqualTypeOf<
      Record<string, deviceModule.OsUpdateActionResult>
    >();
    expectTypeOf(balena.models.device.pinToOsRelease(1, '6.0.13')).resolves.toBeVoid();
    expectTypeOf(balena.models.device.waitForOsUpdate('uuid')).resolves.toEqualTypeOf<deviceModule.OsUpdateOutcome>();
  });
});

describe('balena.models.application.buildVar', () => {
  test('is the build variable model bound to the client', () => {
    expectTypeOf(balena.models.application.buildVar.get('admin/fleet', 'NODE_VERSION')).resolves.toEqualTypeOf<
      string | undefined
    >();
    expectTypeOf(balena.models.application.buildVar.set).parameters.toEqualTypeOf<
      [slugOrUuidOrIdOrName: buildVariableModule.ApplicationIdentifier, name: string, value: string]
    >();
    expectTypeOf(balena.models.application.buildVar.remove('admin/fleet', 'NODE_VERSION')).resolves.toBeVoid();
    expectTypeOf(balena.models.application.get).toBeFunction();
  });
});
