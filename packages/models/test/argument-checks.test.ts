// Wrong arguments to the part-2 models (variables, tags, releases, images, services) end in a typed
// error before any request, and as a rejected promise rather than a synchronous throw.
import * as applicationConfigVariable from '@balena-ts/models/application-config-variable';
import * as applicationEnvVariable from '@balena-ts/models/application-env-variable';
import * as applicationTag from '@balena-ts/models/application-tag';
import * as deviceConfigVariable from '@balena-ts/models/device-config-variable';
import * as deviceEnvVariable from '@balena-ts/models/device-env-variable';
import * as deviceServiceEnvVariable from '@balena-ts/models/device-service-env-variable';
import * as deviceTag from '@balena-ts/models/device-tag';
import * as image from '@balena-ts/models/image';
import * as release from '@balena-ts/models/release';
import * as releaseTag from '@balena-ts/models/release-tag';
import * as service from '@balena-ts/models/service';
import * as serviceEnvVariable from '@balena-ts/models/service-env-variable';
import { describe, expect, it } from 'vitest';
import { expectRefusedBeforeRequest } from './helpers/refusal.js';
import { seedFleet, useTestContext } from './helpers/sandbox.js';

const context = useTestContext();

const expectRefusedBeforeAnyRequest = (work: () => Promise<unknown>, parameter: string) =>
  expectRefusedBeforeRequest(context.recorder, work, parameter);

describe('remove with a key argument that is undefined', () => {
  it('refuses it instead of deleting the row whose id equals the parent', async () => {
    const { app, devices } = await seedFleet(context, 1);
    const [device] = devices;
    // The API creates the device's service install for the release's service (as balena does).
    const { services } = await context.sandbox.seedRelease({ application: app.id });
    // A row of each resource whose own id is the parent's id would be deleted by the id form.
    await applicationEnvVariable.set(context.client, app.id, 'KEEP', 'kept');
    const calls: (() => Promise<unknown>)[] = [
      () => applicationEnvVariable.remove(context.client, app.id, undefined as unknown as string),
      () => applicationConfigVariable.remove(context.client, app.id, undefined as unknown as string),
      () => deviceEnvVariable.remove(context.client, device!.id, undefined as unknown as string),
      () => deviceConfigVariable.remove(context.client, device!.id, undefined as unknown as string),
      () => serviceEnvVariable.remove(context.client, services[0]!.id, undefined as unknown as string),
      () => deviceServiceEnvVariable.remove(context.client, device!.id, 'main', undefined as unknown as string),
    ];
    for (const call of calls) await expectRefusedBeforeAnyRequest(call, 'name');
    await expectRefusedBeforeAnyRequest(
      () => deviceServiceEnvVariable.remove(context.client, device!.id, undefined as unknown as string, 'KEEP'),
      'serviceNameOrId',
    );
    expect(await applicationEnvVariable.get(context.client, app.id, 'KEEP')).toBe('kept');
  });

  it('still removes by the row id when the id is the only argument (the seed form)', async () => {
    const { app } = await seedFleet(context, 0);
    const created = await applicationEnvVariable.create(context.client, app.id, 'GONE', 'soon');
    await applicationEnvVariable.remove(context.client, created.id);
    expect(await applicationEnvVariable.get(context.client, app.id, 'GONE')).toBeUndefined();
  });
});

describe('OData options that are not an object of OData options', () => {
  const NOT_OPTIONS: unknown[] = ['options', 5, true, ['$select'], { $nope: 1 }];

  it.each(NOT_OPTIONS.map((value) => ({ value })))('every listing and getter refuses $value', async ({ value }) => {
    const { app, devices } = await seedFleet(context, 1);
    const seeded = await context.sandbox.seedRelease({ application: app.id });
    const options = value as never;
    const pair = { application: app.slug, rawVersion: '0.0.0' };
    const calls: (() => Promise<unknown>)[] = [
      // Parents given in forms that need a lookup: the options were checked only after it.
      () => deviceEnvVariable.getAll(context.client, devices[0]!.uuid, options),
      () => deviceConfigVariable.getAllByApplication(context.client, app.slug, options),
      () => applicationEnvVariable.getAll(context.client, app.slug, options),
      () => deviceServiceEnvVariable.getAll(context.client, devices[0]!.uuid, options),
      () => deviceTag.getAllByDevice(context.client, devices[0]!.uuid, options),
      () => releaseTag.getAllByRelease(context.client, pair, options),
      () => release.getAllByApplication(context.client, app.slug, options),
      () => release.get(context.client, pair, options),
      () => release.get(context.client, seeded.id, options),
      // Listings without a parent threw synchronously.
      () => deviceTag.getAll(context.client, options),
      () => applicationTag.getAll(context.client, options),
      () => releaseTag.getAll(context.client, options),
      () => image.get(context.client, seeded.services[0]!.imageId, options),
      () => service.getAllByApplication(context.client, app.id, options),
    ];
    for (const call of calls) await expectRefusedBeforeAnyRequest(call, 'options');
  });

  it('null and undefined mean no options', async () => {
    const { app } = await seedFleet(context, 0);
    const seeded = await context.sandbox.seedRelease({ application: app.id });
    await applicationTag.set(context.client, app.id, 'where', 'lab');
    for (const none of [null, undefined] as unknown as undefined[]) {
      const tags = await applicationTag.getAllByApplication(context.client, app.id, none);
      expect(tags.map((row) => [row.tag_key, row.value])).toEqual([['where', 'lab']]);
      expect((await image.get(context.client, seeded.services[0]!.imageId, none)).id).toBe(seeded.services[0]!.imageId);
      expect((await service.getAllByApplication(context.client, app.id, none)).map((row) => row.service_name)).toEqual([
        'main',
      ]);
    }
  });
});

describe('create with a bad name or value', () => {
  it('rejects (never throws synchronously), before any request', async () => {
    const { app, devices } = await seedFleet(context, 1);
    await expectRefusedBeforeAnyRequest(
      () => applicationEnvVariable.create(context.client, app.id, "IT'S", 'x'),
      'name',
    );
    await expectRefusedBeforeAnyRequest(
      () => applicationConfigVariable.create(context.client, app.id, 'NOT_PREFIXED', 'x'),
      'name',
    );
    await expectRefusedBeforeAnyRequest(
      () => deviceEnvVariable.create(context.client, devices[0]!.id, 'MODE', 'two\nlines'),
      'value',
    );
    await expectRefusedBeforeAnyRequest(
      () => serviceEnvVariable.create(context.client, app.id, 'main', 'MODE', 42 as unknown as string),
      'value',
    );
  });
});

describe('release notes and known issues', () => {
  it.each([5, {}, ['issue'], true].map((value) => ({ value })))(
    'setNote and setKnownIssueList refuse $value, sending nothing',
    async ({ value }) => {
      const { app } = await seedFleet(context, 0);
      const seeded = await context.sandbox.seedRelease({ application: app.id });
      await expectRefusedBeforeAnyRequest(() => release.setNote(context.client, seeded.id, value as never), 'note');
      await expectRefusedBeforeAnyRequest(
        () => release.setKnownIssueList(context.client, seeded.id, value as never),
        'knownIssueList',
      );
    },
  );

  it('writes a string and clears with null', async () => {
    const { app } = await seedFleet(context, 0);
    const seeded = await context.sandbox.seedRelease({ application: app.id });
    await release.setNote(context.client, seeded.commit, 'tested on 40 devices');
    await release.setKnownIssueList(context.client, seeded.id, 'Wi-Fi drops');
    expect(await release.get(context.client, seeded.id, { $select: ['note', 'known_issue_list'] })).toEqual({
      note: 'tested on 40 devices',
      known_issue_list: 'Wi-Fi drops',
    });
    await release.setNote(context.client, seeded.id, null);
    await release.setKnownIssueList(context.client, seeded.id, null);
    expect(await release.get(context.client, seeded.id, { $select: ['note', 'known_issue_list'] })).toEqual({
      note: null,
      known_issue_list: null,
    });
  });
});
