#!/usr/bin/env node
// The modular way: import only what you use. Against a local sandbox:
//   pnpm exec balena-sandbox --port 4000 --password secret   (in this folder)
//   BALENA_API_URL=http://127.0.0.1:4000 BALENA_EMAIL=admin@example.com BALENA_PASSWORD=... node src/first-call.mjs [uuid]
import { login } from '@balena-ts/auth';
import { createClient, DeviceNotFound } from '@balena-ts/core';
import * as device from '@balena-ts/models/device';

const client = createClient({ apiUrl: process.env.BALENA_API_URL });
await login(client, { username: process.env.BALENA_EMAIL, password: process.env.BALENA_PASSWORD });

const uuid = process.argv[2] ?? (await device.getAll(client, { $select: 'uuid', $top: 1 }))[0]?.uuid;
if (uuid === undefined) {
  console.log('Logged in. There are no devices yet.');
} else {
  try {
    const found = await device.get(client, uuid, { $select: ['device_name', 'uuid', 'overall_status'] });
    console.log(`${found.device_name} (${found.uuid.slice(0, 7)}): ${found.overall_status}`);
  } catch (error) {
    if (!(error instanceof DeviceNotFound)) throw error;
    console.log(`No device ${uuid}.`);
    process.exitCode = 1;
  }
}
