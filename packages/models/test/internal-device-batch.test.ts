// The batch device write of src/internal (updateDevices, through device.setNote) against the
// sandbox: a failure before anything is written is the request's own error, and a partial write
// says which fields it wrote.
import { createClient, RequestError } from '@balena-ts/core';
import * as device from '@balena-ts/models/device';
import { describe, expect, it } from 'vitest';
import { seedFleet, useTestContext } from './helpers/sandbox.js';

const context = useTestContext({ requestBatchSize: 2 });

/** A client whose `failing`-th PATCH (counted from 1) the sandbox answers with a 500. */
async function clientFailingPatch(failing: number) {
  let patches = 0;
  const fetchFailing: typeof fetch = (input, init) => {
    if (new Request(input, init).method === 'PATCH' && ++patches === failing) {
      context.sandbox.faults.add({ method: 'PATCH', path: '/v7/device', kind: 'status', status: 500 });
    }
    return fetch(input, init);
  };
  const client = createClient({ apiUrl: context.sandbox.url, fetch: fetchFailing, retry: false, requestBatchSize: 2 });
  await client.tokens.set(context.sandbox.superuser.token);
  return client;
}

describe('updateDevices', () => {
  it('rejects with the request error itself when its first chunk fails, nothing written', async () => {
    const { devices } = await seedFleet(context, 4);
    const client = await clientFailingPatch(1);
    try {
      const error = await device
        .setNote(
          client,
          devices.map((each) => each.id),
          'never',
        )
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RequestError);
      expect(error).not.toBeInstanceOf(device.PartialWriteError);
    } finally {
      context.sandbox.faults.clear();
    }
  });

  it('names the fields it wrote in a partial write', async () => {
    const { devices } = await seedFleet(context, 4);
    const client = await clientFailingPatch(2);
    try {
      const ids = devices.map((each) => each.id);
      const error = await device
        .setCustomLocation(client, ids, { latitude: 1, longitude: 2 })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(device.PartialWriteError);
      expect((error as Error).message).toMatch(/^Wrote device custom_latitude, custom_longitude on 2 of 4 targets/);
    } finally {
      context.sandbox.faults.clear();
    }
  });
});
