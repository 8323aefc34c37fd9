import {
  ApplicationNotFound,
  DeviceNotFound,
  IncompatibleApplication,
  InvalidParameter,
  ReleaseNotFound,
} from '@balena-ts/core';
import * as device from '@balena-ts/models/device';
import { describe, expect, it } from 'vitest';
import { seedFleet as seedFleetIn, uniqueName, useTestContext } from './helpers/sandbox.js';

const context = useTestContext();
const seedFleet = (count: number, deviceType?: string, fields?: Record<string, unknown>) =>
  seedFleetIn(context, count, deviceType, fields);

describe('device writes', () => {
  it('renames, notes, sets and clears support access', async () => {
    const { devices } = await seedFleet(2);
    const ids = devices.map((seeded) => seeded.id);
    await device.rename(context.client, ids[0] as number, 'kitchen');
    expect(await device.getName(context.client, ids[0] as number)).toBe('kitchen');
    await device.note(context.client, ids, 'line "2" – ünïcode');
    const notes = await context.client.pine.get<{ note: string }>({
      resource: 'device',
      options: { $select: 'note', $filter: { id: { $in: ids } } },
    });
    expect(notes.map((row) => row.note)).toEqual(['line "2" – ünïcode', 'line "2" – ünïcode']);
    await device.setNote(context.client, (devices[1] as { uuid: string }).uuid, '');
    await expect(device.rename(context.client, ids[0] as number, '')).rejects.toBeInstanceOf(InvalidParameter);
    const until = Date.now() + 60_000;
    await device.grantSupportAccess(context.client, ids, until);
    const granted = await context.client.pine.get<{ is_accessible_by_support_until__date: string | null }>({
      resource: 'device',
      options: { $select: 'is_accessible_by_support_until__date', $filter: { id: { $in: ids } } },
    });
    expect(granted.map((row) => new Date(row.is_accessible_by_support_until__date as string).getTime())).toEqual([
      until,
      until,
    ]);
    await device.revokeSupportAccess(context.client, ids);
    const revoked = await context.client.pine.get<{ is_accessible_by_support_until__date: string | null }>({
      resource: 'device',
      options: { $select: 'is_accessible_by_support_until__date', $filter: { id: { $in: ids } } },
    });
    expect(revoked.map((row) => row.is_accessible_by_support_until__date)).toEqual([null, null]);
    context.recorder.reset();
    for (const invalid of [Date.now() - 1, Number.NaN, '2030-01-01']) {
      await expect(device.grantSupportAccess(context.client, ids, invalid as number)).rejects.toBeInstanceOf(
        InvalidParameter,
      );
    }
    await expect(device.setNote(context.client, ids, 42 as never)).rejects.toBeInstanceOf(InvalidParameter);
    expect(context.recorder.requests).toHaveLength(0);
  });

  it('sets and clears a custom location', async () => {
    const { devices } = await seedFleet(1);
    const id = (devices[0] as { id: number }).id;
    const readLocation = () => device.get(context.client, id, { $select: ['custom_latitude', 'custom_longitude'] });
    await device.setCustomLocation(context.client, id, { latitude: 21.032777, longitude: '105.831586' });
    expect(await readLocation()).toEqual({ custom_latitude: '21.032777', custom_longitude: '105.831586' });
    await device.unsetCustomLocation(context.client, id);
    expect(await readLocation()).toEqual({ custom_latitude: '', custom_longitude: '' });
    await expect(
      device.setCustomLocation(context.client, id, { latitude: 'north', longitude: 1 }),
    ).rejects.toBeInstanceOf(InvalidParameter);
  });

  it('rejects [], mixed arrays, empty strings and short uuids in a batch', async () => {
    const { devices } = await seedFleet(1);
    const seeded = devices[0] as { id: number; uuid: string };
    context.recorder.reset();
    for (const selector of [[], '', [seeded.id, seeded.uuid], ['abc'], [seeded.uuid, '']] as never[]) {
      await expect(device.enableDeviceUrl(context.client, selector)).rejects.toBeInstanceOf(InvalidParameter);
    }
    expect(context.recorder.requests).toHaveLength(0);
  });

  it('names the first missing device and writes nothing when one is missing', async () => {
    const { devices } = await seedFleet(2);
    const uuids = devices.map((seeded) => seeded.uuid);
    const missing = 'c'.repeat(32);
    const error = await device
      .remove(context.client, [uuids[0] as string, missing, uuids[1] as string])
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DeviceNotFound);
    expect((error as DeviceNotFound).message).toContain(missing);
    expect(await device.has(context.client, uuids[0] as string)).toBe(true);
    await device.remove(context.client, uuids);
    expect(await device.has(context.client, uuids[0] as string)).toBe(false);
    expect(await device.has(context.client, uuids[1] as string)).toBe(false);
  });

  it('moves devices between compatible applications and refuses incompatible ones', async () => {
    const { devices } = await seedFleet(2, 'raspberrypi3');
    const target = await context.sandbox.seedApplication({ name: uniqueName('target'), deviceType: 'raspberrypi4-64' });
    const amd64 = await context.sandbox.seedApplication({ name: uniqueName('nuc'), deviceType: 'intel-nuc' });
    const ids = devices.map((seeded) => seeded.id);
    await device.move(context.client, ids, target.slug);
    const moved = await context.client.pine.get<{ belongs_to__application: { __id: number } }>({
      resource: 'device',
      options: { $select: 'belongs_to__application', $filter: { id: { $in: ids } } },
    });
    expect(moved.map((row) => row.belongs_to__application.__id)).toEqual([target.id, target.id]);
    await expect(device.move(context.client, ids, amd64.id)).rejects.toBeInstanceOf(IncompatibleApplication);
    await expect(device.move(context.client, ids, 'admin/none')).rejects.toBeInstanceOf(ApplicationNotFound);
    await expect(device.move(context.client, 765_432, target.id)).rejects.toBeInstanceOf(DeviceNotFound);
    context.recorder.reset();
    await expect(device.move(context.client, ids, '')).rejects.toBeInstanceOf(InvalidParameter);
    await expect(device.move(context.client, ids, Number.NaN)).rejects.toBeInstanceOf(InvalidParameter);
    expect(context.recorder.requests).toHaveLength(0);
  });
});

describe('device releases', () => {
  it('pins to a release by commit or id, tracks again, and reports the target', async () => {
    const { app, devices } = await seedFleet(2);
    const release = await context.sandbox.seedRelease({ application: app.id });
    const ids = devices.map((seeded) => seeded.id);
    await device.pinToRelease(context.client, ids, release.commit);
    expect(await device.isTrackingApplicationRelease(context.client, ids[0] as number)).toBe(false);
    expect(await device.getTargetReleaseHash(context.client, ids[1] as number)).toBe(release.commit);
    await device.trackApplicationRelease(context.client, ids);
    expect(await device.isTrackingApplicationRelease(context.client, ids[0] as number)).toBe(true);
    await device.setToRelease(context.client, ids[0] as number, release.id);
    expect(await device.isTrackingApplicationRelease(context.client, ids[0] as number)).toBe(false);
    await device.setToRelease(context.client, ids[0] as number, '');
    expect(await device.isTrackingApplicationRelease(context.client, ids[0] as number)).toBe(true);
  });

  it('raises ReleaseNotFound for a commit of another application', async () => {
    const { devices } = await seedFleet(1);
    const other = await seedFleet(0);
    const foreign = await context.sandbox.seedRelease({ application: other.app.id });
    await expect(
      device.pinToRelease(context.client, (devices[0] as { id: number }).id, foreign.commit),
    ).rejects.toBeInstanceOf(ReleaseNotFound);
    context.recorder.reset();
    for (const invalid of ['', Number.NaN, -1, 1.5, null] as never[]) {
      await expect(
        device.pinToRelease(context.client, (devices[0] as { id: number }).id, invalid),
      ).rejects.toBeInstanceOf(InvalidParameter);
    }
    expect(context.recorder.requests).toHaveLength(0);
    await expect(device.pinToRelease(context.client, 'f'.repeat(32), foreign.commit)).rejects.toBeInstanceOf(
      DeviceNotFound,
    );
  });

  it('pins devices of two applications, each to its own application release of that id', async () => {
    const first = await seedFleet(1);
    const second = await seedFleet(1);
    const release = await context.sandbox.seedRelease({ application: first.app.id });
    const ids = [(first.devices[0] as { id: number }).id, (second.devices[0] as { id: number }).id];
    // The release belongs to the first application only: the second device cannot be pinned to it.
    await expect(device.pinToRelease(context.client, ids, release.id)).rejects.toBeInstanceOf(ReleaseNotFound);
    expect(await device.isTrackingApplicationRelease(context.client, ids[0] as number)).toBe(true);
  });
});
