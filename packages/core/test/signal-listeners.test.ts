// A caller's signal kept for many calls (a withOptions client, an app-wide AbortController) must not
// collect a listener per call: once a call is over, streamed or not, nothing of it is left on it.
import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, createMemoryStorage } from '../src/index.js';
import { sendJson, startTestServer, type TestServer } from './helpers/test-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("the caller's signal", () => {
  it('keeps no listener once whole and streamed calls are over, and still aborts a streamed body', async () => {
    server = await startTestServer((_request, response) => sendJson(response, 200, { ok: true }));
    const client = createClient({ apiUrl: server.url, storage: createMemoryStorage() });
    const controller = new AbortController();
    for (let call = 0; call < 10; call++) {
      expect(await client.request('/ping', { signal: controller.signal })).toEqual({ ok: true });
      const response = await client.request.stream('/ping', { signal: controller.signal });
      expect(await response.json()).toEqual({ ok: true });
    }
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);

    const open = await client.request.stream('/ping', { signal: controller.signal });
    controller.abort(new Error('stop'));
    await expect(open.text()).rejects.toThrow();
  });
});
