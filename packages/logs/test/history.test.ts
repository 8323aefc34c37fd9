// history with a full uuid is one request, as raw fetch would send (the logs endpoint answers 404
// for an unknown device); a numeric id is looked up first. Hostile arguments are typed errors.
import { createClient, DeviceNotFound, InvalidParameter, RequestError } from '@balena-ts/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { history, stream, subscribe } from '../src/index.js';
import { type LogsFixture, startLogsFixture } from './support/logs-sandbox.js';

let fixture: LogsFixture;

beforeAll(async () => {
  fixture = await startLogsFixture();
});

afterAll(async () => {
  await fixture?.close();
});

async function countingClient() {
  const urls: string[] = [];
  const client = createClient({
    apiUrl: fixture.sandbox.url,
    fetch: (input, init) => {
      urls.push(decodeURIComponent(new Request(input, init).url).replace(fixture.sandbox.url, ''));
      return fetch(input, init);
    },
  });
  await client.tokens.set(fixture.sandbox.superuser.token);
  return { client, urls };
}

describe('history requests', () => {
  test('a full uuid (any case) costs one request: the logs themselves', async () => {
    const device = await fixture.registerDevice();
    await fixture.post(['a', 'b'], device.uuid, device.apiKey);
    const { client, urls } = await countingClient();
    const lines = await history(client, device.uuid.toUpperCase(), 10);
    expect(lines.map((line) => line.message)).toEqual(['a', 'b']);
    expect(urls).toEqual([`/device/v2/${device.uuid}/logs?count=10`]);
  });

  test('a numeric id is looked up for its uuid first', async () => {
    const device = await fixture.registerDevice();
    await fixture.post(['c'], device.uuid, device.apiKey);
    const { client, urls } = await countingClient();
    expect((await history(client, device.id)).map((line) => line.message)).toEqual(['c']);
    expect(urls).toEqual([`/v7/device(${device.id})?$select=uuid`, `/device/v2/${device.uuid}/logs`]);
  });

  test('an unknown uuid is DeviceNotFound from the logs answer, after one request', async () => {
    const { client, urls } = await countingClient();
    const error = await history(client, 'a'.repeat(62)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DeviceNotFound);
    expect((error as DeviceNotFound).cause).toBeInstanceOf(RequestError);
    expect(((error as DeviceNotFound).cause as RequestError).status).toBe(404);
    expect(urls).toHaveLength(1);
  });

  test('null options are no options; other non-objects are InvalidParameter', async () => {
    const { client } = await countingClient();
    expect(Array.isArray(await history(client, fixture.device.uuid, 1, null as never))).toBe(true);
    await expect(history(client, fixture.device.uuid, 1, 5 as never)).rejects.toBeInstanceOf(InvalidParameter);
  });
});

describe('subscribe and stream arguments', () => {
  test('an object, a short uuid or a negative id as the device is InvalidParameter at once', () => {
    for (const device of [{}, Object.create(null), 'abc', -1, Number.NaN]) {
      expect(() => subscribe(fixture.client, device as never, () => {})).toThrow(InvalidParameter);
    }
  });

  test('null options are no options; stream rejects a hostile device with InvalidParameter', async () => {
    const subscription = subscribe(fixture.client, fixture.device.uuid, () => {}, undefined, undefined, null as never);
    subscription.unsubscribe();
    const iterator = stream(fixture.client, Object.create(null) as never, null as never);
    await expect(iterator.next()).rejects.toBeInstanceOf(InvalidParameter);
    const other = stream(fixture.client, fixture.device.uuid, 'x' as never);
    await expect(other.next()).rejects.toBeInstanceOf(InvalidParameter);
  });
});
