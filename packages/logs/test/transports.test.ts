// SSE and MQTT beyond the drop scenario: history first, then live lines, and the errors that end a subscription.
import { type Client, createClient, NotLoggedIn, RequestError, withOptions } from '@balena-ts/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type LogTransport, subscribe } from '../src/index.js';
import { isFatal } from '../src/internal/is-fatal.js';
import { mqttTransport } from '../src/mqtt.js';
import { sseTransport } from '../src/sse.js';
import { type LogsFixture, startLogsFixture, until } from './support/logs-sandbox.js';

let fixture: LogsFixture;

beforeAll(async () => {
  fixture = await startLogsFixture();
});

afterAll(async () => {
  await fixture?.close();
});

/** One connection of a transport, outside a subscription: resolves to what it failed with. */
function connectOnce(transport: LogTransport, client: Client, uuid: string): Promise<unknown> {
  return transport
    .connect({
      client,
      uuid,
      count: undefined,
      start: undefined,
      signal: new AbortController().signal,
      onOpen: () => undefined,
      onActivity: () => undefined,
      beginPass: () => undefined,
      onLine: () => undefined,
    })
    .then(
      () => new Error('the connection ended without an error'),
      (error: unknown) => error,
    );
}

const transports: [string, () => LogTransport][] = [
  ['sse', () => sseTransport()],
  ['mqtt', () => mqttTransport({ url: fixture.sandbox.mqttUrl })],
];

describe.each(transports)('%s', (_name, transport) => {
  test('count past lines, then live lines', async () => {
    const device = await fixture.registerDevice();
    await fixture.post(['p1', 'p2', 'p3'], device.uuid, device.apiKey);
    const received: string[] = [];
    const errors: unknown[] = [];
    const subscription = subscribe(
      fixture.client,
      device.uuid,
      (line) => received.push(line.message),
      (e) => errors.push(e),
      2,
      {
        transport: transport(),
      },
    );
    await until(() => received.length === 2, 5_000, 'past lines');
    await fixture.post(['l1', 'l2'], device.uuid, device.apiKey);
    await until(() => received.length === 4, 5_000, 'live lines');
    subscription.unsubscribe();
    expect(received).toEqual(['p2', 'p3', 'l1', 'l2']);
    expect(errors).toEqual([]);
  });

  test('a refused credential fails the connection with a fatal error', async () => {
    const client = await fixture.clientFor(fixture.sandbox.url);
    await client.tokens.set('not-a-valid-token');
    const outcome = await connectOnce(transport(), client, fixture.device.uuid);
    expect(outcome instanceof NotLoggedIn || (outcome instanceof RequestError && outcome.status === 401)).toBe(true);
    expect(isFatal(outcome)).toBe(true);
  });
});

test("sse: the stream goes through the client's pipeline (hooks, withOptions headers) and ends with the client's signal", async () => {
  const seen: { url: string; requestId: string | null }[] = [];
  const client = createClient({
    apiUrl: fixture.sandbox.url,
    retry: 0,
    hooks: { onRequest: ({ url, headers }) => void seen.push({ url, requestId: headers.get('x-request-id') }) },
  });
  await client.tokens.set(fixture.sandbox.superuser.token);
  const controller = new AbortController();
  const call = withOptions(client, { signal: controller.signal, headers: { 'X-Request-Id': 'sse-1' } });
  const device = await fixture.registerDevice();
  await fixture.post(['p1'], device.uuid, device.apiKey);
  const received: string[] = [];
  const errors: unknown[] = [];
  const subscription = subscribe(
    call,
    device.uuid,
    (line) => received.push(line.message),
    (e) => errors.push(e),
    1,
    {
      transport: sseTransport(),
    },
  );
  await until(() => received.length === 1, 5_000, 'the past line');
  const stream = seen.find(({ url }) => url.includes(`/device/v2/${device.uuid}/logs`));
  expect(stream?.requestId).toBe('sse-1');
  controller.abort();
  await fixture.post(['l1'], device.uuid, device.apiKey);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(received).toEqual(['p1']);
  expect(errors).toEqual([]);
  subscription.unsubscribe();
});

test("mqtt: another user's device is refused at subscription time (403), without retrying", async () => {
  const other = await fixture.sandbox.createUser();
  const errors: unknown[] = [];
  const client = await fixture.clientFor(fixture.sandbox.url);
  await client.tokens.set(other.token);
  // The HTTP lookup hides the device too: go straight to the transport with the owner's uuid.
  const outcome = await connectOnce(mqttTransport({ url: fixture.sandbox.mqttUrl }), client, fixture.device.uuid);
  errors.push(outcome);
  expect(isFatal(outcome)).toBe(true);
  expect(outcome).toBeInstanceOf(RequestError);
  expect((outcome as RequestError).status).toBe(403);
});
