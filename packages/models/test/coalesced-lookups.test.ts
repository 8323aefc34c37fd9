// Concurrent single-device lookups through one client share one request: devices got, renamed or
// given variables in the same turn of the event loop are looked up with one `$filter=... in (...)`
// read, and each caller still gets its own row or its own DeviceNotFound.
import { DeviceNotFound, RequestError, withOptions } from '@balena-ts/core';
import * as device from '@balena-ts/models/device';
import * as deviceEnvVariable from '@balena-ts/models/device-env-variable';
import { describe, expect, it } from 'vitest';
import { seedFleet, useTestContext } from './helpers/sandbox.js';

const context = useTestContext({ requestBatchSize: 200 });

const MISSING_UUID = 'f'.repeat(32);

function deviceReads(): string[] {
  return context.recorder.requests
    .filter((request) => request.method === 'GET' && /\/v7\/device[(?]/.test(request.url))
    .map((request) => request.url);
}

describe('concurrent device lookups', () => {
  it('send one read for gets in the same turn, each caller getting its own row', async () => {
    const { devices } = await seedFleet(context, 5);
    context.recorder.reset();
    const rows = await Promise.all(
      devices.map((each) => device.get(context.client, each.uuid, { $select: ['id', 'device_name'] })),
    );
    expect(rows.map((row) => row.id)).toEqual(devices.map((each) => each.id));
    expect(deviceReads()).toHaveLength(1);
    expect(deviceReads()[0]).toContain('uuid in (');
    // The key added to read the rows back is not handed to a caller who did not select it.
    const named = await Promise.all(
      devices.slice(0, 2).map((each) => device.get(context.client, each.id, { $select: 'device_name' })),
    );
    expect(named.map((row) => Object.keys(row))).toEqual([['device_name'], ['device_name']]);
  });

  it('keep a key the caller selected in a comma-separated $select', async () => {
    const { devices } = await seedFleet(context, 2);
    // The typings take one field per string; JavaScript callers (and OData) may list several.
    const rows = (await Promise.all(
      devices.map((each) => device.get(context.client, each.uuid, { $select: 'uuid,device_name' as 'uuid' })),
    )) as { uuid: string }[];
    expect(rows.map((row) => row.uuid)).toEqual(devices.map((each) => each.uuid));
  });

  it('give each caller its own DeviceNotFound among found rows, and its own copy of a row asked for twice', async () => {
    const { devices } = await seedFleet(context, 3);
    const [first] = devices;
    context.recorder.reset();
    const results = await Promise.allSettled([
      device.get(context.client, first!.uuid, { $select: ['id', 'note'] }),
      device.get(context.client, MISSING_UUID, { $select: ['id', 'note'] }),
      device.get(context.client, first!.uuid, { $select: ['id', 'note'] }),
      device.get(context.client, 987_654_321, { $select: ['id', 'note'] }),
    ]);
    expect(deviceReads()).toHaveLength(2); // one by uuid, one by id
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected']);
    const [own, missing, again, missingId] = results;
    expect((missing as PromiseRejectedResult).reason).toBeInstanceOf(DeviceNotFound);
    expect((missing as PromiseRejectedResult).reason.message).toContain(MISSING_UUID);
    expect((missingId as PromiseRejectedResult).reason.message).toContain('987654321');
    const a = (own as PromiseFulfilledResult<{ id: number }>).value;
    const b = (again as PromiseFulfilledResult<{ id: number }>).value;
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
  });

  it('reject every caller of a failed read with its error, and the next reads succeed', async () => {
    const { devices } = await seedFleet(context, 4);
    context.sandbox.faults.add({ method: 'GET', path: '/v7/device', match: 'prefix', kind: 'status', status: 500 });
    const failed = await Promise.allSettled(devices.map((each) => device.get(context.client, each.uuid)));
    for (const result of failed) {
      expect(result.status).toBe('rejected');
      expect((result as PromiseRejectedResult).reason).toBeInstanceOf(RequestError);
      expect((result as PromiseRejectedResult).reason.status).toBe(500);
    }
    const again = await Promise.all(devices.map((each) => device.get(context.client, each.uuid, { $select: 'id' })));
    expect(again.map((row) => row.id)).toEqual(devices.map((each) => each.id));
  });

  it('keep a caller with its own signal apart: its abort rejects it alone', async () => {
    const { devices } = await seedFleet(context, 3);
    const controller = new AbortController();
    const mine = withOptions(context.client, { signal: controller.signal });
    context.sandbox.faults.add({
      method: 'GET',
      path: '/v7/device',
      match: 'prefix',
      kind: 'delay',
      delayMs: 300,
      times: null,
    });
    try {
      const aborted = device.get(mine, devices[0]!.uuid);
      const others = Promise.all(
        devices.slice(1).map((each) => device.get(context.client, each.uuid, { $select: 'id' })),
      );
      setTimeout(() => controller.abort(new Error('caller left')), 50);
      await expect(aborted).rejects.toThrow('caller left');
      expect((await others).map((row) => row.id)).toEqual(devices.slice(1).map((each) => each.id));
    } finally {
      context.sandbox.faults.clear();
    }
  });

  it('read a lone lookup with the keyed request, as before', async () => {
    const { devices } = await seedFleet(context, 1);
    context.recorder.reset();
    await device.get(context.client, devices[0]!.uuid);
    expect(deviceReads()).toEqual([expect.stringMatching(/\/v7\/device\(uuid='[0-9a-f]{32}'\)/)]);
  });

  it('rename 1,000 devices concurrently in about 1,000 requests, not 2,000', async () => {
    const { devices } = await seedFleet(context, 1_000);
    const before = context.sandbox.requestCount();
    await Promise.all(devices.map((each, index) => device.rename(context.client, each.uuid, `coalesced-${index}`)));
    const sent = context.sandbox.requestCount() - before;
    // 1,000 PATCHes and the shared existence checks, 200 uuids per read.
    expect(sent).toBeLessThanOrEqual(1_100);
    expect(sent).toBeGreaterThanOrEqual(1_000);
    const renamed = await context.client.pine.count({
      resource: 'device',
      options: { $filter: { device_name: { $startswith: 'coalesced-' } } },
    });
    expect(renamed).toBe(1_000);
  });

  it('share the parent lookups of concurrent variable writes, still refusing a missing device', async () => {
    const { devices } = await seedFleet(context, 20);
    context.recorder.reset();
    const results = await Promise.allSettled([
      ...devices.map((each) => deviceEnvVariable.set(context.client, each.uuid, 'COALESCED', '1')),
      deviceEnvVariable.set(context.client, MISSING_UUID, 'COALESCED', '1'),
    ]);
    expect(results.slice(0, 20).every((result) => result.status === 'fulfilled')).toBe(true);
    expect((results[20] as PromiseRejectedResult).reason).toBeInstanceOf(DeviceNotFound);
    expect(deviceReads().length).toBeLessThanOrEqual(2);
  });
});

describe('concurrent pins of single devices', () => {
  it('share their device lookups', async () => {
    const { app, devices } = await seedFleet(context, 10);
    const release = await context.sandbox.seedRelease({ application: app.id });
    context.recorder.reset();
    await Promise.all(devices.map((each) => device.pinToRelease(context.client, each.uuid, release.commit)));
    expect(deviceReads()).toHaveLength(1);
    const pinned = await context.client.pine.count({
      resource: 'device',
      options: { $filter: { belongs_to__application: app.id, is_pinned_on__release: release.id } },
    });
    expect(pinned).toBe(10);
  });
});

describe('hostile options of a shared read', () => {
  it('are refused with InvalidParameter, as by the keyed request', async () => {
    const { devices } = await seedFleet(context, 1);
    const uuid = devices[0]!.uuid;
    for (const options of [10n, { $select: 10n }, ['id'], 'id']) {
      await expect(device.get(context.client, uuid, options as never)).rejects.toMatchObject({
        name: 'InvalidParameter',
      });
    }
  });
});
