#!/usr/bin/env node
// The balena-sandbox command: a local balena-compatible API server.
import { parseArgs } from 'node:util';
import { startSandbox } from './start-sandbox.js';

const USAGE = `Usage: balena-sandbox [options]

Starts a local balena-compatible API on 127.0.0.1 and prints its URL, the MQTT broker of device
logs (TCP and WebSocket), and the superuser's credentials and token. Stops cleanly on Ctrl-C or SIGTERM.

Options:
  --port <n>          HTTP port on 127.0.0.1; 0 picks a free one (default 4000)
  --data <file>       SQLite file (mode 0600) that keeps fleets, devices, keys (hashed) and the superuser
                      across restarts (default: in memory only)
  --username <name>   the superuser's user name (default admin)
  --email <address>   the superuser's e-mail address (default admin@example.com)
  --password <text>   the superuser's password (default: generated on a new data file, printed once)
  --verbose           logs every request
  -h, --help          prints this help`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4000' },
      data: { type: 'string' },
      username: { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid --port ${values.port}`);
  const sandbox = await startSandbox({
    port,
    ...(values.data ? { dataFile: values.data } : {}),
    superuser: { username: values.username, email: values.email, password: values.password },
    quiet: !values.verbose,
  });
  console.log(`balena-sandbox listening on ${sandbox.url}`);
  console.log(
    `superuser: ${sandbox.superuser.username} / ${sandbox.superuser.email} / password ${sandbox.superuser.password || '(unchanged; only its hash is kept, --password sets it)'}`,
  );
  console.log(`token: ${sandbox.superuser.token}`);
  console.log(`mqtt (device logs): ${sandbox.mqttUrl}`);
  console.log(`mqtt over websocket (browsers): ${sandbox.mqttWsUrl}`);
  if (values.data) console.log(`data file: ${values.data}`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`balena-sandbox: ${(error as Error).message ?? error}`);
  // A system error (a busy port, an unreadable data file: EADDRINUSE, ENOENT…) is not a usage mistake.
  if (!/^E[A-Z]+$/.test(String((error as { code?: unknown }).code))) console.error(USAGE);
  process.exit(1);
});
