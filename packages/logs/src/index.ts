// balena-ts device logs: history and live subscriptions. The default transport is the NDJSON
// stream balena's API serves; SSE and MQTT live on their own subpaths so that nobody pays for them
// by accident.

export { history } from './history.js';
export { ndjsonTransport } from './ndjson-transport.js';
export type { StreamOptions } from './stream.js';
export { stream } from './stream.js';
export { subscribe } from './subscribe.js';
export type {
  DeviceIdentifier,
  HistoryOptions,
  LogCount,
  LogLine,
  LogSubscription,
  LogTransport,
  LogTransportSession,
  SubscribeOptions,
} from './types.js';
export { LOG_HEARTBEAT_INTERVAL_MS } from './types.js';
export { unsubscribe } from './unsubscribe.js';
export { unsubscribeAll } from './unsubscribe-all.js';
