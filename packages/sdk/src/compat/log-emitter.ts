import type { Client } from '@balena-ts/core';
import { type LogCount, type LogLine, subscribe } from '@balena-ts/logs';

/** What balena-sdk's `logs.subscribe` resolves to: an emitter of `line` and `error`, and `unsubscribe`. */
export interface LogSubscriptionEmitter {
  /**
   * Adds a listener.
   *
   * @param event - `'line'` (each log line) or `'error'`
   * @param listener - called with the line or the error
   * @returns the emitter
   */
  on(event: 'line' | 'error', listener: (value: never) => void): LogSubscriptionEmitter;
  /**
   * Removes a listener.
   *
   * @param event - `'line'` or `'error'`
   * @param listener - the listener given to `on`
   * @returns the emitter
   */
  off(event: 'line' | 'error', listener: (value: never) => void): LogSubscriptionEmitter;
  /** Stops the subscription. */
  unsubscribe(): void;
}

/**
 * balena-sdk's `logs.subscribe(uuidOrId, { count, start })` over `@balena-ts/logs`'s
 * `subscribe`: the callbacks become `line` and `error` events.
 *
 * @param client - the client
 * @param uuidOrId - the device
 * @param options - `count`: lines of history first (`start` is not supported by balena-ts's live stream)
 * @returns the emitter
 * @throws {@link @balena-ts/core#InvalidParameter} when the device or an option is invalid
 */
export async function subscribeEmitter(
  client: Client,
  uuidOrId: string,
  options?: { count?: LogCount; start?: number | string },
): Promise<LogSubscriptionEmitter> {
  const listeners = { line: new Set<(value: never) => void>(), error: new Set<(value: never) => void>() };
  const emit = (event: 'line' | 'error', value: unknown): void => {
    for (const listener of listeners[event]) (listener as (value: unknown) => void)(value);
  };
  const subscription = subscribe(
    client,
    uuidOrId,
    (line: LogLine) => emit('line', line),
    (error: unknown) => emit('error', error),
    options?.count,
  );
  const emitter: LogSubscriptionEmitter = {
    on(event, listener) {
      listeners[event].add(listener);
      return emitter;
    },
    off(event, listener) {
      listeners[event].delete(listener);
      return emitter;
    },
    unsubscribe: () => subscription.unsubscribe(),
  };
  return emitter;
}
