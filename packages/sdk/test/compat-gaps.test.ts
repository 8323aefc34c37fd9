// What balena-sdk's tree had that compat lacked: the remaining error classes (where balena-sdk
// throws them, converted in place), run through `@balena-ts/sdk/compat` against the sandbox.
import { InvalidDeviceType, OrganizationMembershipRoleNotFound, RequestError } from '@balena-ts/core';
import { type Sandbox, startSandbox } from '@balena-ts/sandbox';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type BalenaSdkCompat, getSdk } from '../src/compat.js';

let sandbox: Sandbox;
let balena: BalenaSdkCompat;
let fleetId: number;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  balena = getSdk({ apiUrl: sandbox.url, dataDirectory: false });
  await balena.auth.loginWithToken(sandbox.superuser.token);
  const fleet = await balena.models.application.create({
    name: `compat-gaps-${process.pid}`,
    deviceType: 'raspberrypi4-64',
    organization: sandbox.superuser.username,
  });
  fleetId = fleet.id;
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

describe('pine extras (pinejs-client semantics on core pine)', () => {
  test('getOrCreate posts when the natural key is missing, then gets the same row', async () => {
    const params = {
      resource: 'application_tag',
      id: { application: fleetId, tag_key: 'compat-goc' },
      body: { value: 'first' },
      options: { $select: ['id', 'tag_key', 'value'] },
    };
    const created = (await balena.pine.getOrCreate(params)) as { id: number; value: string };
    expect(created.value).toBe('first');
    const again = (await balena.pine.getOrCreate({ ...params, body: { value: 'second' } })) as {
      id: number;
      value: string;
    };
    expect(again).toEqual({ id: created.id, tag_key: 'compat-goc', value: 'first' });
    const all = await balena.pine.get({
      resource: 'application_tag',
      options: { $filter: { application: fleetId, tag_key: 'compat-goc' } },
    });
    expect(all).toHaveLength(1);
  });

  test('getOrCreate refuses an id that is not a natural key, and a missing body', async () => {
    const noKey = await rejection(balena.pine.getOrCreate({ resource: 'application_tag', id: 5, body: {} }));
    expect(noKey.code).toBe('BalenaInvalidParameterError');
    const noBody = await rejection(
      balena.pine.getOrCreate({ resource: 'application_tag', id: { application: fleetId, tag_key: 'x' } }),
    );
    expect(noBody.code).toBe('BalenaInvalidParameterError');
  });

  test('prepare fills { "@": name } placeholders per call', async () => {
    await balena.models.application.tags.set(fleetId, 'compat-prep-a', 'A');
    await balena.models.application.tags.set(fleetId, 'compat-prep-b', 'B');
    const byKey = balena.pine.prepare({
      resource: 'application_tag',
      options: { $select: ['tag_key', 'value'], $filter: { application: fleetId, tag_key: { '@': 'key' } } },
    });
    expect(await byKey({ key: 'compat-prep-a' })).toEqual([{ tag_key: 'compat-prep-a', value: 'A' }]);
    expect(await byKey({ key: 'compat-prep-b' })).toEqual([{ tag_key: 'compat-prep-b', value: 'B' }]);
    expect(await byKey({ key: 'compat-prep-none' })).toEqual([]);
    const unknownAlias = await rejection(byKey({ other: 'x' }));
    expect(unknownAlias.code).toBe('BalenaInvalidParameterError');
  });

  test('subscribe polls a get at once and every pollInterval; unsubscribe and stop end it', async () => {
    await balena.models.application.tags.set(fleetId, 'compat-sub', 'one');
    const poll = balena.pine.subscribe({
      resource: 'application_tag',
      options: { $select: ['value'], $filter: { application: fleetId, tag_key: 'compat-sub' } },
      pollInterval: 50,
    });
    const seen: unknown[] = [];
    const listener = poll.on('data', (data) => seen.push(data));
    await expect.poll(() => seen.length, { timeout: 5000 }).toBeGreaterThanOrEqual(1);
    expect(seen[0]).toEqual([{ value: 'one' }]);
    await balena.models.application.tags.set(fleetId, 'compat-sub', 'two');
    await expect.poll(() => seen.at(-1), { timeout: 5000 }).toEqual([{ value: 'two' }]);
    listener.unsubscribe();
    const count = seen.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seen.length).toBe(count);
    poll.stop();
  });

  test('subscribe reports a failing get on error', async () => {
    const poll = balena.pine.subscribe({ resource: 'no_such_resource', pollInterval: 50 });
    const errors: Array<Error & { code?: string }> = [];
    poll.on('error', (error) => errors.push(error as Error & { code?: string }));
    await expect.poll(() => errors.length, { timeout: 5000 }).toBeGreaterThanOrEqual(1);
    poll.destroy();
    expect(errors[0]).toBeInstanceOf(Error);
  });
});

describe('request.stream', () => {
  test('resolves to a Node readable stream of the body, with .response and .mime', async () => {
    const stream = (await balena.request.stream({
      method: 'GET',
      url: '/config',
    })) as unknown as NodeJS.ReadableStream & {
      response: Response;
      mime: string | null;
    };
    expect(stream.response.status).toBe(200);
    expect(stream.mime).toContain('application/json');
    expect(typeof stream.pipe).toBe('function');
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
    const config = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    expect(config.deployment).toBe('sandbox');
  });

  test('a non-2xx answer rejects with BalenaRequestError', async () => {
    const error = await rejection(balena.request.stream({ method: 'GET', url: '/v7/no_such_resource' }));
    expect(error.code).toBe('BalenaRequestError');
    expect(error.statusCode).toBeGreaterThanOrEqual(400);
    expect(error.statusCode).toBe(error.status);
  });
});
