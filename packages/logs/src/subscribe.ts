import type { Client } from '@balena-ts/core';
import { checkCount } from './internal/check-count.js';
import { checkFunction } from './internal/check-function.js';
import { track, untrack } from './internal/registry.js';
import { checkDevice, checkOptions } from './internal/resolve-device.js';
import { runSubscription } from './internal/run-subscription.js';
import { ndjsonTransport } from './ndjson-transport.js';
import type { DeviceIdentifier, LogCount, LogLine, LogSubscription, SubscribeOptions } from './types.js';

/**
 * Subscribes to a device's logs: `callback` receives each line once, in order, past lines first
 * when `count` asks for them. The subscription survives dropped and stalled connections: it
 * reconnects with backoff and resumes after the last line it delivered. It gives up only on 401,
 * 403 or 404 (or an unknown device), reporting through `error`.
 *
 * @param client - the client
 * @param uuid - the device: a full uuid or a numeric id
 * @param callback - receives each line
 * @param error - receives the error that ended the subscription, and errors thrown by `callback`
 * @param count - past lines to include first: a number or `'all'`; default none
 * @param options - transport (default NDJSON), heartbeat period, reconnection delays
 * @returns the subscription; `unsubscribe()` ends it (as does the abort of the signal of a client from `withOptions`)
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed uuid, count or options, or a `callback` or `error` that
 *   is not a function (the device's existence is checked asynchronously)
 * @example
 * ```ts
 * const subscription = subscribe(client, uuid, (line) => console.log(line.message), console.error, 10);
 * // later
 * subscription.unsubscribe();
 * ```
 */
export function subscribe(
  client: Client,
  uuid: DeviceIdentifier,
  callback: (line: LogLine) => void,
  error?: (error: unknown) => void,
  count?: LogCount,
  options?: SubscribeOptions,
): LogSubscription {
  const checkedCount = checkCount(count);
  checkDevice(uuid);
  checkFunction('callback', callback, false);
  checkFunction('error', error, true);
  const checkedOptions = checkOptions(options) as SubscribeOptions;
  const controller = new AbortController();
  // A client from `withOptions` with a signal: its abort ends the subscription like `unsubscribe()`.
  const clientSignal = client.signal;
  const subscription: LogSubscription = {
    // Idempotent: a second abort, removal and untrack change nothing.
    unsubscribe(): void {
      controller.abort();
      clientSignal?.removeEventListener('abort', onClientAbort);
      untrack(client, uuid, subscription);
    },
  };
  const onClientAbort = (): void => subscription.unsubscribe();
  track(client, uuid, subscription);
  // Stryker disable next-line ObjectLiteral,BooleanLiteral: unsubscribe() removes the listener
  clientSignal?.addEventListener('abort', onClientAbort, { once: true });
  const report = (reason: unknown): void => {
    if (!controller.signal.aborted) error?.(reason);
  };
  runSubscription({
    client,
    device: uuid,
    count: checkedCount,
    options: checkedOptions,
    transport: checkedOptions.transport ?? ndjsonTransport(),
    signal: controller.signal,
    onLine(line: LogLine): void {
      // Also guarded by the run, which drops the lines of an aborted connection (this abort aborts it synchronously).
      if (controller.signal.aborted) return;
      try {
        callback(line);
      } catch (thrown) {
        report(thrown);
      }
    },
    onFatal(reason: unknown): void {
      report(reason);
      subscription.unsubscribe();
    },
  }).catch((unexpected: unknown) => {
    report(unexpected);
    subscription.unsubscribe();
  });
  if (clientSignal?.aborted) subscription.unsubscribe();
  return subscription;
}
