// How a subscription drives its connections, against the sandbox and its faults: where each new
// connection resumes, why it reconnected and after how many attempts, what ends it, and what it
// leaves behind. The transport is the real NDJSON one, wrapped to see the sessions it is given.
// Tests that a broken subscription would leave hanging end at their own short time limit.
import { getEventListeners } from 'node:events';
import { DeviceNotFound, InvalidParameter, type RequestError, withOptions } from '@balena-ts/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  history,
  type LogLine,
  type LogTransport,
  type LogTransportSession,
  ndjsonTransport,
  stream,
  subscribe,
} from '../src/index.js';
import { subscriptionsOf } from '../src/internal/registry.js';
import { runSubscription } from '../src/internal/run-subscription.js';
import { type LogsFixture, startLogsFixture, until } from './support/logs-sandbox.js';

const LIMIT_MS = 5_000;

let fixture: LogsFixture;

beforeAll(async () => {
  fixture = await startLogsFixture();
});

afterAll(async () => {
  await fixture?.close();
});

/** The NDJSON transport, keeping each session it is given. */
function recording(inner: LogTransport = ndjsonTransport()): {
  transport: LogTransport;
  sessions: LogTransportSession[];
} {
  const sessions: LogTransportSession[] = [];
  return {
    sessions,
    transport: {
      name: 'recording',
      connect(session) {
        sessions.push(session);
        return inner.connect(session);
      },
    },
  };
}

interface Reconnection {
  attempt: number;
  delayMs: number;
  reason: unknown;
}

describe('where a new connection resumes', () => {
  test(
    'after a drop: every line since one millisecond before the last delivered one',
    async () => {
      const device = await fixture.registerDevice();
      await fixture.post(['one', 'two', 'three'], device.uuid, device.apiKey);
      fixture.failLogs(device.uuid, {
        kind: 'drop-stream',
        afterLines: 1,
      });
      const { transport, sessions } = recording();
      const received: LogLine[] = [];
      const subscription = subscribe(fixture.client, device.uuid, (line) => received.push(line), undefined, 'all', {
        transport,
        reconnectDelayMs: 1,
      });
      await until(() => received.length === 3, LIMIT_MS, 'every line');
      subscription.unsubscribe();
      expect(received.map((line) => line.message)).toEqual(['one', 'two', 'three']);
      expect(sessions.map(({ count, start }) => ({ count, start }))).toEqual([
        { count: 'all', start: undefined },
        { count: 'all', start: received[0]!.createdAt - 1 },
      ]);
    },
    LIMIT_MS,
  );

  async function secondSession(count: 0 | 2 | undefined): Promise<LogTransportSession[]> {
    const device = await fixture.registerDevice();
    // The first stream opens (status and headers), then its connection is cut before any line.
    fixture.failLogs(device.uuid, { kind: 'truncate', afterBytes: 0 });
    const { transport, sessions } = recording();
    const subscription = subscribe(fixture.client, device.uuid, () => undefined, undefined, count, {
      transport,
      reconnectDelayMs: 1,
    });
    await until(() => sessions.length === 2, LIMIT_MS, 'the second connection');
    subscription.unsubscribe();
    return sessions;
  }

  test(
    'nothing delivered and past lines asked for: the same past lines again',
    async () => {
      const sessions = await secondSession(2);
      expect(sessions.map(({ count, start }) => ({ count, start }))).toEqual([
        { count: 2, start: undefined },
        { count: 2, start: undefined },
      ]);
    },
    LIMIT_MS,
  );

  test.each([undefined, 0] as const)(
    "nothing delivered, count %s: every line since the server's time when the first stream opened",
    async (count) => {
      const before = Date.now();
      const sessions = await secondSession(count);
      expect(sessions[0]).toMatchObject({ count, start: undefined });
      expect(sessions[1]!.count).toBe('all');
      const start = sessions[1]!.start!;
      // The server's clock (its Date header, whole seconds), not the later local one.
      expect(start % 1_000).toBe(0);
      expect(start).toBeGreaterThan(before - 2_000);
      expect(start).toBeLessThanOrEqual(Date.now());
    },
    LIMIT_MS,
  );
});

describe('reconnections', () => {
  test(
    'attempts count up while connections fail, the reason being the failure',
    async () => {
      const device = await fixture.registerDevice();
      await fixture.post(['after'], device.uuid, device.apiKey);
      fixture.failLogs(device.uuid, {
        kind: 'status',
        status: 500,
        times: 3,
      });
      const reconnections: Reconnection[] = [];
      const received: string[] = [];
      const options = { reconnectDelayMs: 1, onReconnect: (info: Reconnection) => reconnections.push(info) };
      const subscription = subscribe(
        fixture.client,
        device.uuid,
        (line) => received.push(line.message),
        undefined,
        'all',
        options,
      );
      await until(() => received.length === 1, LIMIT_MS, 'the line, on the fourth connection');
      subscription.unsubscribe();
      expect(reconnections.map(({ attempt }) => attempt)).toEqual([1, 2, 3]);
      for (const { reason } of reconnections) expect((reason as RequestError).status).toBe(500);
      expect(reconnections.length).toBe(3);
    },
    LIMIT_MS,
  );

  test(
    'a stream the server ends: reconnects with that reason, and a connection that delivered starts the attempts again',
    async () => {
      const device = await fixture.registerDevice();
      fixture.failLogs(device.uuid, {
        kind: 'status',
        status: 200,
        body: '{"message":"served","createdAt":1}\n',
        times: 2,
      });
      const reconnections: Reconnection[] = [];
      const received: string[] = [];
      const subscription = subscribe(fixture.client, device.uuid, (line) => received.push(line.message), undefined, 0, {
        reconnectDelayMs: 1,
        onReconnect: (info) => reconnections.push(info),
      });
      await until(() => reconnections.length === 2, LIMIT_MS, 'two reconnections');
      subscription.unsubscribe();
      expect(received).toEqual(['served']);
      expect((reconnections[0]!.reason as Error).message).toBe('The server ended the log stream');
      // The first stream delivered a line (attempts start again); the second delivered none.
      expect(reconnections.map(({ attempt }) => attempt)).toEqual([1, 2]);
    },
    LIMIT_MS,
  );

  test(
    'a stall is the reason even when the transport fails with an error of its own',
    async () => {
      const device = await fixture.registerDevice();
      fixture.failLogs(device.uuid, { kind: 'hang' });
      const inner = ndjsonTransport();
      const transport: LogTransport = {
        name: 'own-errors',
        connect: (session) =>
          inner.connect(session).catch(() => {
            throw new Error('the transport gave up');
          }),
      };
      const reasons: unknown[] = [];
      const subscription = subscribe(fixture.client, device.uuid, () => undefined, undefined, undefined, {
        transport,
        heartbeatIntervalMs: 50,
        reconnectDelayMs: 1,
        onReconnect: ({ reason }) => reasons.push(reason),
      });
      await until(() => reasons.length === 1, LIMIT_MS, 'the stall');
      subscription.unsubscribe();
      expect((reasons[0] as Error).name).toBe('StalledConnection');
    },
    LIMIT_MS,
  );

  test(
    'the run lets go of its signal after each connection, and an abort ends it without reconnecting',
    async () => {
      const device = await fixture.registerDevice();
      fixture.failLogs(device.uuid, {
        kind: 'status',
        status: 500,
        times: 3,
      });
      const { transport, sessions } = recording();
      const controller = new AbortController();
      const reconnections: Reconnection[] = [];
      const fatal: unknown[] = [];
      const run = runSubscription({
        client: fixture.client,
        device: device.uuid,
        count: undefined,
        options: { reconnectDelayMs: 1, onReconnect: (info) => reconnections.push(info) },
        transport,
        signal: controller.signal,
        onLine: () => undefined,
        onFatal: (error) => fatal.push(error),
      });
      await until(() => sessions.length === 4, LIMIT_MS, 'the fourth connection');
      // Only the open connection follows the run's signal.
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
      controller.abort();
      expect(sessions[3]!.signal.aborted).toBe(true);
      await run;
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
      expect(reconnections).toHaveLength(3);
      expect(fatal).toEqual([]);
    },
    LIMIT_MS,
  );
});

describe('subscribe', () => {
  test('a callback or error callback that is not a function is named in the error', () => {
    const parameterOf = (call: () => unknown): string => {
      try {
        call();
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidParameter);
        return (error as InvalidParameter).parameter;
      }
      throw new Error('expected InvalidParameter');
    };
    expect(parameterOf(() => subscribe(fixture.client, fixture.device.uuid, 5 as never))).toBe('callback');
    expect(parameterOf(() => subscribe(fixture.client, fixture.device.uuid, () => undefined, 5 as never))).toBe(
      'error',
    );
  });

  test(
    'unsubscribe aborts the open connection at once',
    async () => {
      const { transport, sessions } = recording();
      const subscription = subscribe(fixture.client, fixture.device.uuid, () => undefined, undefined, undefined, {
        transport,
      });
      await until(() => sessions.length === 1, LIMIT_MS, 'the connection');
      expect(sessions[0]!.signal.aborted).toBe(false);
      subscription.unsubscribe();
      expect(sessions[0]!.signal.aborted).toBe(true);
    },
    LIMIT_MS,
  );

  test(
    'a callback that unsubscribes and then throws: nothing more is reported',
    async () => {
      const device = await fixture.registerDevice();
      await fixture.post(['last'], device.uuid, device.apiKey);
      const errors: unknown[] = [];
      let calls = 0;
      const subscription = subscribe(
        fixture.client,
        device.uuid,
        () => {
          calls++;
          subscription.unsubscribe();
          throw new Error('after unsubscribing');
        },
        (error) => errors.push(error),
        'all',
      );
      await until(() => calls === 1, LIMIT_MS, 'the line');
      expect(errors).toEqual([]);
    },
    LIMIT_MS,
  );

  test(
    'an error thrown by onReconnect ends the subscription through the error callback',
    async () => {
      const device = await fixture.registerDevice();
      fixture.failLogs(device.uuid, { kind: 'status', status: 500 });
      const errors: unknown[] = [];
      const client = await fixture.clientFor(fixture.sandbox.url);
      const failure = new Error('onReconnect failed');
      subscribe(
        client,
        device.uuid,
        () => undefined,
        (error) => errors.push(error),
        undefined,
        {
          reconnectDelayMs: 1,
          onReconnect: () => {
            throw failure;
          },
        },
      );
      await until(() => errors.length === 1, LIMIT_MS, 'the error');
      expect(errors).toEqual([failure]);
      expect(subscriptionsOf(client)).toEqual([]);
    },
    LIMIT_MS,
  );

  test('the abort of a withOptions client signal ends its subscriptions and lets go of the signal', () => {
    const controller = new AbortController();
    const call = withOptions(fixture.client, { signal: controller.signal });
    const subscription = subscribe(call, fixture.device.uuid, () => undefined);
    expect(subscriptionsOf(call)).toEqual([subscription]);
    controller.abort();
    expect(subscriptionsOf(call)).toEqual([]);

    const other = new AbortController();
    const otherCall = withOptions(fixture.client, { signal: other.signal });
    const ended = subscribe(otherCall, fixture.device.uuid, () => undefined);
    const follows = () =>
      getEventListeners(other.signal, 'abort').some((listener) => listener.name === 'onClientAbort');
    expect(follows()).toBe(true);
    ended.unsubscribe();
    expect(follows()).toBe(false);
  });

  test('a withOptions client whose signal is already aborted: the subscription ends at once', () => {
    const controller = new AbortController();
    controller.abort();
    const call = withOptions(fixture.client, { signal: controller.signal });
    subscribe(call, fixture.device.uuid, () => undefined);
    expect(subscriptionsOf(call)).toEqual([]);
  });
});

describe('stream', () => {
  test(
    'a signal not yet aborted lets lines through; leaving the loop lets go of it',
    async () => {
      const device = await fixture.registerDevice();
      await fixture.post(['first'], device.uuid, device.apiKey);
      const controller = new AbortController();
      const seen: string[] = [];
      for await (const line of stream(fixture.client, device.uuid, { count: 'all', signal: controller.signal })) {
        seen.push(line.message);
        break;
      }
      expect(seen).toEqual(['first']);
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
      expect(subscriptionsOf(fixture.client, device.uuid)).toEqual([]);
    },
    LIMIT_MS,
  );

  test(
    'an aborted signal ends the loop before any line',
    async () => {
      const device = await fixture.registerDevice();
      await fixture.post(['never'], device.uuid, device.apiKey);
      const controller = new AbortController();
      controller.abort();
      const seen: string[] = [];
      for await (const line of stream(fixture.client, device.uuid, { count: 'all', signal: controller.signal })) {
        seen.push(line.message);
      }
      expect(seen).toEqual([]);
    },
    LIMIT_MS,
  );

  test(
    'an abort ends the loop at once, lines already received included',
    async () => {
      const device = await fixture.registerDevice();
      await fixture.post(['a', 'b', 'c'], device.uuid, device.apiKey);
      const controller = new AbortController();
      const seen: string[] = [];
      for await (const line of stream(fixture.client, device.uuid, { count: 'all', signal: controller.signal })) {
        seen.push(line.message);
        controller.abort();
      }
      expect(seen).toEqual(['a']);
    },
    LIMIT_MS,
  );
});

test('history: a failure other than 404 is not DeviceNotFound', async () => {
  const device = await fixture.registerDevice();
  fixture.failLogs(device.uuid, { kind: 'status', status: 500 });
  const error = await history(fixture.client, device.uuid).catch((caught: unknown) => caught);
  expect(error).not.toBeInstanceOf(DeviceNotFound);
  expect((error as RequestError).status).toBe(500);
});
