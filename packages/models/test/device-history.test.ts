import { ApplicationNotFound, createClient, InvalidParameter } from '@balena-ts/core';
import * as device from '@balena-ts/models/device';
import * as history from '@balena-ts/models/device-history';
import { describe, expect, it } from 'vitest';
import { uniqueName, useTestContext } from './helpers/sandbox.js';

const context = useTestContext();
const DAY_MS = 86_400_000;

async function otherUserClient() {
  const user = await context.sandbox.createUser();
  const client = createClient({ apiUrl: context.sandbox.url, retry: false });
  await client.tokens.set(user.token);
  return client;
}

describe('device.history', () => {
  it('records a row per state, kept through a move and the removal of the device', async () => {
    const first = await context.sandbox.seedApplication({ name: uniqueName('history-a') });
    const second = await context.sandbox.seedApplication({ name: uniqueName('history-b') });
    const release = await context.sandbox.seedRelease({ application: first.id });
    const [seeded] = (await context.sandbox.seedDevices({ application: first.id, count: 1 })) as [
      { id: number; uuid: string },
    ];
    const simulation = await context.sandbox.simulateDevice(seeded.uuid);
    await simulation.stop();
    await device.rename(context.client, seeded.id, 'renamed');
    await device.move(context.client, seeded.uuid, second.slug);

    const rows = await history.getAllByDevice(context.client, seeded.uuid, undefined, {
      $select: [
        'os_version',
        'supervisor_version',
        'is_active',
        'end_timestamp',
        'belongs_to__application',
        'is_running__release',
      ],
      $orderby: 'id asc',
    });
    expect(rows.length).toBeGreaterThanOrEqual(3);
    const [created] = rows;
    expect(created?.belongs_to__application).toEqual({ __id: first.id });
    expect(created?.end_timestamp).not.toBeNull();
    expect(rows.some((row) => row.os_version === 'balenaOS 6.0.0' && row.supervisor_version === '17.0.0')).toBe(true);
    expect(rows.some((row) => (row.is_running__release as { __id: number } | null)?.__id === release.id)).toBe(true);
    const last = rows.at(-1);
    expect(last?.belongs_to__application).toEqual({ __id: second.id });
    expect(last?.end_timestamp).toBeNull();
    // Only the last row is open; a rename is no change of a tracked field.
    expect(rows.filter((row) => row.end_timestamp === null)).toHaveLength(1);

    const inFirst = await history.getAllByApplication(context.client, first.id, {}, { $select: 'id' });
    const inSecond = await history.getAllByApplication(context.client, second.slug, {}, { $select: 'id' });
    expect(inFirst.length + inSecond.length).toBe(rows.length);
    expect(inSecond).toHaveLength(1);
    expect(await history.getAllByDevice(context.client, seeded.id)).toHaveLength(rows.length);

    await device.remove(context.client, seeded.uuid);
    const afterRemoval = await history.getAllByDevice(
      context.client,
      seeded.uuid,
      {},
      { $select: ['end_timestamp', 'tracks__device'] },
    );
    expect(afterRemoval).toHaveLength(rows.length);
    expect(afterRemoval.every((row) => row.end_timestamp !== null && row.tracks__device === null)).toBe(true);
    // By id the link is gone: balena's SDK filters ids through `tracks__device`.
    expect(await history.getAllByDevice(context.client, seeded.id)).toEqual([]);
  });

  it('filters by creation date: fromDate, toDate, and null for no lower bound', async () => {
    const app = await context.sandbox.seedApplication({ name: uniqueName('history-dates') });
    const [seeded] = (await context.sandbox.seedDevices({ application: app.id, count: 1 })) as unknown as [
      { id: number },
    ];
    const now = Date.now();
    expect(await history.getAllByDevice(context.client, seeded.id)).toHaveLength(1);
    expect(await history.getAllByDevice(context.client, seeded.id, { fromDate: new Date(now + DAY_MS) })).toEqual([]);
    expect(await history.getAllByDevice(context.client, seeded.id, { toDate: new Date(now - DAY_MS) })).toEqual([]);
    expect(
      await history.getAllByApplication(context.client, app.id, {
        fromDate: null,
        toDate: new Date(now + DAY_MS),
      }),
    ).toHaveLength(1);
    context.recorder.reset();
    await history.getAllByDevice(context.client, seeded.id);
    const sent = new URL(context.recorder.requests[0]?.url ?? '').searchParams.get('$filter') ?? '';
    expect(sent).toContain('created_at ge ');
  });

  it('shows nothing of a fleet to another user', async () => {
    const app = await context.sandbox.seedApplication({ name: uniqueName('history-private') });
    const [seeded] = (await context.sandbox.seedDevices({ application: app.id, count: 1 })) as [
      { id: number; uuid: string },
    ];
    expect(await history.getAllByDevice(context.client, seeded.uuid)).toHaveLength(1);
    const stranger = await otherUserClient();
    expect(await history.getAllByDevice(stranger, seeded.uuid)).toEqual([]);
    expect(await history.getAllByDevice(stranger, seeded.id)).toEqual([]);
    await expect(history.getAllByApplication(stranger, app.id)).rejects.toBeInstanceOf(ApplicationNotFound);
  });

  it('raises ApplicationNotFound and InvalidParameter before any request', async () => {
    await expect(history.getAllByApplication(context.client, 987_654)).rejects.toBeInstanceOf(ApplicationNotFound);
    context.recorder.reset();
    const bad: (() => Promise<unknown>)[] = [
      ...['', 'abc', 0, -1, null].map((value) => () => history.getAllByDevice(context.client, value as string)),
      ...['', 0, null].map((value) => () => history.getAllByApplication(context.client, value as string)),
      () => history.getAllByDevice(context.client, 1, { fromDate: '2026-01-01' as never }),
      () => history.getAllByDevice(context.client, 1, { toDate: new Date(Number.NaN) }),
      () => history.getAllByDevice(context.client, 1, 'last week' as never),
      () => history.getAllByApplication(context.client, 1, { toDate: 5 as never }),
      () => history.getAllByApplication(context.client, 'admin/x', {}, { $bogus: 1 } as never),
      () => history.getAllByDevice(context.client, 1, {}, { $bogus: 1 } as never),
    ];
    for (const call of bad) await expect(call()).rejects.toBeInstanceOf(InvalidParameter);
    expect(context.recorder.requests).toHaveLength(0);
  });
});
