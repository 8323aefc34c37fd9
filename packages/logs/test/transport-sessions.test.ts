// Each transport's connection on its own, outside a subscription, against the sandbox: what it asks
// the server for, what it reports through the session's hooks, how it ends (the server's end, a
// cut, a malformed line, an abort) and what it leaves behind (listeners, open connections).
// Tests that a broken transport would leave hanging end at their own short time limit.
import { getEventListeners } from 'node:events';
import { type Client, createClient, NetworkError, NotLoggedIn, RequestError } from '@balena-ts/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type LogCount,
  type LogLine,
  type LogTransport,
  type LogTransportSession,
  ndjsonTransport,
} from '../src/index.js';
import { MalformedLogLine } from '../src/internal/parse-line.js';
import { mqttTransport } from '../src/mqtt.js';
import { sseTransport } from '../src/sse.js';
import { type CuttingProxy, startCuttingProxy } from './support/cutting-proxy.js';
import { type LogsFixture, logsPathOf, startLogsFixture, until } from './support/logs-sandbox.js';

/** A connection that never ends by itself is over after this (the test then fails). */
const LIMIT_MS = 5_000;
/** Node's fetch lets go of an aborted stream's socket about 4 s after the abort. */
const CLOSE_LIMIT_MS = 10_000;

let fixture: LogsFixture;

beforeAll(async () => {
  fixture = await startLogsFixture();
});

afterAll(async () => {
  await fixture?.close();
});

interface Connection {
  /** The session's hooks as they were called. */
  lines: LogLine[];
  opened: number;
  activity: number;
  passes: number;
  /** Every hook call in order: 'open', 'pass', or a line's message. */
  events: string[];
  signal: AbortSignal;
  abort(reason?: unknown): void;
  /** How the connection ended: `{ resolved: true }` or `{ error }`. */
  outcome: Promise<{ resolved: true } | { error: unknown }>;
}

function connect(
  transport: LogTransport,
  client: Client,
  uuid: string,
  parameters: { count?: LogCount; start?: number; signal?: AbortSignal } = {},
): Connection {
  const controller = new AbortController();
  const signal = parameters.signal ?? controller.signal;
  const connection = {
    lines: [],
    opened: 0,
    activity: 0,
    passes: 0,
    events: [],
    signal,
    abort: (reason?: unknown) => controller.abort(reason),
  } as unknown as Connection;
  const session: LogTransportSession = {
    client,
    uuid,
    count: parameters.count,
    start: parameters.start,
    signal,
    onOpen: () => {
      connection.opened++;
      connection.events.push('open');
    },
    onActivity: () => {
      connection.activity++;
    },
    beginPass: () => {
      connection.passes++;
      connection.events.push('pass');
    },
    onLine: (line) => {
      connection.lines.push(line);
      connection.events.push(line.message);
    },
  };
  connection.outcome = transport.connect(session).then(
    () => ({ resolved: true }) as const,
    (error: unknown) => ({ error }),
  );
  return connection;
}

async function failure(connection: Connection): Promise<unknown> {
  const outcome = await connection.outcome;
  if (!('error' in outcome)) throw new Error('the connection ended without an error');
  return outcome.error;
}

async function recordingClient(apiUrl = fixture.sandbox.url): Promise<{ client: Client; urls: string[] }> {
  const urls: string[] = [];
  const client = createClient({
    apiUrl,
    retry: 0,
    hooks: { onRequest: ({ url }) => void urls.push(url.replace(apiUrl, '')) },
  });
  await client.tokens.set(fixture.sandbox.superuser.token);
  return { client, urls };
}

test('each transport names itself', () => {
  expect(ndjsonTransport().name).toBe('ndjson');
  expect(sseTransport().name).toBe('sse');
  expect(mqttTransport({ url: fixture.sandbox.mqttUrl }).name).toBe('mqtt');
});

describe('ndjson', () => {
  test(
    'a stream the server ends: its lines, then the connection resolves and leaves no listener',
    async () => {
      const device = await fixture.registerDevice();
      fixture.failLogs(device.uuid, {
        kind: 'status',
        status: 200,
        body: '{"message":"only","createdAt":1}\n\n',
      });
      const connection = connect(ndjsonTransport(), fixture.client, device.uuid);
      expect(await connection.outcome).toEqual({ resolved: true });
      expect(connection.events).toEqual(['open', 'pass', 'only']);
      expect(connection.activity).toBeGreaterThan(0);
      // Nothing follows the connection's signal once it has ended, core's streamed request included.
      expect(getEventListeners(connection.signal, 'abort')).toEqual([]);
    },
    LIMIT_MS,
  );

  test(
    'an abort ends the connection with its reason',
    async () => {
      const device = await fixture.registerDevice();
      const connection = connect(ndjsonTransport(), fixture.client, device.uuid);
      await until(() => connection.opened === 1, LIMIT_MS, 'the stream');
      const reason = new Error('enough');
      connection.abort(reason);
      expect(await failure(connection)).toBe(reason);
      expect(getEventListeners(connection.signal, 'abort')).toHaveLength(0);
    },
    LIMIT_MS,
  );

  /** An NDJSON connection through a cutting proxy, open, for a new device; the proxy closes after `run`. */
  async function throughProxy(
    run: (stream: {
      proxy: CuttingProxy;
      connection: Connection;
      post: (messages: string[]) => Promise<void>;
    }) => Promise<void>,
  ): Promise<void> {
    const proxy = await startCuttingProxy(Number(new URL(fixture.sandbox.url).port));
    try {
      const device = await fixture.registerDevice();
      const connection = connect(ndjsonTransport(), await fixture.clientFor(proxy.url), device.uuid);
      await until(() => connection.opened === 1, LIMIT_MS, 'the stream');
      await run({ proxy, connection, post: (messages) => fixture.post(messages, device.uuid, device.apiKey) });
    } finally {
      await proxy.close();
    }
  }

  test(
    'a character split between two chunks arrives whole',
    () =>
      throughProxy(async ({ proxy, connection, post }) => {
        proxy.armSplit();
        await post(['é€😀 done']);
        await until(() => connection.lines.length === 1, LIMIT_MS, 'the line');
        connection.abort();
        expect(connection.lines[0]?.message).toBe('é€😀 done');
      }),
    LIMIT_MS + 2_000,
  );

  test(
    'a keep-alive line of blanks (a proxy ending lines with CRLF) is skipped, not read as a log line',
    () =>
      throughProxy(async ({ proxy, connection, post }) => {
        // One chunk of the chunked answer (3 bytes: a space, CR, LF), between the server's chunks.
        proxy.inject(Buffer.from('3\r\n \r\n\r\n'));
        await post(['after the blank line']);
        await until(() => connection.lines.length === 1, LIMIT_MS, 'the line');
        connection.abort();
        expect(connection.lines[0]?.message).toBe('after the blank line');
        expect(connection.activity).toBeGreaterThanOrEqual(2);
      }),
    LIMIT_MS + 2_000,
  );

  test(
    'a malformed line fails the connection and closes it',
    () =>
      throughProxy(async ({ proxy, connection, post }) => {
        proxy.armCorrupt();
        await post(['corrupted']);
        expect(await failure(connection)).toBeInstanceOf(MalformedLogLine);
        // Node's fetch closes the socket of an abandoned body a few seconds later; a body left unread stays open.
        await until(() => proxy.openConnections() === 0, CLOSE_LIMIT_MS, 'the connection to close');
        expect(connection.lines).toEqual([]);
      }),
    CLOSE_LIMIT_MS + LIMIT_MS,
  );
});

describe('sse', () => {
  /** The device's next log stream is these server-sent events, then its end. */
  function answerWithEvents(uuid: string, events: string): void {
    fixture.failLogs(uuid, {
      kind: 'status',
      status: 200,
      headers: { 'Content-Type': 'text/event-stream' },
      body: events,
    });
  }

  test(
    'asks for stream=1, and for count and start only when given',
    async () => {
      const device = await fixture.registerDevice();
      const { client, urls } = await recordingClient();
      const plain = connect(sseTransport(), client, device.uuid);
      await until(() => plain.opened === 1, LIMIT_MS, 'the first stream');
      plain.abort();
      await plain.outcome;
      const resumed = connect(sseTransport(), client, device.uuid, { count: 'all', start: 1234 });
      await until(() => resumed.opened === 1, LIMIT_MS, 'the second stream');
      resumed.abort();
      await resumed.outcome;
      expect(urls).toEqual([
        `${logsPathOf(device.uuid)}?stream=1`,
        `${logsPathOf(device.uuid)}?stream=1&count=all&start=1234`,
      ]);
    },
    LIMIT_MS,
  );

  test(
    'keep-alive comments count as activity; an abort ends the connection with its reason, leaving no listener',
    async () => {
      const device = await fixture.registerDevice();
      const connection = connect(sseTransport(), fixture.client, device.uuid);
      await until(() => connection.opened === 1 && connection.activity > 0, LIMIT_MS, 'a keep-alive');
      const reason = new Error('enough');
      connection.abort(reason);
      expect(await failure(connection)).toBe(reason);
      expect(connection.lines).toEqual([]);
      expect(getEventListeners(connection.signal, 'abort')).toHaveLength(0);
    },
    LIMIT_MS,
  );

  test(
    'a signal aborted before the connection starts ends it with its reason',
    async () => {
      const controller = new AbortController();
      const reason = new Error('too late');
      controller.abort(reason);
      const connection = connect(sseTransport(), fixture.client, fixture.device.uuid, { signal: controller.signal });
      expect(await failure(connection)).toBe(reason);
      expect(connection.opened).toBe(0);
    },
    LIMIT_MS,
  );

  test(
    'a malformed event fails the connection; the events after it in the same chunk are not delivered',
    async () => {
      const device = await fixture.registerDevice();
      answerWithEvents(
        device.uuid,
        'event: log\ndata: not json\n\nevent: log\ndata: {"message":"after","createdAt":1}\n\n',
      );
      const connection = connect(sseTransport(), fixture.client, device.uuid);
      expect(await failure(connection)).toBeInstanceOf(MalformedLogLine);
      expect(connection.lines).toEqual([]);
    },
    LIMIT_MS,
  );

  test(
    'a stream the server ends is a lost connection',
    async () => {
      const device = await fixture.registerDevice();
      answerWithEvents(device.uuid, 'event: log\ndata: {"message":"last","createdAt":1}\n\n');
      const connection = connect(sseTransport(), fixture.client, device.uuid);
      const error = await failure(connection);
      expect(error).toBeInstanceOf(NetworkError);
      expect((error as Error).message).toBe('The SSE log stream failed: connection lost');
      expect(connection.events).toEqual(['open', 'pass', 'last']);
      expect(getEventListeners(connection.signal, 'abort')).toHaveLength(0);
    },
    LIMIT_MS,
  );

  describe('with a fetch of its own (deprecated)', () => {
    function recordingFetch(): { fetch: typeof fetch; headers: Record<string, string>[] } {
      const headers: Record<string, string>[] = [];
      return {
        headers,
        fetch: (input, init) => {
          headers.push({ ...(init?.headers as Record<string, string>) });
          return fetch(input, init);
        },
      };
    }

    test(
      "sends the client's token and EventSource's headers, and delivers lines",
      async () => {
        const device = await fixture.registerDevice();
        await fixture.post(['past'], device.uuid, device.apiKey);
        const recorder = recordingFetch();
        const connection = connect(sseTransport({ fetch: recorder.fetch }), fixture.client, device.uuid, {
          count: 'all',
        });
        await until(() => connection.lines.length === 1, LIMIT_MS, 'the past line');
        connection.abort();
        await connection.outcome;
        expect(connection.lines[0]?.message).toBe('past');
        expect(connection.activity).toBeGreaterThan(0);
        expect(recorder.headers).toEqual([
          { Accept: 'text/event-stream', Authorization: `Bearer ${fixture.sandbox.superuser.token}` },
        ]);
      },
      LIMIT_MS,
    );

    test(
      'without a token, no Authorization header: the server refuses with a RequestError',
      async () => {
        const client = await fixture.clientFor(fixture.sandbox.url);
        await client.tokens.remove();
        const recorder = recordingFetch();
        const error = await failure(connect(sseTransport({ fetch: recorder.fetch }), client, fixture.device.uuid));
        expect(recorder.headers).toEqual([{ Accept: 'text/event-stream' }]);
        expect(error).toBeInstanceOf(RequestError);
        expect((error as RequestError).status).toBe(401);
        expect((error as RequestError).method).toBe('GET');
      },
      LIMIT_MS,
    );

    test.each([
      [400, RequestError],
      [204, NetworkError],
    ])(
      'an answer %i is a %o',
      async (status, type) => {
        const device = await fixture.registerDevice();
        fixture.failLogs(device.uuid, { kind: 'status', status });
        const error = await failure(connect(sseTransport({ fetch }), fixture.client, device.uuid));
        expect(error).toBeInstanceOf(type);
        if (error instanceof RequestError) expect(error.status).toBe(400);
        else expect((error as Error).message).toBe('The SSE log stream failed: Server sent HTTP 204, not reconnecting');
      },
      LIMIT_MS,
    );
  });

  test(
    'an abort closes the HTTP connection',
    async () => {
      const proxy = await startCuttingProxy(Number(new URL(fixture.sandbox.url).port));
      try {
        const client = await fixture.clientFor(proxy.url);
        const connection = connect(sseTransport(), client, fixture.device.uuid);
        await until(() => connection.opened === 1, LIMIT_MS, 'the stream');
        connection.abort();
        await connection.outcome;
        // Node's fetch closes the socket of an aborted request a few seconds later; one never aborted stays open.
        await until(() => proxy.openConnections() === 0, CLOSE_LIMIT_MS, 'the connection to close');
      } finally {
        await proxy.close();
      }
    },
    CLOSE_LIMIT_MS + LIMIT_MS,
  );
});

describe('mqtt', () => {
  let proxy: CuttingProxy;
  let brokerUrl: string;

  beforeAll(async () => {
    proxy = await startCuttingProxy(Number(new URL(fixture.sandbox.mqttUrl).port));
    brokerUrl = proxy.url.replace('http:', 'mqtt:');
  });

  afterAll(async () => {
    await proxy?.close();
  });

  /** The CONNECT packet's user name and keep-alive, and the QoS asked for by SUBSCRIBE, from the bytes sent. */
  function sentPackets(bytes: Buffer): { username: string; keepalive: number; qos: number } {
    const protocol = bytes.indexOf(Buffer.from([0, 4, 0x4d, 0x51, 0x54, 0x54]));
    const keepalive = bytes.readUInt16BE(protocol + 8);
    let offset = protocol + 10;
    const clientIdLength = bytes.readUInt16BE(offset);
    offset += 2 + clientIdLength;
    const usernameLength = bytes.readUInt16BE(offset);
    const username = bytes.subarray(offset + 2, offset + 2 + usernameLength).toString('utf8');
    const topic = bytes.indexOf(Buffer.from('/logs'));
    return { username, keepalive, qos: bytes[topic + '/logs'.length] ?? -1 };
  }

  async function withSentBytes(options: { username?: string; keepaliveSeconds?: number }): Promise<Buffer> {
    const before = proxy.received().length;
    const connection = connect(mqttTransport({ url: brokerUrl, ...options }), fixture.client, fixture.device.uuid);
    await until(() => connection.opened === 1, LIMIT_MS, 'the subscription');
    connection.abort();
    await connection.outcome;
    return proxy.received().subarray(before);
  }

  test(
    "connects as 'balena-ts' with a 30 s keep-alive and subscribes at QoS 1, unless told otherwise",
    async () => {
      expect(sentPackets(await withSentBytes({}))).toEqual({ username: 'balena-ts', keepalive: 30, qos: 1 });
      expect(sentPackets(await withSentBytes({ username: 'someone', keepaliveSeconds: 5 }))).toEqual({
        username: 'someone',
        keepalive: 5,
        qos: 1,
      });
    },
    LIMIT_MS * 2,
  );

  test(
    'without count or start, no past lines; every packet is activity; an abort ends it with its reason, leaving no listener',
    async () => {
      const device = await fixture.registerDevice();
      await fixture.post(['past'], device.uuid, device.apiKey);
      const connection = connect(mqttTransport({ url: brokerUrl }), fixture.client, device.uuid);
      await until(() => connection.opened === 1, LIMIT_MS, 'the subscription');
      expect(connection.activity).toBeGreaterThan(0);
      await fixture.post(['live'], device.uuid, device.apiKey);
      await until(() => connection.lines.length === 1, LIMIT_MS, 'the live line');
      const reason = new Error('enough');
      connection.abort(reason);
      expect(await failure(connection)).toBe(reason);
      expect(connection.events).toEqual(['open', 'pass', 'live']);
      expect(getEventListeners(connection.signal, 'abort')).toHaveLength(0);
    },
    LIMIT_MS,
  );

  test(
    'start alone reads the past lines from then on',
    async () => {
      const device = await fixture.registerDevice();
      await fixture.post(['old'], device.uuid, device.apiKey);
      const connection = connect(mqttTransport({ url: brokerUrl }), fixture.client, device.uuid, { start: 0 });
      await until(() => connection.lines.length === 1, LIMIT_MS, 'the past line');
      connection.abort();
      await connection.outcome;
      expect(connection.events).toEqual(['open', 'pass', 'old', 'pass']);
    },
    LIMIT_MS,
  );

  test(
    'an empty history answer is no past lines',
    async () => {
      const device = await fixture.registerDevice();
      fixture.failLogs(device.uuid, {
        kind: 'status',
        status: 200,
        body: '',
      });
      const connection = connect(mqttTransport({ url: brokerUrl }), fixture.client, device.uuid, { count: 10 });
      await until(() => connection.passes === 2, LIMIT_MS, 'the live pass');
      const reason = new Error('enough');
      connection.abort(reason);
      expect(await failure(connection)).toBe(reason);
      expect(connection.lines).toEqual([]);
    },
    LIMIT_MS,
  );

  test(
    'live lines that arrive during the history read are held until after it',
    async () => {
      const device = await fixture.registerDevice();
      await fixture.post(['past'], device.uuid, device.apiKey);
      fixture.failLogs(device.uuid, { kind: 'delay', delayMs: 1_000 });
      const connection = connect(mqttTransport({ url: brokerUrl }), fixture.client, device.uuid, { count: 'all' });
      await until(() => connection.opened === 1, LIMIT_MS, 'the subscription');
      await fixture.post(['during'], device.uuid, device.apiKey);
      await until(() => connection.lines.length === 3, LIMIT_MS, 'the lines');
      connection.abort();
      await connection.outcome;
      // The history answer (sent after the delay) has both lines; the held live copy comes after a new pass.
      expect(connection.events).toEqual(['open', 'pass', 'past', 'during', 'pass', 'during']);
    },
    LIMIT_MS,
  );

  test(
    'a signal aborted before the connection starts ends it with its reason, without subscribing',
    async () => {
      const controller = new AbortController();
      const reason = new Error('too late');
      controller.abort(reason);
      const connection = connect(mqttTransport({ url: brokerUrl }), fixture.client, fixture.device.uuid, {
        signal: controller.signal,
      });
      expect(await failure(connection)).toBe(reason);
      expect(connection.opened).toBe(0);
    },
    LIMIT_MS,
  );

  test(
    'a malformed message fails the connection',
    async () => {
      const device = await fixture.registerDevice();
      const connection = connect(mqttTransport({ url: brokerUrl }), fixture.client, device.uuid);
      await until(() => connection.opened === 1, LIMIT_MS, 'the subscription');
      proxy.armCorrupt();
      await fixture.post(['corrupted'], device.uuid, device.apiKey);
      expect(await failure(connection)).toBeInstanceOf(MalformedLogLine);
      expect(connection.lines).toEqual([]);
      expect(getEventListeners(connection.signal, 'abort')).toHaveLength(0);
    },
    LIMIT_MS,
  );

  test(
    'bytes that are no MQTT packet fail the connection with NetworkError',
    async () => {
      const local = await startCuttingProxy(Number(new URL(fixture.sandbox.mqttUrl).port));
      try {
        const url = local.url.replace('http:', 'mqtt:');
        const connection = connect(mqttTransport({ url }), fixture.client, fixture.device.uuid);
        await until(() => connection.opened === 1, LIMIT_MS, 'the subscription');
        // Packet type 0 is reserved: the client's parser fails.
        local.inject(Buffer.from([0x00, 0x00]));
        const error = await failure(connection);
        expect(error).toBeInstanceOf(NetworkError);
        expect((error as Error).message).toMatch(new RegExp(`^MQTT connection to ${url} failed: .`));
      } finally {
        await local.close();
      }
    },
    LIMIT_MS,
  );

  test(
    'a connection the broker closes fails with NetworkError',
    async () => {
      const local = await startCuttingProxy(Number(new URL(fixture.sandbox.mqttUrl).port));
      try {
        const url = local.url.replace('http:', 'mqtt:');
        const connection = connect(mqttTransport({ url }), fixture.client, fixture.device.uuid);
        await until(() => connection.opened === 1, LIMIT_MS, 'the subscription');
        local.dropAll();
        const error = await failure(connection);
        expect(error).toBeInstanceOf(NetworkError);
        expect((error as Error).message).toBe(`The MQTT connection to ${url} closed`);
      } finally {
        await local.close();
      }
    },
    LIMIT_MS,
  );

  test(
    'a broker that cannot be reached: NetworkError with the cause',
    async () => {
      const local = await startCuttingProxy(Number(new URL(fixture.sandbox.mqttUrl).port));
      await local.close();
      const url = local.url.replace('http:', 'mqtt:');
      const error = await failure(connect(mqttTransport({ url }), fixture.client, fixture.device.uuid));
      expect(error).toBeInstanceOf(NetworkError);
      const cause = (error as Error).cause as Error;
      expect(cause).toBeInstanceOf(Error);
      expect((error as Error).message).toBe(`MQTT connection to ${url} failed: ${cause.message}`);
    },
    LIMIT_MS,
  );

  test(
    'a refused credential: NotLoggedIn naming the broker, with the cause',
    async () => {
      const client = await fixture.clientFor(fixture.sandbox.url);
      await client.tokens.set('not-a-valid-token');
      const error = await failure(connect(mqttTransport({ url: brokerUrl }), client, fixture.device.uuid));
      expect(error).toBeInstanceOf(NotLoggedIn);
      expect((error as Error).message).toBe(`The MQTT broker ${brokerUrl} refused the credential`);
      expect((error as Error).cause).toBeInstanceOf(Error);
    },
    LIMIT_MS,
  );

  test(
    "another user's device: 403 for SUBSCRIBE naming the topic",
    async () => {
      const other = await fixture.sandbox.createUser();
      const client = await fixture.clientFor(fixture.sandbox.url);
      await client.tokens.set(other.token);
      const error = await failure(connect(mqttTransport({ url: brokerUrl }), client, fixture.device.uuid));
      expect(error).toBeInstanceOf(RequestError);
      expect((error as RequestError).method).toBe('SUBSCRIBE');
      expect((error as Error).message).toContain(`Not allowed to read devices/${fixture.device.uuid}/logs`);
    },
    LIMIT_MS,
  );
});
