#!/usr/bin/env node
// The balena-sandbox command: a local balena-compatible API server.
import { parseArgs } from 'node:util';
import { startSandbox } from './start-sandbox.js';

const USAGE = `Usage: balena-sandbox [--port 4000] [--data ./sandbox.db] [--username admin] [--email admin@example.com] [--password secret] [--verbose]

Starts a local balena-compatible API on 127.0.0.1 and prints its URL and the superuser's credentials.
With --data, fleets, devices and keys are kept in that SQLite file across restarts.`;

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
    `superuser: ${sandbox.superuser.username} / ${sandbox.superuser.email} / password ${sandbox.superuser.password}`,
  );
  console.log(`token: ${sandbox.superuser.token}`);
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
  console.error(USAGE);
  process.exit(1);
});
