// @balena-ts/logs in Chromium against the sandbox: history, the NDJSON default, stream, SSE and
// MQTT over WebSocket, each receiving lines the device posts from this page.
import { type Client, createClient, DeviceNotFound, InvalidParameter } from '@balena-ts/core';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  history,
  type LogLine,
  type LogTransport,
  ndjsonTransport,
  stream,
  subscribe,
  unsubscribeAll,
} from '../src/index.js';
import { mqttTransport } from '../src/mqtt.js';
import { sseTransport } from '../src/sse.js';
import type { LogsBrowserSandbox } from './browser/global-setup.js';

const sandbox: LogsBrowserSandbox = inject('logsSandbox');
let client: Client;
let counter = 0;

/** A marker no other test uses, so that each test recognises its own lines. */
function marker(name: string): string {
  counter++;
  return `${name}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Posts lines as the device does: its own key, `POST /device/v2/<uuid>/logs`. */
async function post(messages: string[]): Promise<void> {
  const response = await fetch(`${sandbox.url}/device/v2/${sandbox.device.uuid}/logs`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${sandbox.device.apiKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(messages.map((message) => ({ message, timestamp: Date.now() }))),
  });
  expect(response.status).toBeLessThan(300);
}

/** Wraps a transport so that the test knows when the server has accepted the connection. */
function watched(transport: LogTransport): { transport: LogTransport; opened: Promise<void> } {
  let resolveOpened: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => {
    resolveOpened = resolve;
  });
  return {
    opened,
    transport: {
      name: transport.name,
      connect: (session) =>
        transport.connect({
          ...session,
          onOpen(serverTime?: number): void {
            session.onOpen(serverTime);
            resolveOpened();
          },
        }),
    },
  };
}

async function until(predicate: () => boolean, what: string, limitMs = 15_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Subscribes through `transport`, posts two lines once connected, and returns what arrived. */
async function receiveThrough(transport: LogTransport): Promise<{ lines: LogLine[]; errors: unknown[] }> {
  const name = marker(transport.name);
  const lines: LogLine[] = [];
  const errors: unknown[] = [];
  const { transport: observed, opened } = watched(transport);
  const subscription = subscribe(
    client,
    sandbox.device.uuid,
    (line) => {
      if (line.message.startsWith(name)) lines.push(line);
    },
    (error) => errors.push(error),
    undefined,
    { transport: observed },
  );
  try {
    await opened;
    await post([`${name} one`, `${name} two`]);
    await until(() => lines.length >= 2 || errors.length > 0, `${transport.name} lines`);
  } finally {
    subscription.unsubscribe();
  }
  return { lines, errors };
}

beforeAll(async () => {
  client = createClient({ apiUrl: sandbox.url, retry: 0 });
  await client.tokens.set(sandbox.token);
});

afterEach(() => {
  unsubscribeAll(client);
});

describe('@balena-ts/logs in Chromium', () => {
  it('runs in Chromium', () => {
    expect(navigator.userAgent).toContain('Chrome');
  });

  it('reads history by uuid and by id, oldest first, with a count', async () => {
    const name = marker('history');
    await post([`${name} a`, `${name} b`, `${name} c`]);
    const byUuid = await history(client, sandbox.device.uuid);
    expect(byUuid.map((line) => line.message).filter((message) => message.startsWith(name))).toEqual([
      `${name} a`,
      `${name} b`,
      `${name} c`,
    ]);
    const last = byUuid.at(-1);
    expect(last?.isStdErr).toBe(false);
    expect(typeof last?.timestamp).toBe('number');
    expect(typeof last?.createdAt).toBe('number');
    const latestTwo = await history(client, sandbox.device.id, 2);
    expect(latestTwo.map((line) => line.message)).toEqual([`${name} b`, `${name} c`]);
  });

  it('reports an unknown device and a malformed uuid with typed errors', async () => {
    await expect(history(client, 'f'.repeat(32))).rejects.toBeInstanceOf(DeviceNotFound);
    await expect(history(client, 'not-a-uuid')).rejects.toBeInstanceOf(InvalidParameter);
    expect(() => subscribe(client, 'not-a-uuid', () => undefined)).toThrow(InvalidParameter);
  });

  it('subscribes over the default NDJSON stream and receives the lines the device posts', async () => {
    const { lines, errors } = await receiveThrough(ndjsonTransport());
    expect(errors).toEqual([]);
    expect(lines.map((line) => line.message.split(' ')[1])).toEqual(['one', 'two']);
  });

  it('streams with for await and unsubscribes on break', async () => {
    const name = marker('stream');
    const { transport, opened } = watched(ndjsonTransport());
    const received: string[] = [];
    const loop = (async () => {
      for await (const line of stream(client, sandbox.device.uuid, { transport })) {
        if (!line.message.startsWith(name)) continue;
        received.push(line.message);
        if (line.message.endsWith('stop')) break;
      }
    })();
    await opened;
    await post([`${name} go`, `${name} stop`, `${name} after`]);
    await loop;
    expect(received).toEqual([`${name} go`, `${name} stop`]);
  });

  it('subscribes over SSE (@balena-ts/logs/sse) and receives the lines the device posts', async () => {
    const { lines, errors } = await receiveThrough(sseTransport());
    expect(errors).toEqual([]);
    expect(lines.map((line) => line.message.split(' ')[1])).toEqual(['one', 'two']);
  });

  it('subscribes over MQTT on a ws:// URL (@balena-ts/logs/mqtt) and receives the lines the device posts', async () => {
    expect(sandbox.mqttWsUrl).toMatch(/^ws:\/\//);
    const { lines, errors } = await receiveThrough(mqttTransport({ url: sandbox.mqttWsUrl }));
    expect(errors).toEqual([]);
    expect(lines.map((line) => line.message.split(' ')[1])).toEqual(['one', 'two']);
  });
});
