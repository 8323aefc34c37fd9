// Program (a) with balena-ts: log in, get one device.
import { login } from '@balena-ts/auth';
import { createClient } from '@balena-ts/core';
import { get } from '@balena-ts/models/device';

/** @param {import('../config.mjs').ProgramConfig} config */
export async function run({ apiUrl, email, password, deviceUuid }) {
  const client = createClient({ apiUrl });
  await login(client, { username: email, password });
  return get(client, deviceUuid);
}
