import { NetworkError, NotLoggedIn, RequestError } from '@balena-ts/core';
// The default import only: mqtt's browser build is one ESM blob without named exports.
import mqtt from 'mqtt';
import { logsPath, logsQuery } from './internal/logs-path.js';
import { parseLogLine, toLogLine } from './internal/parse-line.js';
import type { LogLine, LogTransport, LogTransportSession } from './types.js';

/** Options of {@link mqttTransport}. */
export interface MqttTransportOptions {
  /** The broker: `mqtt://`, `mqtts://`, `ws://` or `wss://` (browsers need a WebSocket URL). */
  url: string;
  /** The topic of a device's lines; default `devices/<uuid>/logs`. */
  topic?: (uuid: string) => string;
  /** The user name sent with the token as password; default `'balena-ts'`. */
  username?: string;
  /** The MQTT keep-alive in seconds; its ping answers feed the stall watchdog. Default 30. */
  keepaliveSeconds?: number;
}

const DEFAULT_KEEPALIVE_SECONDS = 30;
// MQTT 3.1.1 CONNACK return codes 4 and 5: bad user name or password, not authorised.
const REFUSED_CREDENTIAL_CODES: ReadonlySet<number> = new Set([4, 5]);
// SUBACK granted QoS 0x80: the subscription was refused.
const SUBSCRIPTION_REFUSED = 128;

function describeFailure(error: unknown, url: string): Error {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'number' && REFUSED_CREDENTIAL_CODES.has(code)) {
    return new NotLoggedIn(`The MQTT broker ${url} refused the credential`, { cause: error });
  }
  // Stryker disable next-line OptionalChaining: mqtt.js reports failures as Error objects, never null or undefined
  return new NetworkError(`MQTT connection to ${url} failed: ${(error as Error)?.message ?? String(error)}`, {
    cause: error,
  });
}

/**
 * A transport over MQTT (the `mqtt` package; about 100 KB in browsers, hence this separate
 * subpath). Live lines come from the device's topic at QoS 1; past lines, and the gap after a
 * reconnection, come from the logs history endpoint, read while live lines are held back.
 *
 * @param options - the broker URL, topic, user name and keep-alive
 * @returns the transport
 * @example
 * ```ts
 * import { subscribe } from '@balena-ts/logs';
 * import { mqttTransport } from '@balena-ts/logs/mqtt';
 * subscribe(client, uuid, print, console.error, 10, { transport: mqttTransport({ url: 'mqtts://broker.example' }) });
 * ```
 */
export function mqttTransport(options: MqttTransportOptions): LogTransport {
  const topicOf = options.topic ?? ((uuid: string) => `devices/${uuid}/logs`);
  return {
    name: 'mqtt',
    async connect(session: LogTransportSession): Promise<void> {
      const token = await session.client.tokens.get();
      if (session.signal.aborted) throw session.signal.reason;
      let connection: mqtt.MqttClient;
      try {
        connection = await mqtt.connectAsync(options.url, {
          username: options.username ?? 'balena-ts',
          password: token,
          reconnectPeriod: 0,
          clean: true,
          keepalive: options.keepaliveSeconds ?? DEFAULT_KEEPALIVE_SECONDS,
        });
      } catch (error) {
        throw describeFailure(error, options.url);
      }
      const held: LogLine[] = [];
      let live = false;
      let failure: ((error: unknown) => void) | undefined;
      const failed = new Promise<never>((_, reject) => {
        failure = reject;
      });
      failed.catch(() => undefined);
      const onAbort = (): void => failure?.(session.signal.reason);
      // Stryker disable next-line ObjectLiteral,BooleanLiteral: the finally block removes the listener
      session.signal.addEventListener('abort', onAbort, { once: true });
      connection.on('packetreceive', () => session.onActivity());
      connection.on('close', () => failure?.(new NetworkError(`The MQTT connection to ${options.url} closed`)));
      connection.on('error', (error) => failure?.(describeFailure(error, options.url)));
      connection.on('message', (_topic, payload) => {
        try {
          const line = parseLogLine(new TextDecoder().decode(payload));
          if (live) session.onLine(line);
          else held.push(line);
        } catch (error) {
          failure?.(error);
        }
      });
      try {
        const topic = topicOf(session.uuid);
        const refused = (cause?: unknown): RequestError =>
          new RequestError({
            status: 403,
            method: 'SUBSCRIBE',
            url: topic,
            message: `Not allowed to read ${topic}`,
            cause,
          });
        const granted = await Promise.race([connection.subscribeAsync(topic, { qos: 1 }), failed]).catch(
          (error: unknown) => {
            // mqtt.js rejects a refused subscription with the SUBACK attached.
            throw (error as { packet?: unknown }).packet ? refused(error) : error;
          },
        );
        // mqtt.js 5 rejects a SUBACK that refuses (above); this covers a client that resolves with it instead.
        // Stryker disable next-line MethodExpression,ArrowFunction: mqtt.js 5 never resolves with a refusal (see above)
        if (granted.some((grant) => grant.qos === SUBSCRIPTION_REFUSED)) throw refused();
        session.onOpen();
        if (session.count !== undefined || session.start !== undefined) {
          const past = await Promise.race([
            session.client.request<unknown[] | undefined>(logsPath(session.uuid), {
              query: logsQuery({ count: session.count ?? 'all', start: session.start }),
              signal: session.signal,
              responseType: 'json',
            }),
            failed,
          ]);
          session.beginPass();
          for (const entry of past ?? []) session.onLine(toLogLine(entry, JSON.stringify(entry)));
        }
        // Lines that arrived during the history read overlap it: a new pass lets the tracker drop them.
        session.beginPass();
        live = true;
        for (const line of held.splice(0, held.length)) session.onLine(line);
        await failed;
      } finally {
        session.signal.removeEventListener('abort', onAbort);
        connection.removeAllListeners('close');
        connection.end(true);
      }
    },
  };
}
