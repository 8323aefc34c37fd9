// The SSE transport of @balena-ts/logs, on its own subpath so that the default NDJSON transport
// does not carry the eventsource package.

export type { SseTransportOptions } from './sse-transport.js';
export { sseTransport } from './sse-transport.js';
export type { LogCount, LogLine, LogTransport, LogTransportSession } from './types.js';
