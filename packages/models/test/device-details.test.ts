import { ApplicationNotFound, DeviceNotFound, InvalidParameter, OrganizationNotFound } from '@balena-ts/core';
import * as device from '@balena-ts/models/device';
import { describe, expect, it } from 'vitest';
import { seedFleet as seedFleetIn, uniqueName, useTestContext } from './helpers/sandbox.js';

const context = useTestContext();
const seedFleet = (count: number, deviceType?: string, fields?: Record<string, unknown>) =>
  seedFleetIn(context, count, deviceType, fields);

describe('device service details', () => {
  it('groups image installs by application slug and service name, newest first', async () => {
    const { app, devices } = await seedFleet(1);
    const seeded = devices[0] as { id: number; uuid: string };
    const first = await context.sandbox.seedRelease({ application: app.id, services: ['main', 'worker'] });
    const second = await context.sandbox.seedRelease({ application: app.id, services: ['main', 'worker'] });
    const installs = [
      { release: first, service: 0, date: '2026-01-01T00:00:00.000Z', status: 'Running' },
      { release: second, service: 0, date: '2026-02-01T00:00:00.000Z', status: 'Downloading' },
      { release: second, service: 1, date: '2026-02-01T00:00:00.000Z', status: 'Running' },
      { release: first, service: 1, date: '2025-12-01T00:00:00.000Z', status: 'deleted' },
    ];
    for (const install of installs) {
      await context.client.pine.post({
        resource: 'image_install',
        body: {
          device: seeded.id,
          installs__image: install.release.services[install.service]?.imageId,
          is_provided_by__release: install.release.id,
          install_date: install.date,
          status: install.status,
          download_progress: install.status === 'Downloading' ? 40 : null,
        },
      });
    }
    const details = await device.getWithServiceDetails(context.client, seeded.uuid);
    expect(details.uuid).toBe(seeded.uuid);
    expect('image_install' in details).toBe(false);
    const main = details.current_services.main ?? [];
    expect(main.map((entry) => entry.commit)).toEqual([second.commit, first.commit]);
    expect(main[0]).toMatchObject({ status: 'Downloading', download_progress: 40, release_id: second.id });
    expect(details.current_services.worker?.map((entry) => entry.status)).toEqual(['Running']);
    expect(Object.keys(details.current_services_by_app)).toEqual([app.slug]);
    await expect(device.getWithServiceDetails(context.client, 'f'.repeat(62))).rejects.toBeInstanceOf(DeviceNotFound);
  });
});

describe('device lists', () => {
  it('getAllByApplication resolves to an array and streamAllByApplication iterates, by slug, name or id', async () => {
    const { app, devices } = await seedFleet(3);
    const listed = await device.getAllByApplication(context.client, app.slug, { $select: ['id'] });
    expect(listed.map((row) => row.id).sort((a, b) => a - b)).toEqual(devices.map((seeded) => seeded.id));
    const iterated: number[] = [];
    for await (const row of device.streamAllByApplication(context.client, app.id, { $select: ['id', 'device_name'] })) {
      iterated.push(row.id);
    }
    expect(iterated.sort((a, b) => a - b)).toEqual(devices.map((seeded) => seeded.id));
    expect(await device.getAllByApplicationId(context.client, app.id)).toHaveLength(3);
    const all = await device.getAll(context.client, { $select: ['id', 'device_name'] });
    expect(all.map((row) => row.id)).toEqual(expect.arrayContaining(devices.map((seeded) => seeded.id)));
    const names = all.map((row) => row.device_name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('getAllByOrganization lists the devices of every application of the organization', async () => {
    const handle = uniqueName('devices-org');
    const organization = await context.client.pine.post<{ id: number }>({
      resource: 'organization',
      body: { name: handle, handle },
    });
    const app = await context.client.pine.post<{ id: number }>({
      resource: 'application',
      body: { app_name: uniqueName('org-fleet'), organization: organization.id, is_for__device_type: 1 },
    });
    const inOrganization = await context.sandbox.seedDevices({ application: app.id, count: 2 });
    const elsewhere = await seedFleet(1);
    const byHandle = await device.getAllByOrganization(context.client, handle, { $select: ['id'] });
    expect(byHandle.map((row) => row.id).sort((a, b) => a - b)).toEqual(inOrganization.map((seeded) => seeded.id));
    const iterated: number[] = [];
    for await (const row of device.streamAllByOrganization(context.client, organization.id, { $select: ['id'] })) {
      iterated.push(row.id);
    }
    expect(iterated).not.toContain((elsewhere.devices[0] as { id: number }).id);
    expect(iterated).toHaveLength(2);
    await expect(device.getAllByOrganization(context.client, 'no-such-org')).rejects.toBeInstanceOf(
      OrganizationNotFound,
    );
    context.recorder.reset();
    await expect(device.getAllByOrganization(context.client, '')).rejects.toBeInstanceOf(InvalidParameter);
    expect(context.recorder.requests).toHaveLength(0);
  });

  it('raises ApplicationNotFound for a missing application, by id or slug', async () => {
    await expect(device.getAllByApplication(context.client, 999_999)).rejects.toBeInstanceOf(ApplicationNotFound);
    await expect(device.streamAllByApplication(context.client, 'admin/none').toArray()).rejects.toBeInstanceOf(
      ApplicationNotFound,
    );
    await expect(device.getAllByApplication(context.client, '')).rejects.toBeInstanceOf(InvalidParameter);
    const iterate = async () => {
      for await (const row of device.streamAllByApplication(context.client, 999_998)) expect(row).toBeUndefined();
    };
    await expect(iterate()).rejects.toBeInstanceOf(ApplicationNotFound);
    const empty = await seedFleet(0);
    expect(await device.getAllByApplication(context.client, empty.app.id)).toEqual([]);
  });
});
