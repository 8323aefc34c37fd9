// Typed errors for bad arguments (the spec audit): callbacks in the wrong slot, a `start` that is
// no time, a malformed uuid given to unsubscribe; each fails before any request.
import { InvalidParameter } from '@balena-ts/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { history, type LogCount, stream, subscribe, unsubscribe } from '../src/index.js';
import { type LogsFixture, startLogsFixture, until } from './support/logs-sandbox.js';

let fixture: LogsFixture;

beforeAll(async () => {
  fixture = await startLogsFixture();
});

afterAll(async () => {
  await fixture?.close();
});

describe('subscribe', () => {
  test('a callback or error that is not a function is InvalidParameter, at the call', () => {
    const uuid = fixture.device.uuid;
    const before = fixture.sandbox.requestCount();
    expect(() => subscribe(fixture.client, uuid, 'print' as never)).toThrow(InvalidParameter);
    expect(() => subscribe(fixture.client, uuid, undefined as never)).toThrow(InvalidParameter);
    // The seed's count put where the error callback goes.
    expect(() => subscribe(fixture.client, uuid, () => undefined, 10 as never)).toThrow(InvalidParameter);
    expect(fixture.sandbox.requestCount()).toBe(before);
  });

  test('a null error callback is allowed: the subscription still delivers lines', async () => {
    const device = await fixture.registerDevice();
    const received: string[] = [];
    const subscription = subscribe(
      fixture.client,
      device.uuid,
      (line) => received.push(line.message),
      null as never,
      1,
    );
    await fixture.post(['with a null error callback'], device.uuid, device.apiKey);
    await until(() => received.length === 1, 5_000, 'the line');
    subscription.unsubscribe();
    expect(received).toEqual(['with a null error callback']);
  });
});

describe('history start', () => {
  test.each([
    ['a string', 'yesterday'],
    ['NaN', Number.NaN],
    ['a negative number', -1],
    ['an invalid Date', new Date('not a date')],
  ])('%s is InvalidParameter, without a request', async (_name, start) => {
    const before = fixture.sandbox.requestCount();
    await expect(history(fixture.client, fixture.device.uuid, 10, { start: start as never })).rejects.toBeInstanceOf(
      InvalidParameter,
    );
    expect(fixture.sandbox.requestCount()).toBe(before);
  });

  test('a valid Date keeps the lines stored from then on', async () => {
    const device = await fixture.registerDevice();
    await fixture.post(['early'], device.uuid, device.apiKey);
    const [early] = await history(fixture.client, device.uuid);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await fixture.post(['late'], device.uuid, device.apiKey);
    const all = await history(fixture.client, device.uuid);
    const late = all.at(-1);
    expect(early?.message).toBe('early');
    expect(late?.message).toBe('late');
    expect(late && early && late.createdAt > early.createdAt).toBe(true);
    const since = await history(fixture.client, device.uuid, 'all', { start: new Date(late?.createdAt ?? 0) });
    expect(since.map((line) => line.message)).toEqual(['late']);
  });
});

describe('unsubscribe', () => {
  test('a malformed uuid is InvalidParameter', () => {
    expect(() => unsubscribe(fixture.client, {} as never)).toThrow(InvalidParameter);
    expect(() => unsubscribe(fixture.client, 'abc')).toThrow(InvalidParameter);
  });

  test('an upper-case uuid ends the subscription made with the lower-case one', async () => {
    const device = await fixture.registerDevice();
    const received: string[] = [];
    subscribe(fixture.client, device.uuid, (line) => received.push(line.message), undefined, 'all');
    await fixture.post(['before'], device.uuid, device.apiKey);
    await until(() => received.length === 1, 5_000, 'the first line');
    unsubscribe(fixture.client, device.uuid.toUpperCase());
    // A second client's subscription shows when 'after' has been delivered to subscribers.
    const control: string[] = [];
    const other = await fixture.clientFor(fixture.sandbox.url);
    subscribe(other, device.uuid, (line) => control.push(line.message), undefined, 'all');
    await until(() => control.length === 1, 5_000, 'the control subscription');
    await fixture.post(['after'], device.uuid, device.apiKey);
    await until(() => control.length === 2, 5_000, "the control's live line");
    unsubscribe(other, device.uuid);
    expect(control).toEqual(['before', 'after']);
    expect(received).toEqual(['before']);
  });
});

test('stream: a bad count is InvalidParameter from the first step of the loop', async () => {
  const iterator = stream(fixture.client, fixture.device.uuid, { count: -1 as LogCount });
  await expect(iterator.next()).rejects.toBeInstanceOf(InvalidParameter);
});
