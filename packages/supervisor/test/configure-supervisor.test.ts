// configureSupervisor with hostile options: typed errors, nothing sent, the client's settings untouched.
import { createClient, InvalidOption, InvalidParameter } from '@balena-ts/core';
import { describe, expect, test } from 'vitest';
import { configureSupervisor } from '../src/index.js';
import { settingsOf } from '../src/internal/settings.js';

function recordingClient(): { client: ReturnType<typeof createClient>; sent: string[] } {
  const sent: string[] = [];
  const recordingFetch: typeof fetch = (input, init) => {
    sent.push(String(input));
    return fetch(input, init);
  };
  return { client: createClient({ apiUrl: 'http://127.0.0.1:1', retry: 0, fetch: recordingFetch }), sent };
}

function thrownBy(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('configureSupervisor', () => {
  test.each([undefined, null, 'device', 0, true, [], Symbol('hostile')].map((value) => ({ value })))(
    'refuses options = $value with InvalidParameter',
    ({ value }) => {
      const { client, sent } = recordingClient();
      configureSupervisor(client, { endpoint: 'api' });
      const error = thrownBy(() => configureSupervisor(client, value as never));
      // Left out, the options read as empty: nothing to change, nothing to refuse.
      if (value === undefined) expect(error).toBeUndefined();
      else expect(error).toBeInstanceOf(InvalidParameter);
      expect(settingsOf(client).endpoint).toBe('api');
      expect(sent).toEqual([]);
    },
  );

  test.each([
    { endpoint: Symbol('api') },
    { endpoint: Object.create(null) },
    { endpoint: 'everywhere' },
    { onDeprecation: 'console.log' },
    { localSupervisor: { address: 42, apiKey: 'key' } },
  ])('refuses %o with InvalidOption and keeps the settings', (options) => {
    const { client, sent } = recordingClient();
    configureSupervisor(client, { endpoint: 'device' });
    expect(thrownBy(() => configureSupervisor(client, options as never))).toBeInstanceOf(InvalidOption);
    expect(settingsOf(client).endpoint).toBe('device');
    expect(sent).toEqual([]);
  });
});
