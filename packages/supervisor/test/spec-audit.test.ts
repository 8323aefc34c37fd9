// For every supervisor function, the exact proxy request (path and body) that balena's SDKs send, and
// how a 423 from the supervisor surfaces: SupervisorLocked only for the actions balena's SDKs map
// (restart, reboot, shutdown, purge, stopService, restartService, and Python's stopApplication),
// a plain RequestError for the others. The sandbox answers the 423 itself, so no device changes.
import { type Client, createClient, RequestError, SupervisorLocked } from '@balena-ts/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as supervisor from '../src/index.js';
import {
  blink,
  configureSupervisor,
  getApplicationInfo,
  getDeviceState,
  ping,
  purge,
  reboot,
  regenerateSupervisorApiKey,
  restart,
  restartService,
  shutdown,
  startApplication,
  startService,
  stopApplication,
  stopService,
  update,
} from '../src/index.js';
import { type SupervisorFixture, startSupervisorFixture } from './support/supervisor-sandbox.js';

let fixture: SupervisorFixture;
let client: Client;
const sent: { method: string; path: string; body: unknown }[] = [];

async function record(input: RequestInfo | URL, init?: RequestInit): Promise<void> {
  const request = new Request(input, init);
  const text = await request.clone().text();
  sent.push({ method: request.method, path: new URL(request.url).pathname, body: text ? JSON.parse(text) : undefined });
}

beforeAll(async () => {
  fixture = await startSupervisorFixture(1);
  client = createClient({
    apiUrl: fixture.sandbox.url,
    retry: 0,
    fetch: async (input, init) => {
      await record(input, init);
      return fetch(input, init);
    },
  });
  await client.tokens.set(fixture.sandbox.superuser.token);
  configureSupervisor(client, { endpoint: 'api', onDeprecation: () => undefined });
});

afterAll(async () => {
  await fixture?.close();
});

interface Case {
  name: string;
  call: (uuid: string, appId: number, imageId: number) => Promise<unknown>;
  path: (appId: number) => string;
  body: (device: { id: number; uuid: string }, appId: number, imageId: number) => Record<string, unknown>;
  lockable: boolean;
}

const CASES: Case[] = [
  {
    name: 'blink',
    call: (uuid, appId) => blink(client, uuid, appId),
    path: () => '/supervisor/v1/blink',
    body: ({ uuid }) => ({ uuid }),
    lockable: false,
  },
  {
    name: 'getDeviceState',
    call: (uuid, appId) => getDeviceState(client, appId, uuid),
    path: () => '/supervisor/v1/device',
    body: ({ uuid }) => ({ uuid, method: 'GET' }),
    lockable: false,
  },
  {
    name: 'ping',
    call: (uuid, appId) => ping(client, uuid, appId),
    path: () => '/supervisor/ping',
    body: ({ id }, appId) => ({ deviceId: id, appId, method: 'GET' }),
    lockable: false,
  },
  {
    name: 'purge',
    call: (uuid, appId) => purge(client, appId, uuid),
    path: () => '/supervisor/v1/purge',
    body: ({ id }, appId) => ({ deviceId: id, appId, data: { appId } }),
    lockable: true,
  },
  {
    name: 'reboot',
    call: (uuid, appId) => reboot(client, uuid, appId),
    path: () => '/supervisor/v1/reboot',
    body: ({ id }) => ({ deviceId: id, data: { force: false } }),
    lockable: true,
  },
  {
    name: 'restart',
    call: (uuid, appId) => restart(client, appId, uuid),
    path: () => '/supervisor/v1/restart',
    body: ({ id }, appId) => ({ deviceId: id, appId, data: { appId } }),
    lockable: true,
  },
  {
    name: 'shutdown',
    call: (uuid, appId) => shutdown(client, uuid, appId),
    path: () => '/supervisor/v1/shutdown',
    body: ({ id }, appId) => ({ deviceId: id, appId, data: { force: false } }),
    lockable: true,
  },
  {
    name: 'update',
    call: (uuid, appId) => update(client, uuid, appId),
    path: () => '/supervisor/v1/update',
    body: ({ id }, appId) => ({ deviceId: id, appId, data: { force: false } }),
    lockable: false,
  },
  ...(['restart', 'start', 'stop'] as const).map(
    (action): Case => ({
      name: `${action}Service`,
      call: (uuid, _appId, imageId) =>
        ({ restart: restartService, start: startService, stop: stopService })[action](client, uuid, imageId),
      path: (appId) => `/supervisor/v2/applications/${appId}/${action}-service`,
      body: ({ id }, appId, imageId) => ({ deviceId: id, appId, data: { appId, imageId } }),
      lockable: action !== 'start',
    }),
  ),
  {
    name: 'getApplicationInfo',
    call: (uuid, appId) => getApplicationInfo(client, appId, uuid),
    path: (appId) => `/supervisor/v1/apps/${appId}`,
    body: ({ id }, appId) => ({ deviceId: id, appId, method: 'GET' }),
    lockable: false,
  },
  {
    name: 'startApplication',
    call: (uuid, appId) => startApplication(client, appId, uuid),
    path: (appId) => `/supervisor/v1/apps/${appId}/start`,
    body: ({ id }, appId) => ({ deviceId: id, appId }),
    lockable: false,
  },
  {
    name: 'stopApplication',
    call: (uuid, appId) => stopApplication(client, appId, uuid),
    path: (appId) => `/supervisor/v1/apps/${appId}/stop`,
    body: ({ id }, appId) => ({ deviceId: id, appId }),
    lockable: true,
  },
  {
    name: 'regenerateSupervisorApiKey',
    call: (uuid, appId) => regenerateSupervisorApiKey(client, appId, uuid),
    path: () => '/supervisor/v1/regenerate-api-key',
    body: ({ uuid }) => ({ uuid }),
    lockable: false,
  },
];

describe("proxy requests and 423s, as balena's SDKs send and map them", () => {
  test('every exported supervisor call is covered (the endpoint settings send nothing)', () => {
    const calls = Object.entries(supervisor)
      .filter(
        ([name, value]) => typeof value === 'function' && !['configureSupervisor', 'forceApiEndpoint'].includes(name),
      )
      .map(([name]) => name);
    expect(CASES.map((entry) => entry.name).sort()).toEqual(calls.sort());
  });

  test.each(CASES)('$name', async ({ call, path, body, lockable }) => {
    const device = fixture.devices[0]!;
    const { applicationId: appId, imageId } = fixture;
    fixture.sandbox.faults.add({ method: 'POST', path: path(appId), kind: 'status', status: 423, body: 'locked' });
    sent.length = 0;
    const error = await call(device.uuid, appId, imageId).then(
      () => new Error('expected the 423 to fail the call'),
      (thrown: unknown) => thrown,
    );
    const proxied = sent.filter((request) => request.path.startsWith('/supervisor'));
    expect(proxied).toEqual([{ method: 'POST', path: path(appId), body: body(device, appId, imageId) }]);
    if (lockable) {
      expect(error).toBeInstanceOf(SupervisorLocked);
      expect(((error as SupervisorLocked).cause as RequestError).status).toBe(423);
    } else {
      expect(error).not.toBeInstanceOf(SupervisorLocked);
      expect(error).toBeInstanceOf(RequestError);
      expect((error as RequestError).status).toBe(423);
    }
  });
});
