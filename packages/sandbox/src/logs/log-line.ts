import { emptyError, messageError } from '../http/http-error.js';

/** balena refuses bigger write batches (more than 10 lines: 400 "Batches cannot include more than 10 logs"). */
export const MAX_LOGS_PER_BATCH = 10;

/** One stored log line of a device. */
export interface StoredLogLine {
  /** Monotonic per device, from 1: what SSE ids, `since=` and MQTT payloads resume from. */
  sequence: number;
  /** When the sandbox received the line (epoch ms); strictly increasing per device. */
  createdAt: number;
  /** When the device says the line was written (epoch ms). */
  timestamp: number;
  isSystem: boolean;
  isStdErr: boolean;
  serviceId?: number;
  message: string;
}

/** A line as a device posts it (or as the simulator writes it). */
export interface LogLineInput {
  message: string;
  timestamp?: number;
  isSystem?: boolean;
  isStdErr?: boolean;
  serviceId?: number;
}

/** The wire shape of a line, in balena's key order; `seq` only where the client asked for it. */
export function toApiLine(line: StoredLogLine, withSequence = false): Record<string, unknown> {
  const result: Record<string, unknown> = {
    createdAt: line.createdAt,
    timestamp: line.timestamp,
    isSystem: line.isSystem,
    isStdErr: line.isStdErr,
  };
  if (line.serviceId !== undefined) result.serviceId = line.serviceId;
  result.message = line.message;
  if (withSequence) result.seq = line.sequence;
  return result;
}

function toTimestamp(value: unknown, fallback: number): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') {
    const parsed = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
    if (Number.isFinite(parsed)) return parsed;
  }
  return fallback;
}

/**
 * Validates a posted batch: an array of at most 10 lines (400 with balena's message otherwise),
 * anything but an array is 400 with no body. Entries without a string message are skipped, as a
 * supervisor's malformed line should not cost the whole batch.
 */
export function parseLogBatch(body: unknown, now: number): LogLineInput[] {
  if (!Array.isArray(body)) throw emptyError(400);
  if (body.length > MAX_LOGS_PER_BATCH) throw messageError(400, 'Batches cannot include more than 10 logs');
  const lines: LogLineInput[] = [];
  for (const entry of body) {
    if (entry === null || typeof entry !== 'object') continue;
    const fields = entry as Record<string, unknown>;
    if (typeof fields.message !== 'string') continue;
    const line: LogLineInput = {
      message: fields.message,
      timestamp: toTimestamp(fields.timestamp, now),
      isSystem: fields.isSystem === true,
      isStdErr: fields.isStdErr === true,
    };
    if (typeof fields.serviceId === 'number') line.serviceId = fields.serviceId;
    lines.push(line);
  }
  return lines;
}
