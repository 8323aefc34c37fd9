import { createClient, DeviceNotFound, MAX_URL_LENGTH, RequestError } from '@balena-ts/core';
import * as device from '@balena-ts/models/device';
import { describe, expect, it } from 'vitest';
import { recordingFetch, uniqueName, useTestContext } from './helpers/sandbox.js';

const FLEET_SIZE = 1_000;
const MAX_REQUESTS = 5;

// Passed explicitly: the project default is 1,000 ids per request.
const context = useTestContext({ requestBatchSize: 1_000 });

async function seedFleet(deviceType?: string) {
  const app = await context.sandbox.seedApplication({ name: uniqueName('batch'), deviceType });
  const devices = await context.sandbox.seedDevices({ application: app.id, count: FLEET_SIZE });
  return { app, ids: devices.map((seeded) => seeded.id), uuids: devices.map((seeded) => seeded.uuid) };
}

async function measure(operation: () => Promise<unknown>) {
  context.recorder.reset();
  const before = context.sandbox.requestCount();
  await operation();
  const served = context.sandbox.requestCount() - before;
  const sent = [...context.recorder.requests];
  console.log(`${sent.length} requests: ${sent.map((request) => request.method).join(', ')}`);
  return { sent, served };
}

function field<T>(rows: readonly Record<string, unknown>[], name: string): T[] {
  return rows.map((row) => row[name] as T);
}

describe(`batch writes on ${FLEET_SIZE} devices`, () => {
  it(`renames ${FLEET_SIZE} devices in at most ${MAX_REQUESTS} requests`, async () => {
    const { ids } = await seedFleet();
    const { sent, served } = await measure(() => device.rename(context.client, ids, 'same-name'));
    expect(sent.length).toBeLessThanOrEqual(MAX_REQUESTS);
    expect(served).toBe(sent.length);
    expect(sent.every((request) => request.url.length <= MAX_URL_LENGTH)).toBe(true);
    const rows = await context.client.pine.get<Record<string, unknown>>({
      resource: 'device',
      options: { $select: 'device_name', $filter: { id: { $in: ids.slice(0, 200) } } },
    });
    expect(new Set(field(rows, 'device_name'))).toEqual(new Set(['same-name']));
  });

  it(`enables the URLs of ${FLEET_SIZE} devices in at most ${MAX_REQUESTS} requests`, async () => {
    const { app, ids } = await seedFleet();
    const { sent, served } = await measure(() => device.enableDeviceUrl(context.client, ids));
    expect(sent.map((request) => request.method)).toEqual(['GET', 'PATCH']);
    expect(served).toBe(2);
    const count = await context.client.pine.count({
      resource: 'device',
      options: { $filter: { belongs_to__application: app.id, is_web_accessible: true } },
    });
    expect(count).toBe(FLEET_SIZE);
  });

  it(`moves ${FLEET_SIZE} devices in at most ${MAX_REQUESTS} requests`, async () => {
    const { ids } = await seedFleet('raspberrypi3');
    const target = await context.sandbox.seedApplication({ name: uniqueName('target'), deviceType: 'raspberrypi4-64' });
    const { sent, served } = await measure(() => device.move(context.client, ids, target.slug));
    expect(sent.length).toBeLessThanOrEqual(MAX_REQUESTS);
    expect(served).toBe(sent.length);
    const count = await context.client.pine.count({
      resource: 'device',
      options: { $filter: { belongs_to__application: target.id } },
    });
    expect(count).toBe(FLEET_SIZE);
  });

  it(`enables the URLs of ${FLEET_SIZE} devices given by uuid with the URL kept under ${MAX_URL_LENGTH} characters`, async () => {
    const { app, uuids } = await seedFleet();
    const { sent } = await measure(() => device.enableDeviceUrl(context.client, uuids));
    expect(sent.every((request) => request.url.length <= MAX_URL_LENGTH)).toBe(true);
    expect(sent.filter((request) => request.method === 'PATCH')).toHaveLength(1);
    const count = await context.client.pine.count({
      resource: 'device',
      options: { $filter: { belongs_to__application: app.id, is_web_accessible: true } },
    });
    expect(count).toBe(FLEET_SIZE);
  });

  it('splits requests by requestBatchSize', async () => {
    const { ids } = await seedFleet();
    const recorder = recordingFetch();
    const client = createClient({ apiUrl: context.sandbox.url, fetch: recorder.fetch, requestBatchSize: 200 });
    await client.tokens.set(context.sandbox.superuser.token);
    await device.setNote(client, ids, 'chunked');
    expect(recorder.requests.map((request) => request.method)).toEqual([
      ...Array(FLEET_SIZE / 200).fill('GET'),
      ...Array(FLEET_SIZE / 200).fill('PATCH'),
    ]);
  });

  it('reports a missing device among 1,000 before writing anything', async () => {
    const { ids } = await seedFleet();
    const missing = 99_999_999;
    const error = await device
      .rename(context.client, [...ids.slice(0, 500), missing, ...ids.slice(500)], 'never')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DeviceNotFound);
    expect((error as DeviceNotFound).message).toContain(String(missing));
    const renamed = await context.client.pine.count({
      resource: 'device',
      options: { $filter: { device_name: 'never' } },
    });
    expect(renamed).toBe(0);
  });

  it('says which devices a failed later chunk left unwritten, in the spelling the caller gave', async () => {
    const app = await context.sandbox.seedApplication({ name: uniqueName('partial') });
    const seeded = await context.sandbox.seedDevices({ application: app.id, count: 4 });
    const uuids = seeded.map((each) => each.uuid.toUpperCase());
    let patches = 0;
    // The sandbox answers the second PATCH with a 500: the first chunk is written, the second is not.
    const failSecondPatch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (new Request(input, init).method === 'PATCH' && ++patches === 1) {
        context.sandbox.faults.add({ method: 'PATCH', path: '/v7/device', kind: 'status', status: 500 });
      }
      return response;
    };
    const client = createClient({
      apiUrl: context.sandbox.url,
      fetch: failSecondPatch,
      retry: false,
      requestBatchSize: 2,
    });
    await client.tokens.set(context.sandbox.superuser.token);
    const error = await device.setNote(client, uuids, 'half').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(device.PartialWriteError);
    const partial = error as InstanceType<typeof device.PartialWriteError>;
    expect(partial.written).toEqual(uuids.slice(0, 2));
    expect(partial.notWritten).toEqual(uuids.slice(2));
    expect(partial.failures.map((failure) => failure.target)).toEqual(uuids.slice(2));
    expect(partial.cause).toBeInstanceOf(RequestError);
    const notes = await context.client.pine.get<{ uuid: string; note: string | null }>({
      resource: 'device',
      options: { $select: ['uuid', 'note'], $filter: { belongs_to__application: app.id }, $orderby: 'id asc' },
    });
    expect(notes.map((row) => row.note === 'half')).toEqual([true, true, false, false]);
  });

  it('says why a selector is refused, and names a missing device as the caller first spelled it', async () => {
    await expect(device.setNote(context.client, [], 'never')).rejects.toThrow('expected at least one device');
    await expect(device.setNote(context.client, [1, 'a'.repeat(32)] as never, 'never')).rejects.toThrow(
      'an array must hold only ids or only uuids',
    );
    const missing = 'abcdef'.padEnd(32, '0');
    await expect(device.setNote(context.client, [missing, missing.toUpperCase()], 'never')).rejects.toThrow(
      new DeviceNotFound(missing),
    );
  });
});
