// Bundle-size entries for @balena-ts/logs. Each `code` is the whole program being measured.
export default [
  {
    name: 'logs: subscribe (default NDJSON transport)',
    code: `import { createClient } from '@balena-ts/core';
import { subscribe } from '@balena-ts/logs';
const client = createClient({ apiUrl: 'https://api.example.com' });
subscribe(client, 'a'.repeat(32), (line) => console.log(line.message), console.error, 10);`,
    forbid: ['node_modules/mqtt', 'node_modules/eventsource'],
  },
  {
    name: 'logs: history',
    code: `import { createClient } from '@balena-ts/core';
import { history } from '@balena-ts/logs';
const client = createClient({ apiUrl: 'https://api.example.com' });
history(client, 'a'.repeat(32), 50).then(console.log);`,
    forbid: ['node_modules/mqtt', 'node_modules/eventsource'],
  },
  {
    name: 'logs/sse: subscribe over SSE (eventsource)',
    code: `import { createClient } from '@balena-ts/core';
import { subscribe } from '@balena-ts/logs';
import { sseTransport } from '@balena-ts/logs/sse';
const client = createClient({ apiUrl: 'https://api.example.com' });
subscribe(client, 'a'.repeat(32), (line) => console.log(line.message), console.error, 0, { transport: sseTransport() });`,
    forbid: ['node_modules/mqtt'],
  },
  {
    name: 'logs/mqtt: subscribe over MQTT (mqtt)',
    code: `import { createClient } from '@balena-ts/core';
import { subscribe } from '@balena-ts/logs';
import { mqttTransport } from '@balena-ts/logs/mqtt';
const client = createClient({ apiUrl: 'https://api.example.com' });
subscribe(client, 'a'.repeat(32), (line) => console.log(line.message), console.error, 0, {
  transport: mqttTransport({ url: 'wss://broker.example.com' }),
});`,
    forbid: ['node_modules/eventsource'],
  },
];
