// Device logs over the embedded MQTT broker (sb.mqttUrl).
import { randomBytes } from 'node:crypto';
import mqtt from 'mqtt';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Sandbox } from '../src/index.js';
import { startSandbox } from '../src/index.js';

let sandbox: Sandbox;
let device: { uuid: string; api_key: string };

async function postLogs(messages: string[]): Promise<void> {
  const response = await fetch(`${sandbox.url}/device/v2/${device.uuid}/logs`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${device.api_key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(messages.map((message) => ({ message, timestamp: Date.now() }))),
  });
  expect(response.status).toBe(201);
}

beforeAll(async () => {
  sandbox = await startSandbox();
  const application = await sandbox.seedApplication({ name: 'mqtt-fleet' });
  const key = (await (
    await fetch(`${sandbox.url}/api-key/application/${application.id}/provisioning`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${sandbox.superuser.token}`, 'Content-Type': 'application/json' },
      body: '{}',
    })
  ).json()) as string;
  const registered = await fetch(`${sandbox.url}/device/register`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      application: application.id,
      device_type: 'raspberrypi4-64',
      uuid: randomBytes(16).toString('hex'),
    }),
  });
  device = (await registered.json()) as { uuid: string; api_key: string };
});

afterAll(async () => {
  await sandbox.close();
});

test('the broker listens on 127.0.0.1', () => {
  expect(sandbox.mqttUrl).toMatch(/^mqtt:\/\/127\.0\.0\.1:\d+$/);
});

test('a user token subscribes to a device topic and receives each line as one JSON message, QoS 1', async () => {
  const client = await mqtt.connectAsync(sandbox.mqttUrl, {
    username: 'anything',
    password: sandbox.superuser.token,
    reconnectPeriod: 0,
  });
  try {
    const topic = `devices/${device.uuid}/logs`;
    const granted = await client.subscribeAsync(topic, { qos: 1 });
    expect(granted.map((grant) => grant.qos)).toEqual([1]);
    const received: { payload: Record<string, unknown>; qos: number }[] = [];
    const twoMessages = new Promise<void>((resolve) => {
      client.on('message', (messageTopic, payload, packet) => {
        expect(messageTopic).toBe(topic);
        received.push({ payload: JSON.parse(payload.toString('utf8')), qos: packet.qos });
        if (received.length === 2) resolve();
      });
    });
    await postLogs(['over mqtt 1', 'over mqtt 2']);
    await twoMessages;
    expect(received.map((message) => message.payload.message)).toEqual(['over mqtt 1', 'over mqtt 2']);
    expect(received.every((message) => message.qos === 1)).toBe(true);
    const [first, second] = received.map((message) => message.payload);
    expect(Object.keys(first!)).toEqual(['createdAt', 'timestamp', 'isSystem', 'isStdErr', 'message', 'seq']);
    expect(second!.seq).toBe((first!.seq as number) + 1);
  } finally {
    await client.endAsync();
  }
});

test('a persistent session (clean: false) gets the QoS 1 lines it missed while away', async () => {
  const options = {
    username: 'u',
    password: sandbox.superuser.token,
    reconnectPeriod: 0,
    clean: false,
    clientId: 'resumer',
  };
  const first = await mqtt.connectAsync(sandbox.mqttUrl, options);
  await first.subscribeAsync(`devices/${device.uuid}/logs`, { qos: 1 });
  await first.endAsync();
  await postLogs(['while away']);
  const missed = new Promise<string>((resolve) => {
    const again = mqtt.connect(sandbox.mqttUrl, options);
    again.on('message', (_topic, payload) => {
      resolve(JSON.parse(payload.toString('utf8')).message);
      again.end(true);
    });
  });
  expect(await missed).toBe('while away');
});

test('a user API key works as the password too', async () => {
  const keyResponse = await fetch(`${sandbox.url}/api-key/user/full`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${sandbox.superuser.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'mqtt' }),
  });
  const apiKey = (await keyResponse.json()) as string;
  const client = await mqtt.connectAsync(sandbox.mqttUrl, { username: 'me', password: apiKey, reconnectPeriod: 0 });
  const granted = await client.subscribeAsync(`devices/${device.uuid}/logs`, { qos: 1 });
  expect(granted[0]!.qos).toBe(1);
  await client.endAsync();
});

test('a bad token is refused at connect', async () => {
  const error = await mqtt
    .connectAsync(sandbox.mqttUrl, { username: 'x', password: 'not-a-token', reconnectPeriod: 0 })
    .catch((caught: unknown) => caught);
  expect((error as { code?: number }).code).toBe(4);
});

test('a user who cannot see the device, or a wildcard, gets a refused subscription', async () => {
  const stranger = await sandbox.createUser();
  const client = await mqtt.connectAsync(sandbox.mqttUrl, {
    username: stranger.username,
    password: stranger.token,
    reconnectPeriod: 0,
  });
  try {
    // mqtt.js turns a SUBACK failure (0x80) into a rejection carrying the packet.
    const refusedQos = async (topic: string) => {
      const error = await client.subscribeAsync(topic, { qos: 1 }).catch((caught: unknown) => caught);
      return (error as { packet?: { granted?: number[] } }).packet?.granted;
    };
    expect(await refusedQos(`devices/${device.uuid}/logs`)).toEqual([128]);
    expect(await refusedQos('devices/+/logs')).toEqual([128]);
  } finally {
    await client.endAsync();
  }
});

test('clients may not publish on device topics', async () => {
  const watcher = await mqtt.connectAsync(sandbox.mqttUrl, {
    username: 'u',
    password: sandbox.superuser.token,
    reconnectPeriod: 0,
  });
  const forger = await mqtt.connectAsync(sandbox.mqttUrl, {
    username: 'u',
    password: sandbox.superuser.token,
    reconnectPeriod: 0,
  });
  try {
    const topic = `devices/${device.uuid}/logs`;
    await watcher.subscribeAsync(topic, { qos: 1 });
    const seen: string[] = [];
    const realLine = new Promise<void>((resolve) => {
      watcher.on('message', (_topic, payload) => {
        seen.push(JSON.parse(payload.toString('utf8')).message);
        if (seen.includes('real line')) resolve();
      });
    });
    const forgerClosed = new Promise<void>((resolve) => forger.once('close', () => resolve()));
    forger.publish(topic, JSON.stringify({ message: 'forged' }), { qos: 1 });
    // The broker drops a client whose publish it refuses.
    await forgerClosed;
    await postLogs(['real line']);
    await realLine;
    expect(seen).toEqual(['real line']);
  } finally {
    await watcher.endAsync();
    forger.end(true);
  }
});
