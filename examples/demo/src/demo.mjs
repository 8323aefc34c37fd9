#!/usr/bin/env node
// `npm run demo`: balena-ts touring a living fleet on the embedded sandbox, through the facade only.
//   node src/demo.mjs                                  full tour on a fresh sandbox
//   node src/demo.mjs --api-url URL --token TOKEN      read-only tour of any balena API
//   node src/demo.mjs --web [--port PORT]              the fleet dashboard in the browser, until Ctrl-C
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readOnlyTour } from './read-only-tour.mjs';
import { sandboxTour } from './sandbox-tour.mjs';

const USAGE = 'usage: npm run demo [-- --api-url URL --token TOKEN | -- --web [--port PORT]]';

function readArguments() {
  // `npm run demo -- ...` reaches this script through pnpm, which passes the `--` along.
  const args = process.argv.slice(2);
  if (args[0] === '--') args.shift();
  try {
    return parseArgs({
      args,
      options: {
        'api-url': { type: 'string' },
        token: { type: 'string' },
        web: { type: 'boolean' },
        port: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    console.log(`${error.message}\n${USAGE}`);
    process.exit(2);
  }
}

const values = readArguments();
const webPort = Number(values.port ?? 0);
if (
  values.help ||
  (values['api-url'] === undefined) !== (values.token === undefined) ||
  (values.web && values['api-url'] !== undefined) ||
  (values.port !== undefined && (!values.web || !Number.isInteger(webPort) || webPort < 0 || webPort > 65535))
) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}

// The facade keeps settings and the session token like the balena CLI does; a scratch folder
// keeps the demo away from the user's own ~/.balena.
const dataDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'balena-ts-demo-'));
const started = Date.now();
try {
  if (values.web) {
    console.log('balena-ts demo: the fleet dashboard on the embedded sandbox');
    // Loaded only here: the other tours never load the dashboard and its bundler.
    const { webDemo } = await import('./web-demo.mjs');
    await webDemo({ port: webPort });
  } else if (values['api-url'] !== undefined) {
    console.log(`balena-ts demo: read-only tour of ${values['api-url']}`);
    await readOnlyTour({ apiUrl: values['api-url'], token: values.token, dataDirectory });
  } else {
    console.log('balena-ts demo: a living fleet on the embedded sandbox');
    await sandboxTour({ dataDirectory });
  }
  console.log(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
} catch (error) {
  console.error(`\nThe demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  fs.rmSync(dataDirectory, { recursive: true, force: true });
}
