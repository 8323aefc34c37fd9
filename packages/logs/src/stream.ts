import type { Client } from '@balena-ts/core';
import { checkOptions } from './internal/resolve-device.js';
import { subscribe } from './subscribe.js';
import type { DeviceIdentifier, LogCount, LogLine, SubscribeOptions } from './types.js';

/** Options of {@link stream}. */
export interface StreamOptions extends SubscribeOptions {
  /** Past lines to include first; default none. */
  count?: LogCount;
  /** Ends the iteration (it then finishes normally). */
  signal?: AbortSignal;
}

/**
 * A device's logs as an async iterable: `for await (const line of stream(client, uuid))`.
 * Leaving the loop (`break`, `return`, a throw) unsubscribes. A fatal error (401, 403, 404, an
 * unknown device) is thrown from the loop. Lines wait in memory until the loop takes them.
 *
 * @param client - the client
 * @param uuid - the device: a full uuid or a numeric id
 * @param options - count, signal, transport, heartbeat period, reconnection delays
 * @returns an async iterable iterator of lines
 * @throws {@link @balena-ts/core#DeviceNotFound} from the loop when no device matches
 * @throws {@link @balena-ts/core#InvalidParameter} from the loop's first step for a malformed uuid, count or options
 * @example
 * ```ts
 * for await (const line of stream(client, uuid, { count: 10 })) {
 *   if (line.message.includes('ready')) break;
 * }
 * ```
 */
export async function* stream(
  client: Client,
  uuid: DeviceIdentifier,
  options?: StreamOptions,
): AsyncGenerator<LogLine, void, undefined> {
  const queue: LogLine[] = [];
  let failure: { error: unknown } | undefined;
  let ended = false;
  let wake: (() => void) | undefined;
  const notify = (): void => {
    wake?.();
    wake = undefined;
  };
  const { count, signal, ...subscribeOptions } = checkOptions(options) as StreamOptions;
  const subscription = subscribe(
    client,
    uuid,
    (line) => {
      queue.push(line);
      notify();
    },
    (error) => {
      failure = { error };
      notify();
    },
    count,
    subscribeOptions,
  );
  const stop = (): void => {
    ended = true;
    notify();
  };
  // The signal of a client from `withOptions` ends the stream as the option's does.
  const signals = [signal, client.signal].filter((each): each is AbortSignal => each !== undefined);
  for (const each of signals) {
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: the finally block removes the listener
    each.addEventListener('abort', stop, { once: true });
    if (each.aborted) stop();
  }
  try {
    for (;;) {
      if (queue.length > 0) {
        // Take the whole backlog at once: shifting one by one is quadratic on long queues.
        const batch = queue.splice(0, queue.length);
        for (const line of batch) {
          // An abort ends the stream at once, lines already received included.
          if (ended) return;
          yield line;
        }
        continue;
      }
      if (failure) throw failure.error;
      if (ended) return;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    for (const each of signals) each.removeEventListener('abort', stop);
    subscription.unsubscribe();
  }
}
