// The actor and device type lookups of src/internal against the sandbox: a device's key is no
// user, and a device type that is not there is named in its error.
import { createClient, InvalidDeviceType, NotLoggedIn } from '@balena-ts/core';
import * as device from '@balena-ts/models/device';
import { describe, expect, it } from 'vitest';
import { getUserActor } from '../src/internal/actor.js';
import { findDeviceType } from '../src/internal/device-type.js';
import { seedFleet, useTestContext } from './helpers/sandbox.js';

const context = useTestContext();

describe('getUserActor', () => {
  it("answers the user of a user's token", async () => {
    expect(await getUserActor(context.client)).toMatchObject({ actorType: 'user', username: expect.any(String) });
  });

  it("refuses a device's key as not a user's credentials", async () => {
    const { devices } = await seedFleet(context, 1);
    const key = await device.generateDeviceKey(context.client, devices[0]!.uuid);
    const asDevice = createClient({ apiUrl: context.sandbox.url, retry: false });
    await asDevice.tokens.set(key);
    const error = await getUserActor(asDevice).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotLoggedIn);
    expect((error as Error).message).toContain('The authentication credentials in use are not of a user');
  });
});

describe('findDeviceType', () => {
  it('names the device type it did not find', async () => {
    const error = await findDeviceType(context.client, 'no-such-board').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidDeviceType);
    expect((error as Error).message).toBe('Invalid device type: no-such-board');
  });
});
