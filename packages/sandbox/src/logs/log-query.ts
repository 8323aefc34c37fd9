import type { StoredLogLine } from './log-line.js';
import { LOG_RETENTION_LINES } from './log-store.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** balena reads history without `start` from 30 days back. */
export const HISTORY_LOOKBACK_MS: number = 30 * DAY_MS;
/** balena streams without `start` from one day back. */
export const STREAM_LOOKBACK_MS: number = DAY_MS;

/** Which stored lines a read wants. */
export interface LogSelection {
  /** How many of the newest matching lines to keep. */
  count: number;
  /** Only lines with createdAt at or after this (epoch ms). */
  start: number;
  /** Only lines after this sequence number (sandbox extension), or undefined. */
  since?: number;
}

function parseStart(value: string | null): number | undefined {
  if (value === null || value === '') return undefined;
  const parsed = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

function parseCount(value: string | null, fallback: number): number {
  if (value === null || value === '') return fallback;
  if (value === 'all') return LOG_RETENTION_LINES;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) return fallback;
  return Math.min(parsed, LOG_RETENTION_LINES);
}

function parseSequence(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed >= 0 ? parsed : undefined;
}

/**
 * Reads `count`, `start` and `since` from a query. Streams default to no history (count 0);
 * a `since` or `lastEventId` resume defaults to every retained line after it.
 */
export function parseLogSelection(
  query: URLSearchParams,
  options: { streaming: boolean; now: number; lastEventId?: string | undefined },
): LogSelection {
  const since = parseSequence(query.get('since')) ?? parseSequence(options.lastEventId);
  const defaultCount = since !== undefined ? LOG_RETENTION_LINES : options.streaming ? 0 : LOG_RETENTION_LINES;
  const lookback = options.streaming ? STREAM_LOOKBACK_MS : HISTORY_LOOKBACK_MS;
  const selection: LogSelection = {
    count: parseCount(query.get('count'), defaultCount),
    start: parseStart(query.get('start')) ?? options.now - lookback,
  };
  if (since !== undefined) selection.since = since;
  return selection;
}

/** The selected lines, oldest first: the last `count` of those matching `start` and `since`. */
export function selectLines(lines: readonly StoredLogLine[], selection: LogSelection): StoredLogLine[] {
  const matching = lines.filter(
    (line) => line.createdAt >= selection.start && (selection.since === undefined || line.sequence > selection.since),
  );
  return selection.count === 0 ? [] : matching.slice(-selection.count);
}
