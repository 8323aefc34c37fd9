// balena-ts device logs: history and live subscriptions over NDJSON, SSE or MQTT.
// Not implemented yet: see the open issue for this package.
export {};
