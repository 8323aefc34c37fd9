// What the service variables do beyond the shared contract: finding the service (by id, by
// application and name) and the device's service install (by service name or id).
import { DeviceNotFound, InvalidParameter, ServiceNotFound } from '@balena-ts/core';
import * as deviceServiceEnvVariable from '@balena-ts/models/device-service-env-variable';
import * as serviceEnvVariable from '@balena-ts/models/service-env-variable';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestContext, type TestContext, uniqueName } from './helpers/sandbox.js';

let context: TestContext;
let application: { id: number; slug: string };
let device: { id: number; uuid: string };
let bareDevice: { id: number; uuid: string };
let services: { id: number; name: string }[];

beforeAll(async () => {
  context = await startTestContext();
  application = await context.sandbox.seedApplication({ name: uniqueName('services') });
  [device] = (await context.sandbox.seedDevices({ application: application.id, count: 1 })) as [
    { id: number; uuid: string },
  ];
  // The API keeps a service install per device and service of its fleet (as balena does): a device
  // that runs no service is one in a fleet without services.
  const bare = await context.sandbox.seedApplication({ name: uniqueName('bare') });
  [bareDevice] = (await context.sandbox.seedDevices({ application: bare.id, count: 1 })) as [
    { id: number; uuid: string },
  ];
  ({ services } = await context.sandbox.seedRelease({ application: application.id, services: ['main', 'worker'] }));
});

afterAll(async () => {
  await context?.sandbox.close();
});

describe('service-env-variable', () => {
  it('keeps the variables of each service apart', async () => {
    await serviceEnvVariable.set(context.client, { application: application.slug, service_name: 'main' }, 'PORT', '80');
    await serviceEnvVariable.set(context.client, services[1]!.id, 'PORT', '8080');
    expect(await serviceEnvVariable.get(context.client, services[0]!.id, 'PORT')).toBe('80');
    expect(
      await serviceEnvVariable.get(context.client, { application: application.id, service_name: 'worker' }, 'PORT'),
    ).toBe('8080');
    const all = await serviceEnvVariable.getAllByApplication(context.client, application.id, {
      $select: ['service', 'value'],
    });
    expect(all.map((row) => [(row.service as { __id: number }).__id, row.value]).sort()).toEqual(
      [
        [services[0]!.id, '80'],
        [services[1]!.id, '8080'],
      ].sort(),
    );
    await serviceEnvVariable.remove(context.client, { application: application.id, service_name: 'worker' }, 'PORT');
    expect(await serviceEnvVariable.get(context.client, services[1]!.id, 'PORT')).toBeUndefined();
  });

  it('seed create: finds the service by application and name, and throws ServiceNotFound for an unknown one', async () => {
    const created = await serviceEnvVariable.create(context.client, application.slug, 'worker', 'QUEUE', 'jobs');
    expect(created).toMatchObject({ name: 'QUEUE', value: 'jobs', service: { __id: services[1]!.id } });
    await expect(
      serviceEnvVariable.create(context.client, application.id, 'nope', 'QUEUE', 'x'),
    ).rejects.toBeInstanceOf(ServiceNotFound);
    await expect(
      serviceEnvVariable.getAllByService(context.client, { application: application.id, service_name: 'nope' }),
    ).rejects.toBeInstanceOf(ServiceNotFound);
    await expect(serviceEnvVariable.set(context.client, 987_654_321, 'QUEUE', 'x')).rejects.toBeInstanceOf(
      ServiceNotFound,
    );
    await serviceEnvVariable.remove(context.client, created.id);
  });

  it('rejects a malformed service before any request', async () => {
    for (const bad of [0, -1, '', { application: application.id, service_name: '' }, { service_name: 'main' }]) {
      context.recorder.reset();
      await expect(serviceEnvVariable.get(context.client, bad as never, 'PORT')).rejects.toBeInstanceOf(
        InvalidParameter,
      );
      expect(context.recorder.requests).toHaveLength(0);
    }
  });
});

describe('device-service-env-variable', () => {
  it('finds the service install in one request, by uuid and service name or by ids', async () => {
    context.recorder.reset();
    await deviceServiceEnvVariable.set(context.client, device.uuid, 'main', 'LEVEL', 'debug');
    // One lookup of the service install, then the upsert's POST.
    expect(context.recorder.requests.map((request) => request.method)).toEqual(['GET', 'POST']);
    expect(context.recorder.requests[0]?.url).toContain(
      `/v7/service_install?$select=id&$filter=(device/any(d:d/uuid eq '${device.uuid}')) and ` +
        `(installs__service/any(s:s/service_name eq 'main'))`,
    );
    expect(await deviceServiceEnvVariable.get(context.client, device.id, services[0]!.id, 'LEVEL')).toBe('debug');
    expect(await deviceServiceEnvVariable.get(context.client, device.id, 'worker', 'LEVEL')).toBeUndefined();
  });

  it('getAll returns each variable with its service name, as the seed did', async () => {
    await deviceServiceEnvVariable.set(context.client, device.id, 'worker', 'LEVEL', 'info');
    const rows = await deviceServiceEnvVariable.getAll(context.client, device.uuid);
    const byService = rows.map((row) => {
      const [install] = row.service_install as { installs__service: { service_name: string }[] }[];
      return [install?.installs__service[0]?.service_name, row.name, row.value];
    });
    expect(byService.sort()).toEqual([
      ['main', 'LEVEL', 'debug'],
      ['worker', 'LEVEL', 'info'],
    ]);
    const narrow = await deviceServiceEnvVariable.getAllByDevice(context.client, device.id, {
      $select: ['name', 'value'],
      $expand: {},
    });
    expect(narrow.map((row) => row.value).sort()).toEqual(['debug', 'info']);
    expect(await deviceServiceEnvVariable.getAll(context.client, bareDevice.id)).toEqual([]);
  });

  it('says DeviceNotFound for a missing device and ServiceNotFound for a service the device does not run', async () => {
    await expect(
      deviceServiceEnvVariable.set(context.client, 987_654_321, 'main', 'LEVEL', 'x'),
    ).rejects.toBeInstanceOf(DeviceNotFound);
    await expect(
      deviceServiceEnvVariable.set(context.client, 'f'.repeat(32), 'main', 'LEVEL', 'x'),
    ).rejects.toBeInstanceOf(DeviceNotFound);
    await expect(deviceServiceEnvVariable.set(context.client, bareDevice.uuid, 'main', 'LEVEL', 'x')).rejects.toThrow(
      ServiceNotFound,
    );
    await expect(deviceServiceEnvVariable.get(context.client, device.id, 'nope', 'LEVEL')).rejects.toThrow(
      /Service not found: nope/,
    );
    await expect(deviceServiceEnvVariable.getAll(context.client, 987_654_321)).rejects.toBeInstanceOf(DeviceNotFound);
  });

  it('removes by device, service and name, and by id', async () => {
    await deviceServiceEnvVariable.remove(context.client, device.uuid, 'worker', 'LEVEL');
    expect(await deviceServiceEnvVariable.get(context.client, device.id, 'worker', 'LEVEL')).toBeUndefined();
    const created = await deviceServiceEnvVariable.create(context.client, device.id, 'worker', 'EXTRA', 'y');
    expect(created).toMatchObject({ name: 'EXTRA', value: 'y' });
    await deviceServiceEnvVariable.remove(context.client, created.id);
    expect(await deviceServiceEnvVariable.get(context.client, device.id, 'worker', 'EXTRA')).toBeUndefined();
    await expect(
      deviceServiceEnvVariable.remove(context.client, device.id, 'worker', undefined as never),
    ).rejects.toBeInstanceOf(InvalidParameter);
  });
});
