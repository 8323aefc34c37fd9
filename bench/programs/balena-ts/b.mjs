// Program (b) with balena-ts: log in, list a fleet's devices, set a device env var (an upsert, as
// the official SDK's envVar.set).
import { login } from '@balena-ts/auth';
import { createClient } from '@balena-ts/core';
import { getAllByApplication } from '@balena-ts/models/device';
import { set as setDeviceEnvVariable } from '@balena-ts/models/device-env-variable';

/** @param {import('../config.mjs').ProgramConfig} config */
export async function run({ apiUrl, email, password, fleet, deviceUuid }) {
  const client = createClient({ apiUrl });
  await login(client, { username: email, password });
  const devices = await getAllByApplication(client, fleet);
  await setDeviceEnvVariable(client, deviceUuid, 'BENCH_PROGRAM_B', String(devices.length));
  return devices.length;
}
