import { EventEmitter } from 'node:events';
import type { LogLineInput, StoredLogLine } from './log-line.js';

/** Lines kept per device, as balena keeps (its retention limit is 1000 lines per device). */
export const LOG_RETENTION_LINES = 1000;
/** balena's NDJSON keep-alive interval: a bare newline every 58 s. */
export const LOG_HEARTBEAT_INTERVAL_MS = 58_000;

interface DeviceLog {
  lines: StoredLogLine[];
  nextSequence: number;
  lastCreatedAt: number;
}

const ALL_DEVICES = '*';

type LineListener = (line: StoredLogLine) => void;

/**
 * Every device's log lines, in memory (they do not survive a restart, as balena's Redis-backed
 * buffer would not be part of a data file either), with live subscriptions.
 */
export class LogStore {
  private readonly devices = new Map<number, DeviceLog>();
  private readonly emitter = new EventEmitter();
  /** The NDJSON and SSE keep-alive interval; set from `SandboxOptions.logHeartbeatMs`. */
  heartbeatIntervalMs: number = LOG_HEARTBEAT_INTERVAL_MS;

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  private log(deviceId: number): DeviceLog {
    let log = this.devices.get(deviceId);
    if (!log) {
      log = { lines: [], nextSequence: 1, lastCreatedAt: 0 };
      this.devices.set(deviceId, log);
    }
    return log;
  }

  /** Stores lines received at `now` and hands them to live subscribers; returns the stored lines. */
  append(deviceId: number, inputs: LogLineInput[], now: number): StoredLogLine[] {
    const log = this.log(deviceId);
    const stored: StoredLogLine[] = [];
    for (const input of inputs) {
      // Strictly increasing createdAt lets a client resume with `start=<last createdAt + 1>` exactly.
      const createdAt = Math.max(now, log.lastCreatedAt + 1);
      log.lastCreatedAt = createdAt;
      const line: StoredLogLine = {
        sequence: log.nextSequence++,
        createdAt,
        timestamp: input.timestamp ?? now,
        isSystem: input.isSystem ?? false,
        isStdErr: input.isStdErr ?? false,
        message: input.message,
      };
      if (input.serviceId !== undefined) line.serviceId = input.serviceId;
      log.lines.push(line);
      stored.push(line);
    }
    if (log.lines.length > LOG_RETENTION_LINES) log.lines.splice(0, log.lines.length - LOG_RETENTION_LINES);
    for (const line of stored) {
      this.emitter.emit(String(deviceId), line);
      this.emitter.emit(ALL_DEVICES, deviceId, line);
    }
    return stored;
  }

  /** The retained lines of a device, oldest first. */
  lines(deviceId: number): readonly StoredLogLine[] {
    return this.devices.get(deviceId)?.lines ?? [];
  }

  /** Calls `listener` for every new line of a device; returns the unsubscribe function. */
  subscribe(deviceId: number, listener: LineListener): () => void {
    this.emitter.on(String(deviceId), listener);
    return () => this.emitter.off(String(deviceId), listener);
  }

  /** Calls `listener` for every new line of every device (the MQTT bridge). */
  subscribeAll(listener: (deviceId: number, line: StoredLogLine) => void): () => void {
    this.emitter.on(ALL_DEVICES, listener);
    return () => this.emitter.off(ALL_DEVICES, listener);
  }

  /** Drops a deleted device's lines and ends its streams. */
  forget(deviceId: number): void {
    this.devices.delete(deviceId);
    this.emitter.emit(`forget:${deviceId}`);
  }

  /** Calls `listener` once when a device's log is dropped; returns the unsubscribe function. */
  onForget(deviceId: number, listener: () => void): () => void {
    this.emitter.once(`forget:${deviceId}`, listener);
    return () => this.emitter.off(`forget:${deviceId}`, listener);
  }
}
