// Hostile arguments found by the bad-input suite: each now ends in a typed error before any request.
import { InvalidOption, InvalidParameter } from '@balena-ts/core';
import { describe, expect, it } from 'vitest';
import * as application from '../src/application.js';
import { isSystemVariable } from '../src/application-env-variable.js';
import * as device from '../src/device.js';
import * as release from '../src/release.js';
import { rejectionOf } from './helpers/refusal.js';
import { seedFleet, useTestContext } from './helpers/sandbox.js';

const context = useTestContext();

function thrownBy(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  return undefined;
}

const NOT_OBJECTS: unknown[] = [null, 'options', 0, true, [], Symbol('hostile')];
// Past the last date a JavaScript Date can hold (8.64e15 ms), where toISOString threw a RangeError.
const BEYOND_DATES: number[] = [2 ** 53, Number.MAX_SAFE_INTEGER, 1e308, 8.64e15 + 1];

describe('options that are not an object', () => {
  it.each(NOT_OBJECTS.map((value) => ({ value })))(
    'application.getConfig, generateProvisioningKey and release.getWithImageDetails refuse $value, sending nothing',
    async ({ value }) => {
      const { app } = await seedFleet(context, 0);
      context.recorder.reset();
      for (const call of [
        () => application.getConfig(context.client, app.id, value as never),
        () => application.generateProvisioningKey(context.client, app.id, value as never),
        () => release.getWithImageDetails(context.client, 1, value as never),
      ]) {
        const error = await rejectionOf(call);
        expect(error).toBeInstanceOf(InvalidParameter);
        expect((error as InvalidParameter).parameter).toBe('options');
      }
      expect(context.recorder.requests).toEqual([]);
    },
  );

  it.each([{ name: 1 }, { description: {} }, { expiryDate: 5 }])(
    'generateProvisioningKey refuses %o with InvalidOption, sending nothing',
    async (options) => {
      const { app } = await seedFleet(context, 0);
      context.recorder.reset();
      const error = await rejectionOf(() =>
        application.generateProvisioningKey(context.client, app.id, options as never),
      );
      expect(error).toBeInstanceOf(InvalidOption);
      expect(context.recorder.requests).toEqual([]);
    },
  );
});

describe('grantSupportAccess beyond the last representable date', () => {
  it.each(BEYOND_DATES.map((expiryTimestamp) => ({ expiryTimestamp })))(
    'application and device refuse $expiryTimestamp with InvalidParameter, sending nothing',
    async ({ expiryTimestamp }) => {
      const { app, devices } = await seedFleet(context, 1);
      context.recorder.reset();
      for (const call of [
        () => application.grantSupportAccess(context.client, app.id, expiryTimestamp),
        () => device.grantSupportAccess(context.client, devices[0]!.uuid, expiryTimestamp),
      ]) {
        const error = await rejectionOf(call);
        expect(error).toBeInstanceOf(InvalidParameter);
        expect((error as InvalidParameter).parameter).toBe('expiryTimestamp');
      }
      expect(context.recorder.requests).toEqual([]);
    },
  );

  it('still accepts the last representable date', async () => {
    const { app } = await seedFleet(context, 0);
    await application.grantSupportAccess(context.client, app.id, 8.64e15);
    const row = await application.get(context.client, app.id, { $select: 'is_accessible_by_support_until__date' });
    expect(new Date(row.is_accessible_by_support_until__date as string).getTime()).toBe(8.64e15);
  });
});

describe('isArchitectureCompatible', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'treats %s as an architecture name, not an Object.prototype member',
    (name) => {
      expect(device.isArchitectureCompatible(name, name)).toBe(true);
      expect(device.isArchitectureCompatible(name, 'armv7hf')).toBe(false);
    },
  );

  it('keeps the compatibility table', () => {
    expect(device.isArchitectureCompatible('aarch64', 'rpi')).toBe(true);
    expect(device.isArchitectureCompatible('armv7hf', 'aarch64')).toBe(false);
  });

  it.each([{}, Object.create(null), null, undefined, 7, Symbol('arch')].map((value) => ({ value })))(
    'refuses $value for either argument with InvalidParameter',
    ({ value }) => {
      expect(thrownBy(() => device.isArchitectureCompatible(value as string, 'rpi'))).toBeInstanceOf(InvalidParameter);
      expect(thrownBy(() => device.isArchitectureCompatible('rpi', value as string))).toBeInstanceOf(InvalidParameter);
    },
  );
});

describe('isSystemVariable', () => {
  it.each([0, null, undefined, true, [], {}, Symbol('name'), 10n].map((value) => ({ value })))(
    'refuses $value with InvalidParameter',
    ({ value }) => {
      const error = thrownBy(() => isSystemVariable(value as string));
      expect(error).toBeInstanceOf(InvalidParameter);
      expect((error as InvalidParameter).parameter).toBe('name');
    },
  );

  it('still tells system names from others', () => {
    expect(isSystemVariable('BALENA_HOST_CONFIG_gpu_mem')).toBe(true);
    expect(isSystemVariable('MY_VARIABLE')).toBe(false);
  });
});
