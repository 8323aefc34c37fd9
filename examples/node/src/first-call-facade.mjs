#!/usr/bin/env node
// The same first call through the facade: one import, the seed's tree. Same environment as
// first-call.mjs (BALENA_API_URL, BALENA_EMAIL, BALENA_PASSWORD).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Balena } from '@balena-ts/sdk';

// Like the balena CLI, the facade keeps its token in a data directory (default ~/.balena); a
// scratch one keeps this example away from yours.
const dataDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'balena-ts-example-'));
try {
  const balena = new Balena({ apiUrl: process.env.BALENA_API_URL, dataDirectory });
  await balena.auth.login({ username: process.env.BALENA_EMAIL, password: process.env.BALENA_PASSWORD });
  console.log(`Logged in as ${await balena.auth.whoAmI()}.`);
  for (const device of await balena.models.device.getAll({ $select: ['device_name', 'uuid', 'overall_status'] })) {
    console.log(`${device.device_name} (${device.uuid.slice(0, 7)}): ${device.overall_status}`);
  }
} finally {
  fs.rmSync(dataDirectory, { recursive: true, force: true });
}
