// Device logs over the broker's WebSocket endpoint (sb.mqttWsUrl), as a browser's mqtt.js uses it.
import mqtt from 'mqtt';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Sandbox, SimulatedDevice } from '../src/index.js';
import { startSandbox } from '../src/index.js';

let sandbox: Sandbox;
let device: SimulatedDevice;

beforeAll(async () => {
  sandbox = await startSandbox();
  const application = await sandbox.seedApplication({ name: 'mqtt-ws-fleet' });
  const fleet = await sandbox.simulateFleet({ application: application.id, count: 1, logIntervalMs: 0 });
  device = fleet.devices[0]!;
});

afterAll(async () => {
  await sandbox.close();
});

test('the WebSocket endpoint listens on 127.0.0.1 at /mqtt', () => {
  expect(sandbox.mqttWsUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/mqtt$/);
});

test('a user token subscribes over ws:// and receives each line with its sequence', async () => {
  const client = await mqtt.connectAsync(sandbox.mqttWsUrl, {
    username: 'browser',
    password: sandbox.superuser.token,
    reconnectPeriod: 0,
  });
  try {
    const topic = `devices/${device.uuid}/logs`;
    const granted = await client.subscribeAsync(topic, { qos: 1 });
    expect(granted.map((grant) => grant.qos)).toEqual([1]);
    const received: Record<string, unknown>[] = [];
    const both = new Promise<void>((resolve) => {
      client.on('message', (_topic, payload) => {
        received.push(JSON.parse(payload.toString('utf8')));
        if (received.length === 2) resolve();
      });
    });
    await device.log('over websocket 1');
    await device.log('over websocket 2');
    await both;
    expect(received.map((line) => line.message)).toEqual(['over websocket 1', 'over websocket 2']);
    expect(received[1]!.seq).toBe((received[0]!.seq as number) + 1);
  } finally {
    await client.endAsync();
  }
});

test('the same rules as over TCP: a bad token is refused, a stranger’s subscription gets 0x80', async () => {
  await expect(
    mqtt.connectAsync(sandbox.mqttWsUrl, { username: 'x', password: 'not-a-token', reconnectPeriod: 0 }),
  ).rejects.toThrow();
  const stranger = await sandbox.createUser();
  const client = await mqtt.connectAsync(sandbox.mqttWsUrl, {
    username: 'x',
    password: stranger.token,
    reconnectPeriod: 0,
  });
  try {
    // mqtt.js turns a SUBACK failure (0x80) into a rejection carrying the packet.
    const error = await client.subscribeAsync(`devices/${device.uuid}/logs`, { qos: 1 }).catch((caught) => caught);
    expect((error as { packet?: { granted?: number[] } }).packet?.granted).toEqual([128]);
  } finally {
    await client.endAsync();
  }
});

test('a plain HTTP request to the endpoint is told to upgrade (426)', async () => {
  const response = await fetch(sandbox.mqttWsUrl.replace('ws://', 'http://'));
  expect(response.status).toBe(426);
});

test('close() ends WebSocket clients too', async () => {
  const other = await startSandbox();
  const client = await mqtt.connectAsync(other.mqttWsUrl, {
    username: 'x',
    password: other.superuser.token,
    reconnectPeriod: 0,
  });
  const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
  await other.close();
  await closed;
  expect(client.connected).toBe(false);
  await client.endAsync(true);
});
