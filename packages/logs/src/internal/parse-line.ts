import type { LogLine } from '../types.js';

/** A line of the stream that is not a log line. */
export class MalformedLogLine extends Error {
  /**
   * @param text - the offending line (shortened)
   * @param cause - the parse error, if any
   */
  constructor(text: string, cause?: unknown) {
    super(`Malformed log line: ${text.slice(0, 120)}`, cause === undefined ? undefined : { cause });
    this.name = 'MalformedLogLine';
  }
}

function toMilliseconds(value: unknown): number {
  if (typeof value === 'number') return value;
  // Digits only: milliseconds; anything else: a date, NaN when it is none.
  if (typeof value === 'string') return /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  return Number.NaN;
}

/**
 * Checks a decoded log object and normalises its times to epoch milliseconds (balena sends
 * numbers; ISO strings are accepted too).
 *
 * @param value - a decoded JSON value
 * @param text - its source text, for the error
 * @returns the log line
 * @throws {@link MalformedLogLine} when it is not a log line
 */
export function toLogLine(value: unknown, text: string): LogLine {
  // null, a number, a string or an object without a string message: no line (primitives have no message).
  if (typeof (value as { message?: unknown } | null | undefined)?.message !== 'string') {
    throw new MalformedLogLine(text);
  }
  const raw = value as Record<string, unknown>;
  const createdAt = toMilliseconds(raw.createdAt);
  if (Number.isNaN(createdAt)) throw new MalformedLogLine(text);
  const timestamp = toMilliseconds(raw.timestamp);
  const line: LogLine = {
    message: raw.message as string,
    createdAt,
    timestamp: Number.isNaN(timestamp) ? createdAt : timestamp,
    isStdErr: raw.isStdErr === true,
    isSystem: raw.isSystem === true,
  };
  if (typeof raw.serviceId === 'number') line.serviceId = raw.serviceId;
  return line;
}

/**
 * Parses one NDJSON line.
 *
 * @param text - the line, without its newline
 * @returns the log line
 * @throws {@link MalformedLogLine} when it is not JSON or not a log line
 */
export function parseLogLine(text: string): LogLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new MalformedLogLine(text, error);
  }
  return toLogLine(value, text);
}
