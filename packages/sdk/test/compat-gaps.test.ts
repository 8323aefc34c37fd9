// What balena-sdk's tree had that compat lacked: the remaining error classes (where balena-sdk
// throws them, converted in place), run through `@balena-ts/sdk/compat` against the sandbox.
import { InvalidDeviceType, OrganizationMembershipRoleNotFound, RequestError } from '@balena-ts/core';
import { type Sandbox, startSandbox } from '@balena-ts/sandbox';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type BalenaSdkCompat, getSdk } from '../src/compat.js';

let sandbox: Sandbox;
let balena: BalenaSdkCompat;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  balena = getSdk({ apiUrl: sandbox.url, dataDirectory: false });
  await balena.auth.loginWithToken(sandbox.superuser.token);
});

afterAll(async () => {
  await sandbox?.close();
});

async function rejection(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected a rejection');
}

describe('errors', () => {
  test('a final 429 is BalenaTooManyRequests, still a RequestError with its status', async () => {
    sandbox.faults.add({
      path: '/v7/device',
      match: 'prefix',
      kind: 'status',
      status: 429,
      retryAfter: 0,
      times: null,
    });
    try {
      const error = await rejection(balena.models.device.get('0123456789abcdef0123456789abcdef'));
      expect(error).toBeInstanceOf(balena.errors.BalenaTooManyRequests);
      expect(error).toBeInstanceOf(RequestError);
      expect(error.code).toBe('BalenaTooManyRequests');
      expect(error.name).toBe('BalenaTooManyRequests');
      expect(error.message).toBe('Too Many Requests. Try again later');
      expect(error.status).toBe(429);
      expect(error).not.toBeInstanceOf(balena.errors.BalenaDeviceNotFound);
    } finally {
      sandbox.faults.clear();
    }
  });

  test('another failed request is not BalenaTooManyRequests', async () => {
    sandbox.faults.add({ path: '/v7/device', match: 'prefix', kind: 'status', status: 403, times: 1 });
    const error = await rejection(balena.models.device.get('0123456789abcdef0123456789abcdef'));
    sandbox.faults.clear();
    expect(error.code).toBe('BalenaRequestError');
    expect(error).not.toBeInstanceOf(balena.errors.BalenaTooManyRequests);
  });

  test('an unknown organization role is BalenaOrganizationMembershipRoleNotFound, one error with both names', async () => {
    const [membership] = await balena.models.organization.membership.getAllByOrganization(sandbox.superuser.username);
    const error = await rejection(
      balena.models.organization.membership.changeRole(membership?.id ?? 0, 'no-such-role' as 'member'),
    );
    expect(error).toBeInstanceOf(OrganizationMembershipRoleNotFound);
    expect(error).toBeInstanceOf(balena.errors.BalenaOrganizationMembershipRoleNotFound);
    expect(error.code).toBe('BalenaOrganizationMembershipRoleNotFound');
    expect(error.message).toBe('Organization membership role not found: no-such-role');
    expect(error.organizationMembershipRole).toBe('no-such-role');
  });

  test("the compat-only classes read as balena-sdk's", () => {
    const discontinued = new balena.errors.BalenaDiscontinuedDeviceType('edge');
    expect(discontinued).toBeInstanceOf(InvalidDeviceType);
    expect(discontinued).toBeInstanceOf(balena.errors.BalenaInvalidDeviceType);
    expect(discontinued.code).toBe('BalenaDiscontinuedDeviceType');
    expect(discontinued.type).toBe('edge');
    expect(new balena.errors.BalenaInvalidDeviceType('edge')).not.toBeInstanceOf(
      balena.errors.BalenaDiscontinuedDeviceType,
    );
    const image = new balena.errors.OSImageNotFound('raspberrypi4-64', '1.2.3', 'flasher');
    expect([image.name, image.code]).toEqual(['OSImageNotFound', 'BalenaError']);
    expect(image.message).toBe('No image found for device type raspberrypi4-64, version 1.2.3, and image type flasher');
    const cause = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const permission = new balena.errors.BalenaSettingsPermissionError(cause);
    expect([permission.code, permission.message, permission.cause]).toEqual([
      'BalenaSettingsPermissionError',
      'EACCES: permission denied',
      cause,
    ]);
    const asset = new balena.errors.ReleaseAssetAlreadyExists(12, 'logo.png');
    expect([asset.name, asset.code, asset.message]).toEqual([
      'ReleaseAssetAlreadyExists',
      'BalenaError',
      'Release asset combination of 12 and logo.png already exists',
    ]);
  });
});
