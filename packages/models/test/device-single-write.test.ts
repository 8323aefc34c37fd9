// A write to ONE device sends its existence check and its PATCH together (the wall time of one
// round trip); the PATCH is by $filter, so a missing device is a no-op on the server and the GET's
// answer gives DeviceNotFound. Arrays keep the prefetch-then-write behaviour (all or nothing).
import { createClient, DeviceNotFound } from '@balena-ts/core';
import * as device from '@balena-ts/models/device';
import { describe, expect, it } from 'vitest';
import { seedFleet, uniqueName, useTestContext } from './helpers/sandbox.js';

const context = useTestContext();

/** A client whose fetch records each request and how many were in flight when it started. */
async function concurrencyClient() {
  const sent: { method: string; url: string; inFlightAtStart: number }[] = [];
  let inFlight = 0;
  const tracked: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    inFlight += 1;
    sent.push({ method: request.method, url: decodeURIComponent(request.url), inFlightAtStart: inFlight });
    try {
      return await fetch(input, init);
    } finally {
      inFlight -= 1;
    }
  };
  const client = createClient({ apiUrl: context.sandbox.url, fetch: tracked, retry: false });
  await client.tokens.set(context.sandbox.superuser.token);
  return { client, sent };
}

async function nameOf(id: number): Promise<string | undefined> {
  const row = await context.client.pine.get<{ device_name: string }>({
    resource: 'device',
    id,
    options: { $select: 'device_name' },
  });
  return row?.device_name;
}

describe('writes to one device', () => {
  it('sends the existence check and the PATCH together, by id', async () => {
    const { devices } = await seedFleet(context, 1);
    const target = devices[0]!;
    const { client, sent } = await concurrencyClient();
    await device.rename(client, target.id, 'renamed-by-id');
    expect(sent.map((request) => request.method).sort()).toEqual(['GET', 'PATCH']);
    // The second request left before the first one was answered.
    expect(sent[1]?.inFlightAtStart).toBe(2);
    expect(sent.find((request) => request.method === 'PATCH')?.url).toMatch(
      new RegExp(`/v7/device\\(${target.id}\\)$`),
    );
    expect(await nameOf(target.id)).toBe('renamed-by-id');
  });

  it('patches by the uuid key for a uuid', async () => {
    const { devices } = await seedFleet(context, 1);
    const target = devices[0]!;
    const { client, sent } = await concurrencyClient();
    await device.setNote(client, target.uuid.toUpperCase(), 'by uuid');
    expect(sent.find((request) => request.method === 'PATCH')?.url).toMatch(
      new RegExp(`/v7/device\\(uuid='${target.uuid}'\\)$`),
    );
    const row = await context.client.pine.get<{ note: string }>({
      resource: 'device',
      id: target.id,
      options: { $select: 'note' },
    });
    expect(row?.note).toBe('by uuid');
  });

  it('raises DeviceNotFound for a missing id or uuid, and writes nothing', async () => {
    const name = uniqueName('ghost');
    const missingId = await device.rename(context.client, 98_765_432, name).catch((caught: unknown) => caught);
    expect(missingId).toBeInstanceOf(DeviceNotFound);
    expect((missingId as Error).message).toContain('98765432');
    const missingUuid = 'f'.repeat(32);
    const byUuid = await device.enableDeviceUrl(context.client, missingUuid).catch((caught: unknown) => caught);
    expect(byUuid).toBeInstanceOf(DeviceNotFound);
    const count = await context.client.pine.count({ resource: 'device', options: { $filter: { device_name: name } } });
    expect(count).toBe(0);
  });

  it('keeps prefetch-then-write for an array: one missing device stops the whole write', async () => {
    const { devices } = await seedFleet(context, 2);
    const name = uniqueName('all-or-nothing');
    const { client, sent } = await concurrencyClient();
    const error = await device
      .rename(client, [devices[0]!.id, 98_765_433, devices[1]!.id], name)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DeviceNotFound);
    expect(sent.map((request) => request.method)).toEqual(['GET']);
    expect(await nameOf(devices[0]!.id)).not.toBe(name);

    sent.length = 0;
    await device.rename(client, [devices[0]!.id, devices[1]!.id], name);
    expect(sent.map((request) => [request.method, request.inFlightAtStart])).toEqual([
      ['GET', 1],
      ['PATCH', 1],
    ]);
    expect(await nameOf(devices[1]!.id)).toBe(name);
  });
});
