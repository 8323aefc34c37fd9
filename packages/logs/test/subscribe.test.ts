import { DeviceNotFound, InvalidParameter, NotLoggedIn, RequestError } from '@balena-ts/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { history, type LogLine, stream, subscribe, unsubscribe, unsubscribeAll } from '../src/index.js';
import { type LogsFixture, startLogsFixture, until } from './support/logs-sandbox.js';

let fixture: LogsFixture;

beforeAll(async () => {
  fixture = await startLogsFixture();
});

afterAll(async () => {
  await fixture?.close();
});

function messages(lines: LogLine[]): string[] {
  return lines.map((line) => line.message);
}

describe('history', () => {
  test('returns the lines oldest first, with numeric times; count keeps the latest', async () => {
    const device = await fixture.registerDevice();
    await fixture.post(['one', 'two', 'three'], device.uuid, device.apiKey);
    const all = await history(fixture.client, device.uuid);
    expect(messages(all)).toEqual(['one', 'two', 'three']);
    expect(all[0]).toMatchObject({ isStdErr: false, isSystem: false });
    expect(typeof all[0]!.createdAt).toBe('number');
    expect(messages(await history(fixture.client, device.uuid, 2))).toEqual(['two', 'three']);
    expect(messages(await history(fixture.client, device.id, 'all'))).toEqual(['one', 'two', 'three']);
  });

  test('start keeps the lines stored from then on', async () => {
    const device = await fixture.registerDevice();
    await fixture.post(['old'], device.uuid, device.apiKey);
    const [old] = await history(fixture.client, device.uuid);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await fixture.post(['new'], device.uuid, device.apiKey);
    const lines = await history(fixture.client, device.uuid, undefined, { start: old!.createdAt + 1 });
    expect(messages(lines)).toEqual(['new']);
  });

  test('an unknown device is DeviceNotFound; a malformed uuid or count is InvalidParameter', async () => {
    await expect(history(fixture.client, 'f'.repeat(32))).rejects.toBeInstanceOf(DeviceNotFound);
    await expect(history(fixture.client, 'abc')).rejects.toBeInstanceOf(InvalidParameter);
    await expect(history(fixture.client, fixture.device.uuid, -1)).rejects.toBeInstanceOf(InvalidParameter);
  });
});

describe('subscribe', () => {
  test('delivers count past lines, then live lines, once each and in order', async () => {
    const device = await fixture.registerDevice();
    await fixture.post(['p1', 'p2', 'p3'], device.uuid, device.apiKey);
    const received: LogLine[] = [];
    const errors: unknown[] = [];
    const subscription = subscribe(
      fixture.client,
      device.uuid,
      (line) => received.push(line),
      (e) => errors.push(e),
      2,
    );
    await until(() => received.length === 2, 5_000, 'history lines');
    await fixture.post(['l1', 'l2'], device.uuid, device.apiKey);
    await until(() => received.length === 4, 5_000, 'live lines');
    subscription.unsubscribe();
    await fixture.post(['after'], device.uuid, device.apiKey);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(messages(received)).toEqual(['p2', 'p3', 'l1', 'l2']);
    expect(errors).toEqual([]);
  });

  test('without count, only live lines arrive', async () => {
    const device = await fixture.registerDevice();
    await fixture.post(['before'], device.uuid, device.apiKey);
    const received: LogLine[] = [];
    let reconnects = 0;
    const subscription = subscribe(fixture.client, device.uuid, (line) => received.push(line), undefined, undefined, {
      onReconnect: () => reconnects++,
    });
    // A heartbeat proves the stream is open before the device writes.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await fixture.post(['live'], device.uuid, device.apiKey);
    await until(() => received.length === 1, 5_000, 'the live line');
    subscription.unsubscribe();
    expect(messages(received)).toEqual(['live']);
    expect(reconnects).toBe(0);
  });

  test('unsubscribe(client, uuid) and unsubscribeAll(client) end the matching subscriptions', async () => {
    const first = await fixture.registerDevice();
    const second = await fixture.registerDevice();
    const client = await fixture.clientFor(fixture.sandbox.url);
    const firstLines: string[] = [];
    const secondLines: string[] = [];
    subscribe(client, first.uuid, (line) => firstLines.push(line.message));
    subscribe(client, second.uuid, (line) => secondLines.push(line.message));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await fixture.post(['a'], first.uuid, first.apiKey);
    await fixture.post(['b'], second.uuid, second.apiKey);
    await until(() => firstLines.length === 1 && secondLines.length === 1, 5_000, 'one line each');
    unsubscribe(client, first.uuid);
    await fixture.post(['a2'], first.uuid, first.apiKey);
    await fixture.post(['b2'], second.uuid, second.apiKey);
    await until(() => secondLines.length === 2, 5_000, 'second device still subscribed');
    unsubscribeAll(client);
    await fixture.post(['b3'], second.uuid, second.apiKey);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(firstLines).toEqual(['a']);
    expect(secondLines).toEqual(['b', 'b2']);
  });

  test('an unknown device ends the subscription with DeviceNotFound through the error callback', async () => {
    const errors: unknown[] = [];
    subscribe(
      fixture.client,
      'e'.repeat(32),
      () => undefined,
      (error) => errors.push(error),
    );
    await until(() => errors.length === 1, 5_000, 'the error');
    expect(errors[0]).toBeInstanceOf(DeviceNotFound);
  });

  test('no credentials: NotLoggedIn through the error callback, no retry loop', async () => {
    const client = await fixture.clientFor(fixture.sandbox.url);
    await client.tokens.remove();
    const errors: unknown[] = [];
    let reconnects = 0;
    subscribe(
      client,
      fixture.device.uuid,
      () => undefined,
      (error) => errors.push(error),
      undefined,
      {
        onReconnect: () => reconnects++,
      },
    );
    await until(() => errors.length === 1, 5_000, 'the error');
    expect(errors[0]).toBeInstanceOf(NotLoggedIn);
    expect(reconnects).toBe(0);
  });

  test("another user's device: 401/404 from the API ends the subscription", async () => {
    const other = await fixture.sandbox.createUser();
    const client = await fixture.clientFor(fixture.sandbox.url);
    await client.tokens.set(other.token);
    const errors: unknown[] = [];
    subscribe(
      client,
      fixture.device.uuid,
      () => undefined,
      (error) => errors.push(error),
    );
    await until(() => errors.length === 1, 5_000, 'the error');
    const error = errors[0];
    expect(
      error instanceof DeviceNotFound || (error instanceof RequestError && [401, 403, 404].includes(error.status)),
    ).toBe(true);
  });

  test('an error thrown by the callback goes to the error callback and the stream continues', async () => {
    const device = await fixture.registerDevice();
    const received: string[] = [];
    const errors: unknown[] = [];
    const subscription = subscribe(
      fixture.client,
      device.uuid,
      (line) => {
        received.push(line.message);
        if (line.message === 'boom') throw new Error('callback failed');
      },
      (error) => errors.push(error),
      'all',
    );
    await fixture.post(['boom', 'fine'], device.uuid, device.apiKey);
    await until(() => received.length === 2, 5_000, 'both lines');
    subscription.unsubscribe();
    expect(received).toEqual(['boom', 'fine']);
    expect((errors[0] as Error).message).toBe('callback failed');
  });

  test('a stalled connection (no keep-alive within twice the period) is dropped and resumed', async () => {
    // This sandbox sends a keep-alive every 5 s; the subscriber expects one every 100 ms.
    const quiet = await startLogsFixture({ logHeartbeatMs: 5_000 });
    try {
      const received: string[] = [];
      const reasons: unknown[] = [];
      const subscription = subscribe(
        quiet.client,
        quiet.device.uuid,
        (line) => received.push(line.message),
        undefined,
        0,
        {
          heartbeatIntervalMs: 100,
          onReconnect: ({ reason }) => reasons.push(reason),
        },
      );
      await until(() => reasons.length >= 2, 5_000, 'two stalls');
      await quiet.post(['after the stalls']);
      await until(() => received.length === 1, 5_000, 'the line');
      subscription.unsubscribe();
      expect((reasons[0] as Error).name).toBe('StalledConnection');
      expect(received).toEqual(['after the stalls']);
    } finally {
      await quiet.close();
    }
  });

  test('count is checked synchronously', () => {
    expect(() => subscribe(fixture.client, fixture.device.uuid, () => undefined, undefined, 1.5)).toThrow(
      InvalidParameter,
    );
  });
});

describe('stream', () => {
  test('for await yields past and live lines; break unsubscribes', async () => {
    const device = await fixture.registerDevice();
    await fixture.post(['h1', 'h2'], device.uuid, device.apiKey);
    const seen: string[] = [];
    const writer = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await fixture.post(['live1', 'stop', 'never'], device.uuid, device.apiKey);
    })();
    for await (const line of stream(fixture.client, device.uuid, { count: 'all' })) {
      seen.push(line.message);
      if (line.message === 'stop') break;
    }
    await writer;
    expect(seen).toEqual(['h1', 'h2', 'live1', 'stop']);
  }, 5_000);

  test('a fatal error is thrown from the loop', async () => {
    const iterate = async () => {
      for await (const _line of stream(fixture.client, 'd'.repeat(62))) {
        // never reached
      }
    };
    await expect(iterate()).rejects.toBeInstanceOf(DeviceNotFound);
  }, 5_000);

  test('an aborted signal ends the loop normally', async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    setTimeout(() => controller.abort(), 200);
    for await (const line of stream(fixture.client, fixture.device.uuid, { signal: controller.signal })) {
      seen.push(line.message);
    }
    expect(seen).toEqual([]);
  }, 5_000);
});
