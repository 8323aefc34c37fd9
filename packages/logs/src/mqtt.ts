// The MQTT transport of @balena-ts/logs, on its own subpath: the mqtt package costs about 100 KB
// in browsers, and only those who import this subpath pay for it.

export type { MqttTransportOptions } from './mqtt-transport.js';
export { mqttTransport } from './mqtt-transport.js';
export type { LogCount, LogLine, LogTransport, LogTransportSession } from './types.js';
