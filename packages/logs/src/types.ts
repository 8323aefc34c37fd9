import type { Client } from '@balena-ts/core';

/** One log line of a device, as balena's API serves it. */
export interface LogLine {
  /** The text. */
  message: string;
  /** When the API stored the line, in milliseconds since the epoch. */
  createdAt: number;
  /** When the device wrote the line, in milliseconds since the epoch. */
  timestamp: number;
  /** Written to stderr. */
  isStdErr: boolean;
  /** Written by the supervisor or the OS, not by a service. */
  isSystem: boolean;
  /** The service that wrote it, for service lines. */
  serviceId?: number;
}

/** A device argument: a full uuid (32 or 62 hex characters) or a numeric id. */
export type DeviceIdentifier = string | number;

/** How many past lines: a number, or `'all'` (balena caps it at its retention, 1000 lines). */
export type LogCount = number | 'all';

/** Options of `history`. */
export interface HistoryOptions {
  /** Only lines stored at or after this time (milliseconds since the epoch, or a Date). */
  start?: number | Date;
  /** Aborts the request. */
  signal?: AbortSignal;
}

/** One connection a transport opens for a subscription, and the hooks it reports through. */
export interface LogTransportSession {
  /** The client. */
  readonly client: Client;
  /** The device's full uuid. */
  readonly uuid: string;
  /** Past lines to include; undefined for live lines only. */
  readonly count: LogCount | undefined;
  /** Only lines stored at or after this time (ms since the epoch): set when resuming. */
  readonly start: number | undefined;
  /** Aborted when the subscription ends or the watchdog gives up on the connection. */
  readonly signal: AbortSignal;
  /** Call once the server accepted the connection; `serverTime` is its clock when known. */
  onOpen(serverTime?: number): void;
  /** Call for every piece of data, keep-alives included: it feeds the stall watchdog. */
  onActivity(): void;
  /** Call before the lines of a new pass over the log (a replay from `start`), so that duplicates are told apart. */
  beginPass(): void;
  /** Call for every line, in the server's order. */
  onLine(line: LogLine): void;
}

/** A way of receiving a device's log lines: NDJSON (the default), SSE or MQTT. */
export interface LogTransport {
  /** For messages: `'ndjson'`, `'sse'`, `'mqtt'`. */
  readonly name: string;
  /**
   * Opens one connection and delivers its lines; the subscription reconnects when it ends.
   * @param session - what to ask for, and where to report
   * @returns a promise that resolves when the server ends the stream and rejects when it fails
   */
  connect(session: LogTransportSession): Promise<void>;
}

/** Options of `subscribe` and `stream`. */
export interface SubscribeOptions {
  /** How lines arrive; default the NDJSON stream balena's API serves. */
  transport?: LogTransport;
  /**
   * The server's keep-alive period in milliseconds; a connection silent for twice as long is
   * dropped and reopened. Default {@link LOG_HEARTBEAT_INTERVAL_MS}.
   */
  heartbeatIntervalMs?: number;
  /** The first reconnection delay in milliseconds (doubling, with jitter); default 100. */
  reconnectDelayMs?: number;
  /** The longest reconnection delay in milliseconds; default 30 000. */
  maxReconnectDelayMs?: number;
  /** Called before each reconnection, with the reason and the delay chosen. */
  onReconnect?: (info: { attempt: number; delayMs: number; reason: unknown }) => void;
}

/** A live subscription to a device's logs. */
export interface LogSubscription {
  /** Stops the subscription: no callback is called afterwards. Idempotent. */
  unsubscribe(): void;
}

/** balena's keep-alive period on log streams: a bare newline every 58 s. */
export const LOG_HEARTBEAT_INTERVAL_MS = 58_000;
