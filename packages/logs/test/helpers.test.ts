// The package's pure helpers through their own modules: line parsing, argument checks, backoff,
// the stall watchdog, the subscription registry and the resume tracker's fingerprints. Waits run
// on fake timers, so nothing here depends on the machine's speed.
import { getEventListeners } from 'node:events';
import { createClient, InvalidParameter } from '@balena-ts/core';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { LogLine, LogSubscription } from '../src/index.js';
import { reconnectDelay, wait } from '../src/internal/backoff.js';
import { checkCount } from '../src/internal/check-count.js';
import { checkFunction } from '../src/internal/check-function.js';
import { checkStart } from '../src/internal/check-start.js';
import { MalformedLogLine, parseLogLine, toLogLine } from '../src/internal/parse-line.js';
import { subscriptionsOf, track, untrack } from '../src/internal/registry.js';
import { checkDevice, checkOptions } from '../src/internal/resolve-device.js';
import { ResumeTracker } from '../src/internal/resume-tracker.js';
import { StalledConnection, startWatchdog } from '../src/internal/watchdog.js';

/** What a call threw (a test fails when it throws nothing). */
function thrownBy(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

describe('parseLogLine', () => {
  test('a balena line: numeric times, flags, service id', () => {
    expect(
      parseLogLine(
        '{"message":"m","createdAt":1700000000001,"timestamp":1700000000000,"isStdErr":true,"isSystem":false,"serviceId":7}',
      ),
    ).toEqual({
      message: 'm',
      createdAt: 1700000000001,
      timestamp: 1700000000000,
      isStdErr: true,
      isSystem: false,
      serviceId: 7,
    });
  });

  test('flags are true only when the line says true; no timestamp means createdAt; no service id is left out', () => {
    const line = parseLogLine('{"message":"m","createdAt":5,"isStdErr":"yes","isSystem":1}');
    expect(line).toEqual({ message: 'm', createdAt: 5, timestamp: 5, isStdErr: false, isSystem: false });
    expect('serviceId' in line).toBe(false);
    expect(parseLogLine('{"message":"s","createdAt":5,"isSystem":true}').isSystem).toBe(true);
  });

  test('times as strings: digits are milliseconds, anything else a date', () => {
    expect(parseLogLine('{"message":"m","createdAt":"1700000000000"}').createdAt).toBe(1700000000000);
    expect(parseLogLine('{"message":"m","createdAt":"7"}').createdAt).toBe(7);
    expect(parseLogLine('{"message":"m","createdAt":"2024-01-01"}').createdAt).toBe(Date.parse('2024-01-01'));
    expect(parseLogLine('{"message":"m","createdAt":"2024-01-01T00:00:00.000Z"}').createdAt).toBe(1704067200000);
    expect(parseLogLine('{"message":"m","createdAt":5,"timestamp":"not a time"}').timestamp).toBe(5);
  });

  test.each([
    ['null', 'null'],
    ['a number', '5'],
    ['a string', '"text"'],
    ['no message', '{"createdAt":1}'],
    ['a message that is not a string', '{"message":5,"createdAt":1}'],
    ['no time', '{"message":"m"}'],
    ['a time that is no date', '{"message":"m","createdAt":"soon"}'],
  ])('%s is MalformedLogLine, without a cause', (_name, text) => {
    const error = thrownBy(() => parseLogLine(text));
    expect(error).toBeInstanceOf(MalformedLogLine);
    expect((error as Error).name).toBe('MalformedLogLine');
    expect((error as Error).message).toBe(`Malformed log line: ${text}`);
    expect('cause' in (error as Error)).toBe(false);
  });

  test('text that is not JSON is MalformedLogLine caused by the parse error; the message keeps 120 characters', () => {
    const text = `{${'x'.repeat(200)}`;
    const error = thrownBy(() => parseLogLine(text)) as Error;
    expect(error).toBeInstanceOf(MalformedLogLine);
    expect(error.message).toBe(`Malformed log line: ${text.slice(0, 120)}`);
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  test('toLogLine takes a decoded value (MQTT history) and names its text in the error', () => {
    expect(toLogLine({ message: 'm', createdAt: 3 }, 'ignored').message).toBe('m');
    expect((thrownBy(() => toLogLine(undefined, 'the text')) as Error).message).toBe('Malformed log line: the text');
  });
});

describe('argument checks', () => {
  test('count: undefined and null are no count, all and non-negative integers pass', () => {
    expect(checkCount(undefined)).toBeUndefined();
    expect(checkCount(null as never)).toBeUndefined();
    expect(checkCount('all')).toBe('all');
    expect(checkCount(0)).toBe(0);
    expect(checkCount(12)).toBe(12);
  });

  test.each([[-1], [1.5], ['10'], [Number.NaN]])('count %s is InvalidParameter naming count and why', (count) => {
    const error = thrownBy(() => checkCount(count as never));
    expect(error).toBeInstanceOf(InvalidParameter);
    expect((error as InvalidParameter).parameter).toBe('count');
    expect((error as Error).message).toContain("expected a non-negative integer or 'all'");
  });

  test('start: undefined and null are no start; 0, numbers and Dates are milliseconds', () => {
    expect(checkStart(undefined)).toBeUndefined();
    expect(checkStart(null)).toBeUndefined();
    expect(checkStart(0)).toBe(0);
    expect(checkStart(new Date(0))).toBe(0);
    expect(checkStart(new Date(1234))).toBe(1234);
  });

  test('a bad start is InvalidParameter naming start and why', () => {
    const error = thrownBy(() => checkStart(-1));
    expect(error).toBeInstanceOf(InvalidParameter);
    expect((error as InvalidParameter).parameter).toBe('start');
    expect((error as Error).message).toContain('expected milliseconds since the epoch or a valid Date');
  });

  test('a callback that is not a function is InvalidParameter naming it and why', () => {
    expect(checkFunction('callback', () => undefined, false)).toBeUndefined();
    expect(checkFunction('error', null, true)).toBeUndefined();
    const error = thrownBy(() => checkFunction('callback', 5, false));
    expect((error as InvalidParameter).parameter).toBe('callback');
    expect((error as Error).message).toContain('expected a function');
    expect((thrownBy(() => checkFunction('error', undefined, false)) as InvalidParameter).parameter).toBe('error');
  });

  test('a bad device names uuid; bad options name options and why', () => {
    expect(checkDevice('A'.repeat(32))).toBe('a'.repeat(32));
    expect((thrownBy(() => checkDevice('abc')) as InvalidParameter).parameter).toBe('uuid');
    expect(checkOptions(null)).toEqual({});
    const error = thrownBy(() => checkOptions(5 as never));
    expect((error as InvalidParameter).parameter).toBe('options');
    expect((error as Error).message).toContain('expected an object');
  });
});

describe('backoff', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  test('the delay doubles from the base, is capped, and lies between half and all of the ceiling', () => {
    const random = vi.spyOn(Math, 'random');
    random.mockReturnValue(0);
    expect(reconnectDelay(0, 100, 10_000)).toBe(50);
    expect(reconnectDelay(3, 100, 10_000)).toBe(400);
    expect(reconnectDelay(20, 100, 10_000)).toBe(5_000);
    random.mockReturnValue(1);
    expect(reconnectDelay(3, 100, 10_000)).toBe(800);
    random.mockReturnValue(0.5);
    expect(reconnectDelay(1, 100, 10_000)).toBe(150);
  });

  test('wait resolves after the delay and leaves no listener on the signal', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    let resolved = false;
    const waiting = wait(1_000, controller.signal).then(() => {
      resolved = true;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(resolved).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await waiting;
    expect(resolved).toBe(true);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  test('an abort cuts the wait short; an aborted signal does not wait at all', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    let resolved = false;
    const waiting = wait(60_000, controller.signal).then(() => {
      resolved = true;
    });
    await vi.advanceTimersByTimeAsync(10);
    expect(resolved).toBe(false);
    controller.abort();
    await waiting;
    expect(resolved).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    let immediate = false;
    await Promise.race([
      wait(60_000, controller.signal).then(() => {
        immediate = true;
      }),
      vi.advanceTimersByTimeAsync(0),
    ]);
    await Promise.resolve();
    expect(immediate).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('watchdog', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  test('fires once after the silence; each feed restarts the count; stop disarms it', () => {
    const onStall = vi.fn();
    const watchdog = startWatchdog(100, onStall);
    vi.advanceTimersByTime(60);
    watchdog.feed();
    vi.advanceTimersByTime(60);
    watchdog.feed();
    vi.advanceTimersByTime(99);
    expect(onStall).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onStall).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1_000);
    expect(onStall).toHaveBeenCalledTimes(1);
    watchdog.feed();
    watchdog.stop();
    vi.advanceTimersByTime(1_000);
    expect(onStall).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  test('StalledConnection says how long nothing arrived', () => {
    const error = new StalledConnection(250);
    expect(error.name).toBe('StalledConnection');
    expect(error.message).toBe('No data, not even a keep-alive, for 250 ms');
  });
});

describe('registry', () => {
  const subscription = (): LogSubscription => ({ unsubscribe: () => undefined });

  test('subscriptions are found by device, in any case, and forgotten one by one', () => {
    const client = createClient({ apiUrl: 'http://127.0.0.1:9' });
    const uuid = 'ab'.repeat(16);
    const first = subscription();
    const second = subscription();
    const other = subscription();
    track(client, uuid, first);
    track(client, uuid.toUpperCase(), second);
    track(client, 42, other);
    expect(subscriptionsOf(client, uuid)).toEqual([first, second]);
    expect(subscriptionsOf(client)).toEqual([first, second, other]);
    untrack(client, uuid, first);
    expect(subscriptionsOf(client, uuid.toUpperCase())).toEqual([second]);
    untrack(client, uuid, second);
    expect(subscriptionsOf(client, uuid)).toEqual([]);
    expect(subscriptionsOf(client)).toEqual([other]);
    untrack(client, 'cd'.repeat(16), other);
    expect(subscriptionsOf(client, 42)).toEqual([other]);
    expect(subscriptionsOf(createClient({ apiUrl: 'http://127.0.0.1:9' }))).toEqual([]);
  });
});

describe('ResumeTracker', () => {
  function line(createdAt: number, message: string, extra: Partial<LogLine> = {}): LogLine {
    return { createdAt, timestamp: createdAt, message, isStdErr: false, isSystem: false, ...extra };
  }

  test('a later line moves the resume point', () => {
    const tracker = new ResumeTracker();
    expect(tracker.lastDeliveredAt).toBeUndefined();
    expect(tracker.accept(line(10, 'a'))).toBe(true);
    expect(tracker.accept(line(11, 'b'))).toBe(true);
    expect(tracker.lastDeliveredAt).toBe(11);
  });

  test('in a new pass, a line of the last millisecond that was not delivered yet is new', () => {
    const tracker = new ResumeTracker();
    expect(tracker.accept(line(10, 'a'))).toBe(true);
    tracker.beginPass();
    expect(tracker.accept(line(10, 'b'))).toBe(true);
    expect(tracker.accept(line(10, 'a'))).toBe(false);
  });

  test('lines that differ only by stream, origin or service are told apart', () => {
    const tracker = new ResumeTracker();
    const variants = [
      line(10, 'a'),
      line(10, 'a', { isStdErr: true }),
      line(10, 'a', { isSystem: true }),
      line(10, 'a', { serviceId: 1 }),
      line(10, 'a', { timestamp: 9 }),
    ];
    expect(variants.map((each) => tracker.accept(each))).toEqual([true, true, true, true, true]);
    tracker.beginPass();
    expect(variants.map((each) => tracker.accept(each))).toEqual([false, false, false, false, false]);
  });
});
