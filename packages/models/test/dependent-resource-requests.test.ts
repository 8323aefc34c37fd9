// What the variable and tag operations send: a parent given by id is used without a lookup and
// checked only when an answer is empty or a write fails (and not when the session was refused); a
// parent that was looked up is never looked up twice. And the exact parameter each refusal names.
import { type Client, createClient, InvalidParameter, NotLoggedIn } from '@balena-ts/core';
import * as applicationEnvVariable from '@balena-ts/models/application-env-variable';
import * as deviceEnvVariable from '@balena-ts/models/device-env-variable';
import * as deviceServiceEnvVariable from '@balena-ts/models/device-service-env-variable';
import * as deviceTag from '@balena-ts/models/device-tag';
import * as organization from '@balena-ts/models/organization';
import * as membershipTag from '@balena-ts/models/organization-membership-tag';
import * as releaseTag from '@balena-ts/models/release-tag';
import * as serviceEnvVariable from '@balena-ts/models/service-env-variable';
import { describe, expect, it } from 'vitest';
import { recordingFetch, uniqueName, useTestContext } from './helpers/sandbox.js';

const context = useTestContext();

/** A request as `METHOD /v7/resource`: the key in parentheses and the query left out. */
function described(request: { method: string; url: string }): string {
  return `${request.method} ${new URL(request.url).pathname.replace(/\(.*\)$/, '')}`;
}

/** The requests `work` sends, in order. */
async function requestsOf(work: () => Promise<unknown>): Promise<string[]> {
  context.recorder.reset();
  await work();
  return context.recorder.requests.map(described);
}

async function givenFleet() {
  const app = await context.sandbox.seedApplication({ name: uniqueName('requests') });
  const [device] = (await context.sandbox.seedDevices({ application: app.id, count: 1 })) as [
    { id: number; uuid: string },
  ];
  const release = await context.sandbox.seedRelease({ application: app.id, services: ['main'] });
  return { app, device, release };
}

/** A client whose requests to `resource` with `method` fail as a dropped connection would. */
function clientFailing(method: string, resource: string): { client: Client; requests: string[] } {
  const recorder = recordingFetch();
  const failing: typeof fetch = (input, init) => {
    const request = new Request(input, init);
    if (described(request) === `${method} /v7/${resource}`) {
      recorder.requests.push({ method: request.method, url: request.url });
      return Promise.reject(new TypeError('fetch failed: connection reset by the test'));
    }
    return recorder.fetch(input, init);
  };
  const client = createClient({ apiUrl: context.sandbox.url, fetch: failing, retry: false });
  return {
    client,
    get requests() {
      return recorder.requests.map(described);
    },
  };
}

describe('a parent given by id is checked only when needed', () => {
  it('set and get by device id send no lookup; an empty answer checks the device', async () => {
    const { device } = await givenFleet();
    const { client } = context;
    expect(await requestsOf(() => deviceEnvVariable.set(client, device.id, 'MODE', 'on'))).toEqual([
      'POST /v7/device_environment_variable',
    ]);
    expect(await requestsOf(() => deviceEnvVariable.get(client, device.id, 'MODE'))).toEqual([
      'GET /v7/device_environment_variable',
    ]);
    expect(await requestsOf(() => deviceEnvVariable.get(client, device.id, 'ABSENT'))).toEqual([
      'GET /v7/device_environment_variable',
      'GET /v7/device',
    ]);
  });

  it('a session refused on a write by id is not followed by a check of the device', async () => {
    const { device } = await givenFleet();
    const recorder = recordingFetch();
    const anonymous = createClient({ apiUrl: context.sandbox.url, fetch: recorder.fetch, retry: false });
    await expect(deviceEnvVariable.set(anonymous, device.id, 'MODE', 'on')).rejects.toBeInstanceOf(NotLoggedIn);
    expect(recorder.requests.map((request) => request.method)).toEqual(['POST']);
  });

  it('a failed write by id checks the device; one by uuid does not look it up again', async () => {
    const { device } = await givenFleet();
    const failing = clientFailing('POST', 'device_environment_variable');
    await failing.client.tokens.set(context.sandbox.superuser.token);
    await expect(deviceEnvVariable.set(failing.client, device.id, 'MODE', 'on')).rejects.toThrow(/connection reset/);
    expect(failing.requests).toEqual(['POST /v7/device_environment_variable', 'GET /v7/device']);

    const byUuid = clientFailing('POST', 'device_environment_variable');
    await byUuid.client.tokens.set(context.sandbox.superuser.token);
    await expect(deviceEnvVariable.set(byUuid.client, device.uuid, 'MODE', 'on')).rejects.toThrow(/connection reset/);
    expect(byUuid.requests).toEqual(['GET /v7/device', 'POST /v7/device_environment_variable']);
  });
});

describe('a parent that was looked up is not looked up again when the answer is empty', () => {
  it('device by uuid, application by slug, release by commit', async () => {
    const { app, device, release } = await givenFleet();
    const { client } = context;
    expect(await requestsOf(() => deviceEnvVariable.get(client, device.uuid, 'ABSENT'))).toEqual([
      'GET /v7/device',
      'GET /v7/device_environment_variable',
    ]);
    expect(await requestsOf(() => applicationEnvVariable.get(client, app.slug, 'ABSENT'))).toEqual([
      'GET /v7/application',
      'GET /v7/application_environment_variable',
    ]);
    expect(await requestsOf(() => releaseTag.get(client, release.commit, 'absent'))).toEqual([
      'GET /v7/release',
      'GET /v7/release_tag',
    ]);
  });

  it('service by application and name, service install by device and service name', async () => {
    const { app, device } = await givenFleet();
    const { client } = context;
    const service = { application: app.id, service_name: 'main' };
    // The service is found through its application (one request that expands the service by name).
    expect(await requestsOf(() => serviceEnvVariable.get(client, service, 'ABSENT'))).toEqual([
      'GET /v7/application',
      'GET /v7/service_environment_variable',
    ]);
    expect(await requestsOf(() => deviceServiceEnvVariable.get(client, device.uuid, 'main', 'ABSENT'))).toEqual([
      'GET /v7/service_install',
      'GET /v7/device_service_environment_variable',
    ]);
  });

  it('organization by handle', async () => {
    const { client } = context;
    const org = await organization.create(client, { name: uniqueName('Requests') });
    expect(await requestsOf(() => membershipTag.getAllByOrganization(client, org.handle))).toEqual([
      'GET /v7/organization',
      'GET /v7/organization_membership_tag',
    ]);
    expect(await requestsOf(() => membershipTag.getAllByOrganization(client, org.id))).toEqual([
      'GET /v7/organization_membership_tag',
      'GET /v7/organization',
    ]);
  });
});

describe('refusals name the parameter', () => {
  const refusal = async (work: () => Promise<unknown>): Promise<InvalidParameter> => {
    const error = await work().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(InvalidParameter);
    return error as InvalidParameter;
  };

  it('an empty key is `name` for variables and `tagKey` for tags, on get and remove', async () => {
    const { client } = context;
    context.recorder.reset();
    for (const work of [() => deviceEnvVariable.get(client, 1, ''), () => deviceEnvVariable.remove(client, 1, '')]) {
      const error = await refusal(work);
      expect(error.parameter).toBe('name');
      expect(error.message).toMatch(/for parameter "name": must be a non-empty string$/);
    }
    for (const work of [() => deviceTag.get(client, 1, ''), () => deviceTag.remove(client, 1, '')]) {
      expect((await refusal(work)).parameter).toBe('tagKey');
    }
    expect(context.recorder.requests).toEqual([]);
  });

  it('a bad row id is `id`, a bad membership `membershipId`', async () => {
    const { client } = context;
    context.recorder.reset();
    expect((await refusal(() => deviceEnvVariable.update(client, 'x', 'v'))).parameter).toBe('id');
    expect((await refusal(() => deviceEnvVariable.remove(client, 'x'))).parameter).toBe('id');
    expect((await refusal(() => membershipTag.get(client, 'x' as never, 'team'))).parameter).toBe('membershipId');
    expect(context.recorder.requests).toEqual([]);
  });
});
