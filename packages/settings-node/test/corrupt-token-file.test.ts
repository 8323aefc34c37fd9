import { writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { inspect } from 'node:util';
import { createClient, MalformedToken } from '@balena-ts/core';
import { createFileStorage } from '@balena-ts/settings-node';
import { afterEach, describe, expect, it } from 'vitest';
import { caught, SECRET, temporaryDirectory } from './helpers.js';

let server: http.Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

describe('a corrupt token file', () => {
  it('is reported as MalformedToken at once: nothing sent, not retried as a network failure, contents not shown', async () => {
    let received = 0;
    server = http.createServer((_request, response) => {
      received += 1;
      response.end('"ok"');
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const directory = await temporaryDirectory();
    // Two tokens pasted on two lines, then bytes that are not UTF-8: what a damaged file looks like.
    await writeFile(
      path.join(directory, 'token'),
      Buffer.concat([Buffer.from(`first-token\n${SECRET}`), Buffer.from([0xff, 0xfe, 0x00])]),
    );
    const client = createClient({
      apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      storage: createFileStorage({ dataDirectory: directory }),
      retryDelay: 1,
    });
    const error = await caught(client.request('/actor/v1/whoami'));
    expect(error).toBeInstanceOf(MalformedToken);
    expect(error.message).toContain('corrupt token file');
    expect(received).toBe(0);
    for (const view of [error.message, JSON.stringify(error), inspect(error, { depth: 10 })]) {
      expect(view).not.toContain(SECRET);
    }
  });
});
