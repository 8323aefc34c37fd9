import type { Client } from '@balena-ts/core';
import type { DeviceIdentifier, LogCount, LogLine, LogTransport, SubscribeOptions } from '../types.js';
import { LOG_HEARTBEAT_INTERVAL_MS } from '../types.js';
import { reconnectDelay, wait } from './backoff.js';
import { isFatal } from './is-fatal.js';
import { resolveDeviceUuid } from './resolve-device.js';
import { ResumeTracker } from './resume-tracker.js';
import { StalledConnection, startWatchdog } from './watchdog.js';

const DEFAULT_RECONNECT_DELAY_MS = 100;
const DEFAULT_MAX_RECONNECT_DELAY_MS = 30_000;

/** What a running subscription needs. */
export interface SubscriptionRun {
  client: Client;
  device: DeviceIdentifier;
  count: LogCount | undefined;
  options: SubscribeOptions;
  transport: LogTransport;
  /** Ends the subscription. */
  signal: AbortSignal;
  onLine(line: LogLine): void;
  /** Called once with the error that ended the subscription. */
  onFatal(error: unknown): void;
}

/** Where the next connection starts reading. */
interface ResumePoint {
  count: LogCount | undefined;
  start: number | undefined;
}

function resumePoint(run: SubscriptionRun, tracker: ResumeTracker, openedAt: number | undefined): ResumePoint {
  const last = tracker.lastDeliveredAt;
  // One millisecond earlier: correct whether the server reads `start` as inclusive or exclusive;
  // the tracker drops the repeats.
  if (last !== undefined) return { count: 'all', start: last - 1 };
  // Nothing delivered yet: past lines the caller asked for are still to come, so ask again.
  if (openedAt === undefined || (run.count !== undefined && run.count !== 0))
    return { count: run.count, start: undefined };
  return { count: 'all', start: openedAt };
}

/**
 * Runs a subscription until its signal aborts or a fatal error: resolves the device, connects
 * through the transport, watches for stalls, and reconnects with capped, jittered backoff from
 * the last delivered line, delivering each line exactly once.
 *
 * @param run - the subscription
 * @returns a promise that resolves when the subscription is over
 */
export async function runSubscription(run: SubscriptionRun): Promise<void> {
  const { options, signal } = run;
  const stallTimeoutMs = 2 * (options.heartbeatIntervalMs ?? LOG_HEARTBEAT_INTERVAL_MS);
  const baseDelayMs = options.reconnectDelayMs ?? DEFAULT_RECONNECT_DELAY_MS;
  const maxDelayMs = options.maxReconnectDelayMs ?? DEFAULT_MAX_RECONNECT_DELAY_MS;
  const tracker = new ResumeTracker();
  let uuid: string | undefined;
  let openedAt: number | undefined;
  let attempt = 0;
  while (!signal.aborted) {
    const connection = new AbortController();
    const abortConnection = (): void => connection.abort(signal.reason);
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: the finally block removes the listener
    signal.addEventListener('abort', abortConnection, { once: true });
    const watchdog = startWatchdog(stallTimeoutMs, () => connection.abort(new StalledConnection(stallTimeoutMs)));
    let delivered = 0;
    let reason: unknown;
    try {
      uuid ??= await resolveDeviceUuid(run.client, run.device, connection.signal);
      const point = resumePoint(run, tracker, openedAt);
      await run.transport.connect({
        client: run.client,
        uuid,
        count: point.count,
        start: point.start,
        signal: connection.signal,
        onOpen(serverTime?: number): void {
          watchdog.feed();
          openedAt ??= Math.min(Date.now(), serverTime ?? Number.POSITIVE_INFINITY);
        },
        onActivity: watchdog.feed,
        beginPass: () => tracker.beginPass(),
        onLine(line: LogLine): void {
          if (connection.signal.aborted || !tracker.accept(line)) return;
          delivered++;
          run.onLine(line);
        },
      });
      reason = new Error('The server ended the log stream');
    } catch (error) {
      reason = connection.signal.aborted && !signal.aborted ? connection.signal.reason : error;
    } finally {
      watchdog.stop();
      signal.removeEventListener('abort', abortConnection);
    }
    if (signal.aborted) return;
    if (isFatal(reason)) {
      run.onFatal(reason);
      return;
    }
    if (delivered > 0) attempt = 0;
    const delayMs = reconnectDelay(attempt, baseDelayMs, maxDelayMs);
    attempt++;
    options.onReconnect?.({ attempt, delayMs, reason });
    await wait(delayMs, signal);
  }
}
