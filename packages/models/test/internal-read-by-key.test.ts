// readByKey, the coalesced read of rows by id or uuid, against the sandbox: which options let
// concurrent reads share one request, what a shared read selects and hands back, and how the reads
// it cannot send end.
import { InvalidParameter } from '@balena-ts/core';
import { describe, expect, it } from 'vitest';
import { readByKey } from '../src/internal/read-by-key.js';
import { seedFleet, useTestContext } from './helpers/sandbox.js';

const context = useTestContext();

function deviceReads(): string[] {
  return context.recorder.requests
    .filter((request) => request.method === 'GET' && /\/v7\/device[(?]/.test(request.url))
    .map((request) => request.url);
}

type Row = Record<string, unknown>;

async function readTwo(ids: readonly number[], options?: unknown): Promise<(Row | undefined)[]> {
  context.recorder.reset();
  return Promise.all(ids.map((id) => readByKey<Row>(context.client, 'device', 'id', id, options as never)));
}

describe('readByKey', () => {
  it('shares one request among reads with the same $select and $expand', async () => {
    const { app, devices } = await seedFleet(context, 2);
    const ids = devices.map((each) => each.id);
    const rows = await readTwo(ids, { $select: 'id', $expand: { belongs_to__application: { $select: 'id' } } });
    expect(deviceReads()).toHaveLength(1);
    expect(rows.map((row) => row?.id)).toEqual(ids);
    expect(rows.map((row) => (row?.belongs_to__application as Row[] | undefined)?.[0]?.id)).toEqual([app.id, app.id]);
  });

  it('sends a read with a $filter of its own apart, keeping its filter', async () => {
    const { devices } = await seedFleet(context, 2);
    const ids = devices.map((each) => each.id);
    const rows = await readTwo(ids, { $select: 'id', $filter: { device_name: 'no device has this name' } });
    expect(rows).toEqual([undefined, undefined]);
    expect(deviceReads()).toHaveLength(2);
  });

  it('hands back whole rows when nothing is selected, or everything is', async () => {
    const { devices } = await seedFleet(context, 2);
    const ids = devices.map((each) => each.id);
    for (const options of [undefined, { $select: '*' }]) {
      const rows = await readTwo(ids, options);
      expect(deviceReads()).toHaveLength(1);
      expect(rows.map((row) => row?.id)).toEqual(ids);
      expect(rows.map((row) => row?.uuid)).toEqual(devices.map((each) => each.uuid));
    }
  });

  it('keeps the key a comma-separated $select names after a blank', async () => {
    const { devices } = await seedFleet(context, 2);
    const ids = devices.map((each) => each.id);
    const rows = await readTwo(ids, { $select: 'uuid, id' });
    expect(deviceReads()).toHaveLength(1);
    expect(rows.map((row) => row?.id)).toEqual(ids);
  });

  it('leaves options that are not an object to the keyed request, which refuses them', async () => {
    const { devices } = await seedFleet(context, 2);
    const results = await Promise.allSettled(
      devices.map((each) => readByKey(context.client, 'device', 'id', each.id, 5 as never)),
    );
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    for (const result of results) expect((result as PromiseRejectedResult).reason).toBeInstanceOf(InvalidParameter);
  });

  it('rejects every read of a shared request whose options cannot be sent', async () => {
    const { devices } = await seedFleet(context, 2);
    const results = await Promise.allSettled(
      devices.map((each) => readByKey(context.client, 'device', 'id', each.id, { $expand: 5 } as never)),
    );
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    for (const result of results) expect((result as PromiseRejectedResult).reason).toBeInstanceOf(InvalidParameter);
  });
});
