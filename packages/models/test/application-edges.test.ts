// The edges of the application model that its main tests pass over: what each refusal names and
// says, options given as null or {}, keys with an expiry, application classes, and which releases
// "the latest" may be.
import { InvalidApplicationType, InvalidOption, InvalidParameter, SupervisorLocked } from '@balena-ts/core';
import * as application from '@balena-ts/models/application';
import { describe, expect, it } from 'vitest';
import { failureOf } from './helpers/refusal.js';
import { uniqueName, useTestContext } from './helpers/sandbox.js';

const context = useTestContext();

async function seedApp() {
  return context.sandbox.seedApplication({ name: uniqueName('edges') });
}

describe('application refusals', () => {
  it('name the parameter and say what was expected, before any request', async () => {
    const client = context.client;
    const cases: [() => unknown, string, string][] = [
      [() => application.create(client, '', 'raspberrypi3'), 'name', 'an application needs a name'],
      [
        () => application.create(client, 'x', 'raspberrypi3', ''),
        'appType',
        'expected an application class or type slug',
      ],
      [() => application.getAppByName(client, ''), 'appName', 'expected an application name'],
      [
        () => application.getAppByName(client, 'x', {}, 'all' as never),
        'context',
        "expected 'directly_accessible' or nothing",
      ],
      [() => application.rename(client, 1, ' '), 'newAppName', 'expected a non-empty application name'],
      [() => application.pinToRelease(client, 1, ''), 'fullReleaseHash', 'expected a full commit hash'],
      [() => application.reboot(client, 1, 5 as never), 'options', 'expected an object'],
      [() => application.shutdown(client, 1, { force: 'yes' as never }), 'options.force', 'expected a boolean'],
      [() => application.purge(client, 'x' as never), 'appId', ''],
      [() => application.reboot(client, 'x' as never), 'appId', ''],
      [() => application.shutdown(client, 'x' as never), 'appId', ''],
      [() => application.getDashboardUrl(client, 'x' as never), 'appId', ''],
    ];
    context.recorder.reset();
    for (const [call, parameter, expected] of cases) {
      const error = await failureOf(call);
      expect(error).toBeInstanceOf(InvalidParameter);
      expect([(error as InvalidParameter).parameter, (error as Error).message]).toEqual([
        parameter,
        expect.stringContaining(expected),
      ]);
    }
    expect(context.recorder.requests).toEqual([]);
  });

  it('of options say which option and why, before any request', async () => {
    const client = context.client;
    const cases: [() => unknown, string][] = [
      [
        () => application.getConfig(client, 1, { version: ' ' }),
        'Invalid option: version must be an OS version, or left out for the newest',
      ],
      [
        () => application.getConfig(client, 1, { version: 6 as never }),
        'Invalid option: version must be an OS version, or left out for the newest',
      ],
      [
        () => application.generateProvisioningKey(client, 1, { name: 5 as never }),
        'Invalid option "name": expected a string',
      ],
      [
        () => application.generateProvisioningKey(client, 1, { description: false as never }),
        'Invalid option "description": expected a string',
      ],
      [
        () => application.generateProvisioningKey(client, 1, { expiryDate: 5 as never }),
        'Invalid option "expiryDate": expected an ISO 8601 date, or null for never',
      ],
    ];
    context.recorder.reset();
    for (const [call, message] of cases) {
      const error = await failureOf(call);
      expect(error).toBeInstanceOf(InvalidOption);
      expect((error as Error).message).toBe(message);
    }
    expect(context.recorder.requests).toEqual([]);
  });

  it('of an unknown application type say which', async () => {
    const error = await failureOf(() =>
      application.create(context.client, uniqueName('x'), 'raspberrypi3', 'no-such-type'),
    );
    expect(error).toBeInstanceOf(InvalidApplicationType);
    expect((error as Error).message).toBe('Invalid application type: no-such-type');
  });
});

describe('application options in their other spellings', () => {
  it('reboot and shutdown take null or {} as no options, and force reaches the supervisor', async () => {
    const seeded = await seedApp();
    const fleet = await context.sandbox.simulateFleet({ application: seeded.id, count: 1, locked: true });
    try {
      // Without force the device's update lock holds: null and {} are "not forced", not an error.
      await expect(application.reboot(context.client, seeded.id, null as never)).rejects.toBeInstanceOf(
        SupervisorLocked,
      );
      await expect(application.reboot(context.client, seeded.id, {})).rejects.toBeInstanceOf(SupervisorLocked);
      await expect(application.shutdown(context.client, seeded.id, { force: true })).resolves.toBeUndefined();
    } finally {
      await fleet.stop();
    }
  });

  it('a provisioning key may never expire (null) or expire at a date', async () => {
    const seeded = await seedApp();
    const later = new Date(Date.now() + 86_400_000).toISOString();
    for (const expiryDate of [null, later]) {
      const name = uniqueName('expiring');
      const key = await application.generateProvisioningKey(context.client, seeded.id, { name, expiryDate });
      expect(key).toMatch(/^[A-Za-z0-9]{16,}$/);
      const [row] = await context.client.pine.get<{ expiry_date: string | null }>({
        resource: 'api_key',
        options: { $select: 'expiry_date', $filter: { name } },
      });
      expect(row?.expiry_date).toBe(expiryDate);
    }
  });

  it('creates an application of the class asked for', async () => {
    const created = await application.create(context.client, uniqueName('block'), 'raspberrypi3', 'block');
    const stored = await application.get(context.client, created.id, { $select: 'is_of__class' });
    expect(stored.is_of__class).toBe('block');
  });
});

describe('application.trackLatestRelease', () => {
  it('targets the newest successful final release, passing over newer failed and unfinished ones', async () => {
    const seeded = await seedApp();
    const good = await context.sandbox.seedRelease({ application: seeded.id });
    await context.sandbox.seedRelease({ application: seeded.id, status: 'failed' });
    await context.sandbox.seedRelease({ application: seeded.id, status: 'running', isFinal: false });
    await application.pinToRelease(context.client, seeded.id, good.commit);
    await application.trackLatestRelease(context.client, seeded.id);
    expect(await application.getTargetReleaseHash(context.client, seeded.id)).toBe(good.commit);
    expect(await application.isTrackingLatestRelease(context.client, seeded.id)).toBe(true);
  });
});
