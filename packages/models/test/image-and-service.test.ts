import { ApplicationNotFound, ImageNotFound, InvalidParameter } from '@balena-ts/core';
import * as image from '@balena-ts/models/image';
import * as service from '@balena-ts/models/service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestContext, type TestContext, uniqueName } from './helpers/sandbox.js';

let context: TestContext;
let application: { id: number; slug: string };
let seeded: { id: number; commit: string; services: { id: number; name: string; imageId: number }[] };

beforeAll(async () => {
  context = await startTestContext();
  application = await context.sandbox.seedApplication({ name: uniqueName('images') });
  seeded = await context.sandbox.seedRelease({ application: application.id, services: ['main', 'db'] });
});

afterAll(async () => {
  await context?.sandbox.close();
});

describe('image.get', () => {
  it("returns the seed's fields by default, and only the selected ones with $select", async () => {
    const imageId = seeded.services[0]!.imageId;
    const full = await image.get(context.client, imageId);
    expect(Object.keys(full).sort()).toEqual([...image.IMAGE_DEFAULT_FIELDS].sort());
    expect(full.id).toBe(imageId);
    expect(full.status).toBe('success');
    const narrow = await image.get(context.client, String(imageId), { $select: ['image_size'] });
    expect(narrow).toEqual({ image_size: 50_000_000 });
  });

  it('throws ImageNotFound for a missing image and InvalidParameter for a malformed id', async () => {
    await expect(image.get(context.client, 987_654_321)).rejects.toBeInstanceOf(ImageNotFound);
    for (const bad of [0, -1, 2.5, 'abc', '']) {
      context.recorder.reset();
      await expect(image.get(context.client, bad)).rejects.toBeInstanceOf(InvalidParameter);
      expect(context.recorder.requests).toHaveLength(0);
    }
  });
});

describe('image.getLog', () => {
  it('returns null before a build log exists, then the log exactly', async () => {
    const imageId = seeded.services[1]!.imageId;
    expect(await image.getLog(context.client, imageId)).toBeNull();
    const log = 'Step 1/3 : FROM alpine\n ---> 3fd9065eaf02\nSuccessfully built ✓ "quoted"';
    await context.client.pine.patch({ resource: 'image', id: imageId, body: { build_log: log } });
    context.recorder.reset();
    expect(await image.getLog(context.client, imageId)).toBe(log);
    expect(context.recorder.requests.map((request) => request.url)).toEqual([
      `${context.sandbox.url}/v7/image(${imageId})?$select=build_log`,
    ]);
    expect(await image.getLogs(context.client, imageId)).toBe(log);
  });

  it('throws ImageNotFound and InvalidParameter', async () => {
    await expect(image.getLog(context.client, 987_654_321)).rejects.toBeInstanceOf(ImageNotFound);
    await expect(image.getLog(context.client, -1)).rejects.toBeInstanceOf(InvalidParameter);
  });
});

describe('service.getAllByApplication', () => {
  it('lists the services of an application in one request, by id or slug, with options', async () => {
    for (const owner of [application.id, application.slug]) {
      context.recorder.reset();
      const services = await service.getAllByApplication(context.client, owner, {
        $select: ['id', 'service_name'],
        $orderby: 'service_name asc',
      });
      expect(context.recorder.requests).toHaveLength(1);
      expect(services).toEqual([
        { id: seeded.services[1]!.id, service_name: 'db' },
        { id: seeded.services[0]!.id, service_name: 'main' },
      ]);
    }
    const [main] = await service.getAllByApplication(context.client, application.id, {
      $filter: { service_name: 'main' },
    });
    expect(main?.service_name).toBe('main');
    expect(main?.application).toEqual({ __id: application.id });
  });

  it('gives an empty list for an application without services, and ApplicationNotFound for a missing one', async () => {
    const empty = await context.sandbox.seedApplication({ name: uniqueName('no-services') });
    expect(await service.getAllByApplication(context.client, empty.slug)).toEqual([]);
    await expect(service.getAllByApplication(context.client, 987_654_321)).rejects.toBeInstanceOf(ApplicationNotFound);
    await expect(service.getAllByApplication(context.client, 'nobody/nothing')).rejects.toBeInstanceOf(
      ApplicationNotFound,
    );
    await expect(service.getAllByApplication(context.client, '')).rejects.toBeInstanceOf(InvalidParameter);
  });
});
