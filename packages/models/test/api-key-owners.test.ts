import { ApplicationNotFound, createClient, DeviceNotFound, InvalidParameter } from '@balena-ts/core';
import * as apiKey from '@balena-ts/models/api-key';
import * as application from '@balena-ts/models/application';
import * as device from '@balena-ts/models/device';
import { describe, expect, it } from 'vitest';
import { seedFleet, uniqueName, useTestContext } from './helpers/sandbox.js';

const context = useTestContext();

describe('apiKey.getProvisioningApiKeysByApplication', () => {
  it("lists the fleet's provisioning keys, ordered by name, and no other fleet's", async () => {
    const { app } = await seedFleet(context, 0);
    const { app: other } = await seedFleet(context, 0);
    await application.generateProvisioningKey(context.client, app.id, { name: 'zeta' });
    await application.generateProvisioningKey(context.client, app.slug, { name: 'alpha' });
    await application.generateProvisioningKey(context.client, other.id, { name: 'other' });
    const keys = await apiKey.getProvisioningApiKeysByApplication(context.client, app.slug, { $select: ['name'] });
    expect(keys).toEqual([{ name: 'alpha' }, { name: 'zeta' }]);
    expect(await apiKey.getProvisioningApiKeysByApplication(context.client, app.uuid)).toHaveLength(2);
  });

  it('raises ApplicationNotFound for a missing fleet or one of another user', async () => {
    await expect(apiKey.getProvisioningApiKeysByApplication(context.client, 999_999)).rejects.toBeInstanceOf(
      ApplicationNotFound,
    );
    const { app } = await seedFleet(context, 0);
    await application.generateProvisioningKey(context.client, app.id, { name: uniqueName('secret') });
    const stranger = await context.sandbox.createUser();
    const client = createClient({ apiUrl: context.sandbox.url, retry: false });
    await client.tokens.set(stranger.token);
    await expect(apiKey.getProvisioningApiKeysByApplication(client, app.id)).rejects.toBeInstanceOf(
      ApplicationNotFound,
    );
  });

  it('refuses bad arguments before any request', async () => {
    context.recorder.reset();
    await expect(apiKey.getProvisioningApiKeysByApplication(context.client, '')).rejects.toBeInstanceOf(
      InvalidParameter,
    );
    await expect(apiKey.getProvisioningApiKeysByApplication(context.client, 1, 7 as never)).rejects.toBeInstanceOf(
      InvalidParameter,
    );
    expect(context.recorder.requests).toHaveLength(0);
  });
});

describe('apiKey.getDeviceApiKeysByDevice', () => {
  it("lists the device's keys and no other device's", async () => {
    const { devices } = await seedFleet(context, 2);
    const [first, second] = devices as [{ id: number; uuid: string }, { id: number; uuid: string }];
    await device.generateDeviceKey(context.client, first.uuid, 'beta');
    await device.generateDeviceKey(context.client, first.id, 'alpha');
    await device.generateDeviceKey(context.client, second.id, 'other');
    const keys = await apiKey.getDeviceApiKeysByDevice(context.client, first.uuid, { $select: ['name'] });
    expect(keys.map((key) => key.name)).toEqual(['alpha', 'beta']);
  });

  it('raises DeviceNotFound for a missing device or one of another user', async () => {
    await expect(apiKey.getDeviceApiKeysByDevice(context.client, 999_999)).rejects.toBeInstanceOf(DeviceNotFound);
    const { devices } = await seedFleet(context, 1);
    const stranger = await context.sandbox.createUser();
    const client = createClient({ apiUrl: context.sandbox.url, retry: false });
    await client.tokens.set(stranger.token);
    await expect(apiKey.getDeviceApiKeysByDevice(client, devices[0]?.id as number)).rejects.toBeInstanceOf(
      DeviceNotFound,
    );
  });

  it('refuses bad arguments before any request', async () => {
    context.recorder.reset();
    await expect(apiKey.getDeviceApiKeysByDevice(context.client, 'not-a-uuid')).rejects.toBeInstanceOf(
      InvalidParameter,
    );
    await expect(apiKey.getDeviceApiKeysByDevice(context.client, 0)).rejects.toBeInstanceOf(InvalidParameter);
    expect(context.recorder.requests).toHaveLength(0);
  });
});
