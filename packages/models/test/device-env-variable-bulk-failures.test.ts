// setForDevices on a handful of devices, where one kind of request fails: what the PartialWriteError
// says (written, not written, each failure's error, the cause), what is sent after a failure, and
// the exact refusals of bad arguments. The 1,000-device behaviour is in device-env-variable-bulk.
import { type Client, createClient, DeviceNotFound, InvalidParameter, NetworkError } from '@balena-ts/core';
import * as deviceEnvVariable from '@balena-ts/models/device-env-variable';
import { PartialWriteError } from '@balena-ts/models/device-env-variable';
import { describe, expect, it } from 'vitest';
import { seedFleet, uniqueName, useTestContext } from './helpers/sandbox.js';

const context = useTestContext();
const MISSING_ID = 987_654_321;

interface Sent {
  readonly method: string;
  /** `/v7/resource`, without the key in parentheses or the query. */
  readonly resource: string;
}

/**
 * A client whose requests are recorded and, when `fails` says so, fail as a dropped connection
 * would (a transport fault: no API answer to mock). `before` runs as each request starts.
 */
async function instrumentedClient(
  fails: (request: Sent, sent: readonly Sent[]) => boolean,
  before: (request: Sent, sent: readonly Sent[]) => void = () => {},
): Promise<{ client: Client; sent: Sent[] }> {
  const sent: Sent[] = [];
  const wrapped: typeof fetch = (input, init) => {
    const request = new Request(input, init);
    const described = { method: request.method, resource: new URL(request.url).pathname.replace(/\(.*\)$/, '') };
    sent.push(described);
    before(described, sent);
    if (fails(described, sent)) return Promise.reject(new TypeError('fetch failed: connection reset by the test'));
    return fetch(input, init);
  };
  const client = createClient({ apiUrl: context.sandbox.url, fetch: wrapped, retry: false });
  await client.tokens.set(context.sandbox.superuser.token);
  return { client, sent };
}

const is = (method: string, resource: string) => (request: Sent) =>
  request.method === method && request.resource === `/v7/${resource}`;

async function valuesOf(applicationId: number, name: string): Promise<Map<number, string>> {
  const rows = await deviceEnvVariable.getAllByApplication(context.client, applicationId, {
    $select: ['device', 'value'],
    $filter: { name },
  });
  return new Map(rows.map((row) => [(row.device as { __id: number }).__id, row.value]));
}

async function partialWriteOf(work: Promise<void>): Promise<PartialWriteError> {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PartialWriteError);
  return error as PartialWriteError;
}

describe('setForDevices refuses bad arguments, naming the parameter and the reason', () => {
  const refusal = async (work: () => Promise<void>, parameter: string, reason: string) => {
    const error = await work().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(InvalidParameter);
    expect((error as InvalidParameter).parameter).toBe(parameter);
    expect((error as Error).message).toMatch(new RegExp(`: ${reason.replace(/[?{}]/g, '\\$&')}$`));
  };

  it('options, concurrency and devices', async () => {
    const { app, devices } = await seedFleet(context, 2);
    const { client } = context;
    context.recorder.reset();
    const set = (selection: unknown, options?: unknown) =>
      deviceEnvVariable.setForDevices(client, selection as number[], 'MODE', 'x', options as never);
    await refusal(() => set([devices[0]!.id], 5), 'options', 'expected { concurrency?, signal? }');
    await refusal(() => set([devices[0]!.id], { concurrency: 0 }), 'concurrency', 'must be a positive integer');
    // One uuid not in an array would be a device selection elsewhere; here the call wants a list.
    await refusal(() => set(devices[0]!.uuid), 'devices', 'expected an array of ids or uuids');
    await refusal(() => set([]), 'devices', 'expected at least one device');
    expect(context.recorder.requests).toEqual([]);

    // A concurrency of 1 is the smallest allowed: one write after the other.
    await set(
      devices.map((device) => device.id),
      { concurrency: 1 },
    );
    expect([...(await valuesOf(app.id, 'MODE')).values()]).toEqual(['x', 'x']);
  });
});

describe('setForDevices by uuid', () => {
  it('one uuid: creates, then patches, only that device', async () => {
    const { app, devices } = await seedFleet(context, 3);
    const [first, second] = devices as [{ id: number; uuid: string }, { id: number; uuid: string }];
    await deviceEnvVariable.set(context.client, second.id, 'ONLY', 'other');
    await deviceEnvVariable.setForDevices(context.client, [first.uuid], 'ONLY', 'one');
    expect(await valuesOf(app.id, 'ONLY')).toEqual(
      new Map([
        [first.id, 'one'],
        [second.id, 'other'],
      ]),
    );
    await deviceEnvVariable.setForDevices(context.client, [first.uuid], 'ONLY', 'two');
    expect(await valuesOf(app.id, 'ONLY')).toEqual(
      new Map([
        [first.id, 'two'],
        [second.id, 'other'],
      ]),
    );
  });

  it('when the lookup fails, nothing is written and every device is reported with the error', async () => {
    const { app, devices } = await seedFleet(context, 2);
    const uuids = devices.map((device) => device.uuid.toUpperCase());
    const { client } = await instrumentedClient(is('GET', 'device'));
    const partial = await partialWriteOf(deviceEnvVariable.setForDevices(client, uuids, 'LOOKUP', 'x'));
    expect(partial.message).toMatch(/^Wrote device_environment_variable LOOKUP on 0 of 2 targets; /);
    expect(partial.written).toEqual([]);
    // The devices as the caller gave them (upper case here).
    expect(partial.notWritten).toEqual(uuids);
    expect(partial.failures.map((failure) => failure.target)).toEqual(uuids);
    expect((partial.cause as Error).message).toMatch(/connection reset by the test/);
    for (const failure of partial.failures) expect(failure.error).toBe(partial.cause);
    expect((await valuesOf(app.id, 'LOOKUP')).size).toBe(0);
  });

  it('when the PATCH of the stale rows fails, the others are still created and nothing more is asked', async () => {
    const { app, devices } = await seedFleet(context, 3);
    const [stale, , fresh] = devices as [{ id: number; uuid: string }, unknown, { id: number; uuid: string }];
    await deviceEnvVariable.set(context.client, stale.id, 'STALE', 'old');
    const { client, sent } = await instrumentedClient(is('PATCH', 'device_environment_variable'));
    const partial = await partialWriteOf(
      deviceEnvVariable.setForDevices(
        client,
        devices.map((device) => device.uuid),
        'STALE',
        'new',
      ),
    );
    expect(partial.notWritten).toEqual([stale.uuid]);
    expect([...partial.written].sort()).toEqual(
      devices
        .slice(1)
        .map((device) => device.uuid)
        .sort(),
    );
    expect(partial.failures[0]?.error).not.toBeInstanceOf(DeviceNotFound);
    // A device looked up by uuid exists: the failure is not looked into again.
    expect(sent.filter(is('GET', 'device'))).toHaveLength(1);
    const values = await valuesOf(app.id, 'STALE');
    expect(values.get(stale.id)).toBe('old');
    expect(values.get(fresh.id)).toBe('new');
  });

  it('when aborted, the devices never written are listed by uuid', async () => {
    const { devices } = await seedFleet(context, 4);
    const uuids = devices.map((device) => device.uuid);
    const controller = new AbortController();
    const { client } = await instrumentedClient(
      () => false,
      (request, sent) => {
        if (request.method === 'POST' && sent.filter((each) => each.method === 'POST').length === 2) {
          controller.abort(new Error('stopped by the test'));
        }
      },
    );
    const partial = await partialWriteOf(
      deviceEnvVariable.setForDevices(client, uuids, 'HALTED', 'x', { concurrency: 1, signal: controller.signal }),
    );
    expect(partial.written).toHaveLength(1);
    expect([...partial.written, ...partial.notWritten].sort()).toEqual([...uuids].sort());
    expect((partial.cause as Error).message).toBe('stopped by the test');
  });
});

describe('setForDevices by id', () => {
  it('a write that fails on a device that exists keeps its error; one on a missing device is DeviceNotFound', async () => {
    const { devices } = await seedFleet(context, 2);
    const [kept, failed] = devices as [{ id: number; uuid: string }, { id: number; uuid: string }];
    const key = 'FAILS';
    // The second and third creates fail (concurrency 1 keeps the order): the device `failed`, then the missing one.
    const { client, sent } = await instrumentedClient((request, all) => {
      if (!is('POST', 'device_environment_variable')(request)) return false;
      return all.filter(is('POST', 'device_environment_variable')).length > 1;
    });
    const partial = await partialWriteOf(
      deviceEnvVariable.setForDevices(client, [kept.id, failed.id, MISSING_ID], key, 'x', { concurrency: 1 }),
    );
    expect(partial.message).toMatch(/^Wrote device_environment_variable FAILS on 1 of 3 targets; not written: /);
    expect(partial.written).toEqual([kept.id]);
    expect(partial.notWritten).toEqual([failed.id, MISSING_ID]);
    const [ofFailed, ofMissing] = partial.failures;
    expect(ofFailed?.error).toBeInstanceOf(NetworkError);
    expect(ofMissing?.error).toBeInstanceOf(DeviceNotFound);
    expect((ofMissing?.error as Error | undefined)?.cause).toBeInstanceOf(NetworkError);
    // One lookup of the failed ids, after the writes.
    expect(sent.filter(is('GET', 'device'))).toHaveLength(1);
  });

  it('when the lookup of the failed devices fails too, the failures keep their own errors', async () => {
    const { devices } = await seedFleet(context, 1);
    const { client } = await instrumentedClient(
      (request) => is('POST', 'device_environment_variable')(request) || is('GET', 'device')(request),
    );
    const partial = await partialWriteOf(
      deviceEnvVariable.setForDevices(client, [devices[0]!.id, MISSING_ID], uniqueName('K').replace(/-/g, '_'), 'x'),
    );
    expect(partial.failures).toHaveLength(2);
    for (const failure of partial.failures) expect(failure.error).toBeInstanceOf(NetworkError);
  });

  it('with a signal already aborted, sends nothing and reports every device as not written', async () => {
    const { devices } = await seedFleet(context, 2);
    const ids = devices.map((device) => device.id);
    const { client, sent } = await instrumentedClient(() => false);
    const partial = await partialWriteOf(
      deviceEnvVariable.setForDevices(client, ids, 'NEVER', 'x', { signal: AbortSignal.abort(new Error('too late')) }),
    );
    expect(partial.written).toEqual([]);
    expect(partial.notWritten).toEqual(ids);
    expect((partial.cause as Error).message).toBe('too late');
    expect(sent).toEqual([]);
  });
});
